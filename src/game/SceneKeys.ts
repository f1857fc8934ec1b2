/** Scene keys, one per scene file; the chain is Boot -> Preloader -> LiveRun. */
export const SceneKey = {
  Boot: 'Boot',
  Preloader: 'Preloader',
  LiveRun: 'LiveRun',
} as const;

export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];
