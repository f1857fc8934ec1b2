/**
 * How a person who serves several centers chooses the next work: the order of their centers
 * ("order"), the work that has waited longest ("fifo"), or the longest queue ("longestQueue").
 * Incidents always come first, then interrupted work, whatever the rule.
 */
export const DISPATCH_RULES = ['order', 'fifo', 'longestQueue'] as const;
export type DispatchRule = (typeof DISPATCH_RULES)[number];
