import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/i18n.js';
import { filledText } from '../../renderer/lib/filledText.js';
import { formatMinutes } from '../../renderer/lib/format.js';
import { formatMinutes as minutesIn } from '../../shared/durationText.js';
import de from '../../shared/i18n/locales/de/app.json';
import ja from '../../shared/i18n/locales/ja/app.json';

/** filledText asks i18next once per text and language, then fills the values in itself: the same words as t() every time. */
describe('filled texts', () => {
  afterAll(() => i18n.changeLanguage('en'));
  const cell = { day: 'Monday', from: '9:00 AM', to: '10:00 AM', duration: '1 h 5 min' };

  it('equal i18next’s own interpolation, in each language, after a change of language and of catalog', async () => {
    i18n.addResourceBundle('de', 'app', de);
    i18n.addResourceBundle('ja', 'app', ja);
    for (const lng of ['en', 'de', 'ja', 'en']) {
      await i18n.changeLanguage(lng);
      expect(filledText('stats.heat.cell', cell)).toBe(i18n.t('stats.heat.cell', cell));
      for (const m of [0, 0.4, 1, 59.6, 60, 61, 95, 119.6, 120, 1439, 6000]) expect(formatMinutes(m)).toBe(minutesIn(m, i18n.t));
    }
    // A catalog replaced under the current language: asked again.
    await i18n.changeLanguage('de');
    i18n.addResourceBundle('de', 'app', { stats: { heat: { cell: '{{day}}, {{from}} bis {{to}}: {{duration}}' } } }, true, true);
    expect(filledText('stats.heat.cell', cell)).toBe('Monday, 9:00 AM bis 10:00 AM: 1 h 5 min');
    i18n.addResourceBundle('de', 'app', de, true, true);
  });

  it('puts values in as they are, also where a text names one twice or a value looks like a placeholder', () => {
    i18n.addResourceBundle('en', 'app', { test: { twice: '{{a}} and {{a}} again, {{b}}' } }, true, false);
    expect(filledText('test.twice', { a: 'x', b: '{{a}}' })).toBe('x and x again, {{a}}');
    expect(filledText('test.twice', { a: 1, b: 2 })).toBe('1 and 1 again, 2');
  });
});
