export * from './types.js';
export * from './catalog.js';
export { svgProblems } from './svgCheck.js';
export { suggestMove, suggestStretch, suggestableStretches, suggestionWeights, type SuggestionHistoryEntry } from './suggest.js';
export { stretchWords, routineWords, type RoutineWords, type WordsT } from './words.js';
