/** What the game and the what-if worker say to each other (plain, structured-cloneable data). */
import type { WhatIfOutcomes, WhatIfRequest } from './WhatIfRun';

export type ToWorker = { readonly type: 'run'; readonly request: WhatIfRequest };

export type FromWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly outcomes: WhatIfOutcomes }
  | { readonly type: 'failed'; readonly message: string };
