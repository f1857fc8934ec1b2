/**
 * `npx tsx scripts/write-icons.ts`: renders assets/icon.svg into the PNG icons the web manifest
 * lists (vite.config.ts), with Debian's Chromium, so the icons are drawn here and never downloaded.
 * Browsers that install a web app want PNGs of 192 and 512 pixels; the maskable one fills its
 * rounded corners with the background colour (the launcher cuts its own shape out of it).
 * Run it again after editing the SVG, and commit the PNGs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CSS } from '../src/game/Theme';

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets');

interface IconPng {
  readonly file: string;
  readonly size: number;
  /** Fill the corners the SVG leaves transparent (maskable icons must be opaque). */
  readonly opaque: boolean;
}

export const ICON_PNGS: readonly IconPng[] = [
  { file: 'icon-192.png', size: 192, opaque: false },
  { file: 'icon-512.png', size: 512, opaque: false },
  { file: 'icon-maskable-512.png', size: 512, opaque: true },
];

async function main(): Promise<void> {
  const svg = readFileSync(path.join(ASSETS, 'icon.svg'));
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const icon of ICON_PNGS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      const background = icon.opaque ? CSS.background : 'transparent';
      await page.setContent(`<html><body style="margin:0;background:${background}"><img src="${src}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`);
      await page.waitForFunction(() => document.images[0]?.complete === true);
      const png = await page.screenshot({ type: 'png', omitBackground: !icon.opaque });
      writeFileSync(path.join(ASSETS, icon.file), png);
      console.log(`write-icons: assets/${icon.file} (${icon.size}x${icon.size}, ${png.length} bytes)`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
