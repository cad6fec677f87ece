export * from './types.js';
export * from './catalog.js';
export { svgProblems, SVG_MAX_BYTES } from './svgCheck.js';
export { suggestStretch, suggestionWeights, type SuggestionHistoryEntry } from './suggest.js';
