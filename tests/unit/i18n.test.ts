import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakActionLabels, breakPromptText, posturePromptText } from '../../main/app/promptText.js';
import { envLocales, LANGUAGES, normalizeLocale, pickLanguage, resolveLanguage, textDirection } from '../../shared/i18n/languages.js';
import { notifyTranslator } from '../../shared/i18n/notifyCatalog.js';
import { settingsPatchProblem } from '../../shared/settingsRules.js';
import { SettingsPatchSchema } from '../../shared/settings.js';

const LOCALES = join(import.meta.dirname, '../../shared/i18n/locales');

describe('which language', () => {
  it('reads POSIX locales: LC_ALL first, then LANGUAGE, LC_MESSAGES, LANG; C means none', () => {
    expect(envLocales({ LANG: 'de_DE.UTF-8' })).toEqual(['de_DE.UTF-8']);
    expect(envLocales({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8', LC_ALL: 'ja_JP.UTF-8' })).toEqual(['ja_JP.UTF-8']);
    expect(pickLanguage(envLocales({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }))).toBe('fr');
    expect(normalizeLocale('sr_RS.UTF-8@latin')).toBe('sr-RS');
    expect(pickLanguage(envLocales({ LANG: 'C.UTF-8' }))).toBe('en');
  });

  it('matches exactly, then by language in another region, then falls back to English', () => {
    expect(pickLanguage(['pt-BR'])).toBe('pt-BR');
    expect(pickLanguage(['pt-PT'])).toBe('pt-BR');
    expect(pickLanguage(['zh-TW'])).toBe('zh-CN');
    expect(pickLanguage(['de-AT'])).toBe('de');
    expect(pickLanguage(['AR_eg'])).toBe('ar');
    expect(pickLanguage(['sw-KE', 'nl-BE'])).toBe('nl');
    expect(pickLanguage(['sw-KE'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('the language setting overrides the system; "system" follows it', () => {
    expect(resolveLanguage('system', ['ko-KR'])).toBe('ko');
    expect(resolveLanguage('pl', ['ko-KR'])).toBe('pl');
    expect(settingsPatchProblem({ language: 'tlh' })).toMatch(/^settings\.language: must be "system" or one of en, de/);
    expect(settingsPatchProblem({ language: 'ja' })).toBeNull();
    expect(SettingsPatchSchema.safeParse({ language: 'tlh' }).success).toBe(false);
  });

  it('Arabic is right to left, the others left to right', () => {
    expect(LANGUAGES.filter((l) => textDirection(l) === 'rtl')).toEqual(['ar']);
  });
});

describe('notification texts', () => {
  it('use each language’s CLDR plural forms, never n === 1', () => {
    const pl = notifyTranslator('pl');
    expect([1, 2, 5, 22, 25].map((count) => pl('minutes', { count }))).toEqual(['1 minuta', '2 minuty', '5 minut', '22 minuty', '25 minut']);
    const ar = notifyTranslator('ar');
    expect([1, 2, 3, 11, 100].map((count) => ar('minutes', { count }))).toEqual(['دقيقة واحدة', 'دقيقتين', '3 دقائق', '11 دقيقة', '100 دقيقة']);
  });

  it('a break prompt and its buttons in German; the on-hold text still says walk or rest, no stretches', () => {
    const de = notifyTranslator('de');
    expect(breakPromptText(31 * 60_000, true, de)).toEqual({ title: 'Zeit aufzustehen', body: expect.stringContaining('seit 31 Minuten') });
    expect(breakPromptText(31 * 60_000, false, de).body).toMatch(/keine Dehnübungen/);
    expect(breakActionLabels(de)).toEqual({ default: 'Sitwell öffnen', 'start-stretch': 'Dehnübung starten', stand: 'Aufstehen', snooze: 'Später erinnern', skip: 'Auslassen' });
    expect(posturePromptText(16 * 60_000).body).toMatch(/^16 minutes in the chair/);
  });
});

describe('catalog check (scripts/check-i18n.mjs)', () => {
  const run = (dir?: string) => spawnSync('node', ['scripts/check-i18n.mjs', ...(dir ? [dir] : [])], { encoding: 'utf8' });

  it('passes on the shipped catalogs', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails on a missing key, an extra key, a changed placeholder and a wrong plural form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitwell-i18n-'));
    cpSync(LOCALES, dir, { recursive: true });
    const file = join(dir, 'de', 'notify.json');
    const de = JSON.parse(readFileSync(file, 'utf8'));
    delete de.tray.quit;
    de.tray.extra = 'x';
    de.break.body = 'Sie sitzen seit {{minuten}}.';
    de.minutes_few = '{{count}} Minuten';
    writeFileSync(file, JSON.stringify(de));
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('de/notify: missing key "tray.quit"');
    expect(r.stderr).toContain('de/notify: extra key "tray.extra"');
    expect(r.stderr).toContain('"break.body" has placeholders {minuten}, English has {minutes}');
    expect(r.stderr).toContain('"minutes_few" is not a plural form of de');
  });

  it('the pseudo-locale is generated and current: accented, about 40% longer, placeholders kept', () => {
    execFileSync('node', ['scripts/i18n-pseudo.mjs']);
    const xa = JSON.parse(readFileSync(join(LOCALES, 'en-XA', 'notify.json'), 'utf8'));
    expect(xa.break.body).toMatch(/^\[Ýöü ĥáṽé|^\[Ýöü ĥávé/);
    expect(xa.break.body).toContain('{{minutes}}');
    const en = JSON.parse(readFileSync(join(LOCALES, 'en', 'notify.json'), 'utf8'));
    expect(xa.break.body.length).toBeGreaterThan(en.break.body.length * 1.35);
  });
});
