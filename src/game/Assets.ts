/**
 * Every file the Preloader loads, by key. Files are imported through Vite (never inlined), so the
 * build fingerprints them and a missing file fails the build instead of the game.
 */
import phoenixMark from '../../assets/phoenix-mark.svg?no-inline';

export const ASSET = {
  phoenixMark: 'phoenix-mark',
} as const;

export interface SvgAsset {
  readonly key: string;
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

export const SVG_ASSETS: readonly SvgAsset[] = [{ key: ASSET.phoenixMark, url: phoenixMark, width: 128, height: 128 }];
