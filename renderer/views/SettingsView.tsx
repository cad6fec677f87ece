import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_SETTINGS, POSTURE_NOTE, SETTINGS_EVIDENCE, WEEKDAYS, type Weekday } from '../../shared/settingsRules.js';
import { getBridge } from '../bridge/index.js';
import { errorField, errorProblem, errorText } from '../lib/errors.js';
import { formatMinutes } from '../lib/format.js';
import { useNowState, useSettings } from '../lib/hooks.js';
import { DataSection } from '../settings/DataSection.js';
import { SyncSection } from '../settings/SyncSection.js';
import { asSentence, draftToPatch, draftWarnings, fieldOf, type Draft, type FieldErrors, type NumberField as NumberKey } from '../settings/draft.js';
import { discardDraft, draftSaved, editDraft, settingsArrived, useKeptDraft } from '../settings/keptDraft.js';
import { UnsavedBar } from '../settings/UnsavedSettings.js';
import { Check, FieldError, NumberField, TimeInput } from '../settings/Field.js';
import { PauseControls } from './PauseControls.js';
import { LanguageSection } from '../settings/LanguageSection.js';
import { MovementSection } from '../settings/MovementSection.js';
import { BusySection } from '../settings/BusySection.js';
import { DailyLimitField } from '../settings/DailyLimitField.js';
import { StandingSection } from '../settings/StandingSection.js';
import { useTranslation } from 'react-i18next';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const NUMBER_TEXT: Record<NumberKey, { label: string; hint: string }> = {
  sitLimitMinutes: { label: 'Break prompt after sitting for', hint: 'Asks you to get up once you have sat this long without a break.' },
  postureEveryMinutes: { label: 'Posture reminder every', hint: `A light nudge to change position, before the first break prompt of a bout. ${POSTURE_NOTE}` },
  snoozeMinutes: { label: 'Snooze for', hint: 'Snooze postpones the break prompt by this long; an unanswered prompt repeats this often.' },
  minBreakMinutes: { label: 'A break is at least', hint: 'This long without keyboard or mouse input counts as getting up.' },
};

export function SettingsView() {
  const settings = useSettings();
  const now = useNowState();
  // The draft outlives this view: edits are still here after a visit to another view (issue 17).
  const draft = useKeptDraft()?.draft ?? null;
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (settings.data) settingsArrived(settings.data);
  }, [settings.data]);

  if (settings.error && !draft) {
    return (
      <>
        <h1>Settings</h1>
        <p className="alert" role="alert">
          {settings.error}
        </p>
      </>
    );
  }
  if (!draft) return <h1>Settings</h1>;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    editDraft({ ...draft, [key]: value });
    setStatus(null);
  };
  const setDay = (day: Weekday, part: Partial<Draft['workHours'][Weekday]>) =>
    set('workHours', { ...draft.workHours, [day]: { ...draft.workHours[day], ...part } });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const checked = draftToPatch(draft);
    if (!checked.patch) {
      setErrors(checked.errors);
      setStatus({ ok: false, text: 'Not saved: please correct the fields marked below.' });
      return;
    }
    try {
      const saved = await getBridge().updateSettings(checked.patch);
      settings.set(saved);
      draftSaved(saved);
      setErrors({});
      setStatus({ ok: true, text: 'Saved.' });
    } catch (err) {
      const field = errorField(err);
      if (field) setErrors({ [fieldOf(field)]: asSentence(errorProblem(err) ?? errorText(err)) });
      setStatus({ ok: false, text: `Not saved: ${errorText(err)}` });
    }
  };

  const discard = () => {
    discardDraft();
    setErrors({});
    setStatus(null);
  };

  const num = (key: NumberKey) => (
    <NumberField
      id={key}
      label={NUMBER_TEXT[key].label}
      value={draft[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      hint={`${NUMBER_TEXT[key].hint} Default: ${formatMinutes(DEFAULT_SETTINGS[key])}.`}
    />
  );

  return (
    <>
      <h1>{t('nav.settings')}</h1>
      <LanguageSection value={draft.language} onSaved={settings.set} />
      {settings.data && <MovementSection value={settings.data.movementMode} onSaved={settings.set} />}
      <form id="settings-form" onSubmit={(e) => void save(e)} noValidate aria-describedby="settings-status">
        <fieldset>
          <legend>Prompts</legend>
          <p className="note small">
            <strong>Why these defaults: </strong>
            {SETTINGS_EVIDENCE}
          </p>
          {num('sitLimitMinutes')}
          {num('snoozeMinutes')}
          {num('minBreakMinutes')}
          {num('postureEveryMinutes')}
          {draftWarnings(draft).map((w) => (
            <p key={w.field} className="note small" role="status" data-testid={`field-warning-${w.field}`}>
              {w.text}
            </p>
          ))}
          <Check
            id="postureEnabled"
            label="Show posture reminders"
            checked={draft.postureEnabled}
            onChange={(v) => set('postureEnabled', v)}
            hint="Default: on."
          />
        </fieldset>

        <BusySection draft={draft} errors={errors} set={set} />
        <StandingSection draft={draft} errors={errors} set={set} />

        <fieldset>
          <legend>Work hours</legend>
          <Check
            id="workHoursOn"
            label="Only prompt during work hours"
            checked={draft.workHoursOn}
            onChange={(v) => set('workHoursOn', v)}
            hint="Default: off (prompts at any hour). Sitting is still recorded outside work hours."
          />
          {draft.workHoursOn &&
            WEEKDAYS.map((day) => {
              const d = draft.workHours[day];
              const key = `workHours.${day}`;
              return (
                <div key={day}>
                  <div className="weekday-row" role="group" aria-label={`${DAY_NAMES[day]} hours`}>
                    <div className="check">
                      <input id={`wh-${day}-on`} type="checkbox" checked={d.on} onChange={(e) => setDay(day, { on: e.target.checked })} />
                      <label htmlFor={`wh-${day}-on`}>{DAY_NAMES[day]}</label>
                    </div>
                    <label className="visually-hidden" htmlFor={`wh-${day}-start`}>
                      {DAY_NAMES[day]} start
                    </label>
                    <TimeInput id={`wh-${day}-start`} value={d.start} disabled={!d.on} onChange={(v) => setDay(day, { start: v })} error={errors[key]} errorId={`wh-${day}-error`} />
                    <label className="visually-hidden" htmlFor={`wh-${day}-end`}>
                      {DAY_NAMES[day]} end
                    </label>
                    <TimeInput id={`wh-${day}-end`} value={d.end} disabled={!d.on} onChange={(v) => setDay(day, { end: v })} error={errors[key]} errorId={`wh-${day}-error`} />
                    <span className="muted small">{d.on ? '' : 'day off'}</span>
                  </div>
                  <FieldError id={`wh-${day}-error`} error={errors[key]} testId={key} />
                </div>
              );
            })}
          <FieldError id="workHours-error" error={errors.workHours} testId="workHours" />
        </fieldset>

        <fieldset>
          <legend>Quiet hours</legend>
          <Check
            id="quietOn"
            label="No prompts during quiet hours"
            checked={draft.quietOn}
            onChange={(v) => set('quietOn', v)}
            hint="Default: off. Every day; a span like 22:00 to 07:00 runs past midnight."
          />
          {draft.quietOn && (
            <div className="row">
              <label htmlFor="quiet-start">From</label>
              <TimeInput id="quiet-start" value={draft.quietStart} onChange={(v) => set('quietStart', v)} error={errors.quietHours} errorId="quietHours-error" />
              <label htmlFor="quiet-end">to</label>
              <TimeInput id="quiet-end" value={draft.quietEnd} onChange={(v) => set('quietEnd', v)} error={errors.quietHours} errorId="quietHours-error" />
            </div>
          )}
          <FieldError id="quietHours-error" error={errors.quietHours} testId="quietHours" />
        </fieldset>

        <fieldset>
          <legend>General</legend>
          <DailyLimitField value={draft.dailySittingGoalMinutes} onChange={(v) => set('dailySittingGoalMinutes', v)} refused={Boolean(errors.dailySittingGoalMinutes)} />
          <Check
            id="startAtLogin"
            label="Start Sitwell when I log in"
            checked={draft.startAtLogin}
            onChange={(v) => set('startAtLogin', v)}
            hint="Default: off. Applies to the desktop app."
          />
          <div className="field">
            <label htmlFor="timeZone">Time zone for days and times</label>
            <input
              id="timeZone"
              type="text"
              value={draft.timeZone}
              placeholder="Follow the system"
              onChange={(e) => set('timeZone', e.target.value)}
              aria-invalid={errors.timeZone ? true : undefined}
              aria-describedby={`timeZone-hint${errors.timeZone ? ' timeZone-error' : ''}`}
            />
            <p className="hint" id="timeZone-hint">
              An IANA name such as Europe/Berlin. Default: empty, which follows the operating system.
            </p>
            <FieldError id="timeZone-error" error={errors.timeZone} testId="timeZone" />
          </div>
        </fieldset>

        <div className="row">
          <button type="submit" className="primary">
            Save settings
          </button>
          <button
            type="button"
            onClick={discard}
          >
            Undo changes
          </button>
        </div>
        <p id="settings-status" role="status" data-testid="settings-status" className={status ? (status.ok ? 'success field-gap' : 'alert field-gap') : ''}>
          {status?.text}
        </p>
      </form>

      <section className="card" aria-labelledby="pause-h">
        <h2 id="pause-h">Pause</h2>
        {now.data?.tracking === false ? (
          <p className="muted">Pausing needs Sitwell to be tracking: run <code>sitwell daemon</code> or the desktop app.</p>
        ) : (
          <PauseControls pausedUntil={now.data?.pausedUntil ?? null} onChange={now.reload} />
        )}
      </section>

      <SyncSection />
      <DataSection />
      <UnsavedBar formId="settings-form" onDiscard={discard} />
    </>
  );
}
