import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { draftToPatch, draftWarnings, fieldOf, toDraft } from '../../renderer/settings/draft.js';
import { asSentence, problemText } from '../../renderer/lib/problemText.js';
import { i18n } from '../../renderer/i18n.js';
import de from '../../shared/i18n/locales/de/app.json';
import { badAppLine } from '../../renderer/settings/BusySection.js';
import { discardDraft, draftSaved, editDraft, forgetDraft, isUnsaved, readKept, sameValue, settingsArrived, subscribeKept } from '../../renderer/settings/keptDraft.js';

describe('settings form draft', () => {
  it('round-trips the defaults into a patch equal to them', () => {
    const r = draftToPatch(toDraft(DEFAULT_SETTINGS));
    expect(r.errors).toBeNull();
    // The movement mode and settings sync are saved by their own controls at once, so the form's patch leaves them alone.
    const { movementMode: _applied, syncSettings: _own, ...formKeys } = DEFAULT_SETTINGS;
    expect(r.patch).toEqual(formKeys);
  });

  it('names each wrong field with a sentence from the shared schema', () => {
    const d = { ...toDraft(DEFAULT_SETTINGS), sitLimitMinutes: '0', snoozeMinutes: 'soon', timeZone: 'Nowhere/Atlantis' };
    const r = draftToPatch(d);
    expect(r.patch).toBeNull();
    expect(r.errors).toEqual({
      sitLimitMinutes: 'Must be at least 1 minute.',
      snoozeMinutes: 'Enter a number of minutes.',
      timeZone: expect.stringContaining('Nowhere/Atlantis'),
    });
  });

  it('work hours and quiet hours: per-day spans, days off, and a span that must not be empty', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    d.workHoursOn = true;
    d.workHours.mon = { on: true, start: '10:00', end: '10:00' };
    d.quietOn = true;
    d.quietStart = '25:00';
    const r = draftToPatch(d);
    expect(r.errors).toMatchObject({ 'workHours.mon': 'Start and end must differ.', quietHours: expect.stringMatching(/^Must be a time of day/) });

    d.workHours.mon = { on: true, start: '08:00', end: '16:00' };
    d.quietStart = '22:00';
    const ok = draftToPatch(d);
    expect(ok.patch?.workHours).toMatchObject({ mon: { start: '08:00', end: '16:00' }, sat: null, sun: null });
    expect(ok.patch?.quietHours).toEqual({ start: '22:00', end: '07:00' });
  });

  it('maps schema paths to form fields', () => {
    expect(fieldOf('workHours.tue.start')).toBe('workHours.tue');
    expect(fieldOf('settings.workHours.tue.start')).toBe('workHours.tue');
    expect(fieldOf('quietHours.start')).toBe('quietHours');
    expect(asSentence('must be at most 480 minutes')).toBe('Must be at most 480 minutes.');
  });

  it("says the shared rules' problems in the window's language, with the language's plural; unknown ones keep their words (issue 14)", async () => {
    expect(problemText('must be at least 1 minutes')).toBe('Must be at least 1 minute.');
    expect(problemText('must be at most 480 minutes')).toBe('Must be at most 480 minutes.');
    expect(problemText('start and end must differ')).toBe('Start and end must differ.');
    expect(problemText('must list at most 50 apps')).toBe('Must list at most 50 apps.');
    i18n.addResourceBundle('de', 'app', de);
    await i18n.changeLanguage('de');
    try {
      expect(problemText('must be at least 1 minutes')).toBe('Mindestens 1 Minute.');
      expect(problemText('must be at most 480 minutes')).toBe('Höchstens 480 Minuten.');
      expect(draftToPatch({ ...toDraft(DEFAULT_SETTINGS), snoozeMinutes: 'bald' }).errors).toEqual({ snoozeMinutes: de.settings.problem.number });
      expect(problemText('must list at most 50 apps')).toBe('Must list at most 50 apps.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('settings checked across fields (issue #17)', () => {
  it('warns when the posture interval is at or above the sit limit, and only while posture reminders are on', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    expect(draftWarnings(d)).toEqual([]);
    expect(draftWarnings({ ...d, postureEveryMinutes: '30', sitLimitMinutes: '30' })).toEqual([
      { field: 'postureEveryMinutes', text: expect.stringContaining('you will get none') },
    ]);
    expect(draftWarnings({ ...d, postureEveryMinutes: '45', sitLimitMinutes: '30', postureEnabled: false })).toEqual([]);
    expect(draftWarnings({ ...d, postureEveryMinutes: '', sitLimitMinutes: '30' })).toEqual([]);
  });
});

describe('settings form draft: busy sources and the standing limit', () => {
  it('the standing switch off stores null and keeps the minutes for switching back on; on with nothing typed is refused', () => {
    const d = { ...toDraft(DEFAULT_SETTINGS), standOn: false };
    expect(draftToPatch(d).patch?.standLimitMinutes).toBeNull();
    expect(toDraft({ ...DEFAULT_SETTINGS, standLimitMinutes: null })).toMatchObject({ standOn: false, standLimitMinutes: '40' });
    expect(draftToPatch({ ...d, standOn: true, standLimitMinutes: '' }).errors).toEqual({ standLimitMinutes: 'Enter a number of minutes.' });
    expect(draftToPatch({ ...d, standOn: true, standLimitMinutes: '25' }).patch?.standLimitMinutes).toBe(25);
  });

  it('the app list drops blanks and repeats; a relative calendar path is refused', () => {
    const d = { ...toDraft(DEFAULT_SETTINGS), busyApps: ' zoom \n\nobs, zoom', busyCalendarFile: 'work.ics' };
    expect(draftToPatch(d).errors).toHaveProperty('busyCalendarFile');
    expect(draftToPatch({ ...d, busyCalendarFile: '/home/me/work.ics' }).patch).toMatchObject({ busyApps: ['zoom', 'obs'], busyCalendarFile: '/home/me/work.ics' });
  });

  it('badAppLine names the first line the rules refuse', () => {
    expect(badAppLine('zoom\n\nobs')).toBe(0);
    expect(badAppLine(`zoom\n${'x'.repeat(101)}`)).toBe(2);
  });
});

describe('the kept draft: unsaved Settings edits outlive the view (issue 17)', () => {
  it('is unsaved only while it differs from the stored settings; Discard goes back to them', () => {
    forgetDraft();
    settingsArrived(DEFAULT_SETTINGS);
    let heard = 0;
    const off = subscribeKept(() => heard++);
    expect(isUnsaved(readKept())).toBe(false);
    editDraft({ ...readKept()!.draft, sitLimitMinutes: '45' });
    expect(isUnsaved(readKept())).toBe(true);
    // Typed back to the stored value: nothing is unsaved.
    editDraft({ ...readKept()!.draft, sitLimitMinutes: String(DEFAULT_SETTINGS.sitLimitMinutes) });
    expect(isUnsaved(readKept())).toBe(false);
    editDraft({ ...readKept()!.draft, quietOn: true, workHours: { ...readKept()!.draft.workHours, mon: { on: false, start: '09:00', end: '17:00' } } });
    expect(isUnsaved(readKept())).toBe(true);
    discardDraft();
    expect(readKept()!.draft).toEqual(toDraft(DEFAULT_SETTINGS));
    expect(heard).toBe(4); // three edits and the discard
    off();
  });

  it('settings changed elsewhere: an unedited draft follows them; edits stay, and the language (applied at once) follows', () => {
    forgetDraft();
    settingsArrived(DEFAULT_SETTINGS);
    settingsArrived({ ...DEFAULT_SETTINGS, snoozeMinutes: 15 });
    expect(readKept()!.draft.snoozeMinutes).toBe('15');
    editDraft({ ...readKept()!.draft, sitLimitMinutes: '50' });
    // Another computer's change through the sync folder (issue 15): a field not edited here follows it, so saving the edits keeps it.
    settingsArrived({ ...DEFAULT_SETTINGS, snoozeMinutes: 15, language: 'de', minBreakMinutes: 4 });
    expect(readKept()!.draft).toMatchObject({ sitLimitMinutes: '50', language: 'de', minBreakMinutes: '4' });
    expect(draftToPatch(readKept()!.draft).patch).toMatchObject({ sitLimitMinutes: 50, minBreakMinutes: 4 });
    expect(isUnsaved(readKept())).toBe(true);
    draftSaved({ ...DEFAULT_SETTINGS, sitLimitMinutes: 50, snoozeMinutes: 15, language: 'de' });
    expect(isUnsaved(readKept())).toBe(false);
  });

  it('compares plain data by value', () => {
    expect(sameValue({ a: { b: '1' }, c: true }, { c: true, a: { b: '1' } })).toBe(true);
    expect(sameValue({ a: { b: '1' } }, { a: { b: '2' } })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});
