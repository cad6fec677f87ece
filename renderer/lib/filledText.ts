import { i18n } from '../i18n.js';

/**
 * A catalog text filled in many times over in one view: the heatmap's 168 cell titles, the
 * durations of every table row and chart tick. i18next's t() costs tens of microseconds a call (it
 * copies its options and scans the text for every kind of placeholder each time), a few hundred of
 * them were a fifth of the statistics page's drawing. Here each text is asked of i18next once per
 * language, with markers in place of the values, and filled in by plain replacement after that.
 * Only for texts whose values are put in as they are: no plural (`count`), context or formatting.
 */
const MARK = '\u0000';
/** Per key and value names: the text split at the markers (odd parts are value names). */
const parts = new Map<string, string[]>();
let language = '';
// Another language, or a catalog added or replaced: ask again.
i18n.on('languageChanged', () => parts.clear());
i18n.store.on('added', () => parts.clear());

export function filledText(key: string, values: Record<string, string | number>): string {
  if (i18n.language !== language) {
    parts.clear();
    language = i18n.language;
  }
  const names = Object.keys(values);
  const cacheKey = `${key}${MARK}${names.join(MARK)}`;
  let split = parts.get(cacheKey);
  if (!split) {
    split = i18n.t(key, Object.fromEntries(names.map((n) => [n, `${MARK}${n}${MARK}`]))).split(MARK);
    parts.set(cacheKey, split);
  }
  let text = '';
  for (let i = 0; i < split.length; i++) text += i % 2 ? String(values[split[i]!]) : split[i];
  return text;
}
