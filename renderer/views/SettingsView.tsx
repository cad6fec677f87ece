import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, WEEKDAYS, type Weekday } from '../../shared/settingsRules.js';
import { getBridge } from '../bridge/index.js';
import { errorField, errorProblem, errorText } from '../lib/errors.js';
import { formatMinutes } from '../lib/format.js';
import { useNowState, useSettings } from '../lib/hooks.js';
import { DataSection } from '../settings/DataSection.js';
import { SyncSection } from '../settings/SyncSection.js';
import { problemText } from '../lib/problemText.js';
import { draftToPatch, draftWarnings, fieldOf, type Draft, type FieldErrors, type NumberField as NumberKey } from '../settings/draft.js';
import { discardDraft, draftSaved, editDraft, settingsArrived, useKeptDraft } from '../settings/keptDraft.js';
import { UnsavedBar } from '../settings/UnsavedSettings.js';
import { Check, FieldError, NumberField, TimeInput } from '../settings/Field.js';
import { PauseControls } from './PauseControls.js';
import { LanguageSection } from '../settings/LanguageSection.js';
import { MovementSection } from '../settings/MovementSection.js';
import { BusySection } from '../settings/BusySection.js';
import { DailyLimitField } from '../settings/DailyLimitField.js';
import { StandingSection } from '../settings/StandingSection.js';
import { formatDate } from '../lib/dates.js';

/** A weekday's name in the window's language: 1 January 2024 was a Monday. */
const dayName = (day: Weekday) => formatDate(`2024-01-0${WEEKDAYS.indexOf(day) + 1}`, { weekday: 'long' });

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
        <h1>{t('nav.settings')}</h1>
        <p className="alert" role="alert">
          {settings.error}
        </p>
      </>
    );
  }
  if (!draft) return <h1>{t('nav.settings')}</h1>;

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
      setStatus({ ok: false, text: t('settings.notSavedFields') });
      return;
    }
    try {
      const saved = await getBridge().updateSettings(checked.patch);
      settings.set(saved);
      draftSaved(saved);
      setErrors({});
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (err) {
      const field = errorField(err);
      const problem = errorProblem(err);
      if (field) setErrors({ [fieldOf(field)]: problem ? problemText(problem) : errorText(err) });
      setStatus({ ok: false, text: t('settings.notSaved', { reason: errorText(err) }) });
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
      label={t(`settings.number.${key}.label`)}
      value={draft[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      hint={`${t(`settings.number.${key}.hint`)} ${t('settings.default', { value: formatMinutes(DEFAULT_SETTINGS[key]) })}`}
      unit={t('settingsStanding.minutes')}
    />
  );

  return (
    <>
      <h1>{t('nav.settings')}</h1>
      <LanguageSection value={draft.language} onSaved={settings.set} />
      {settings.data && <MovementSection value={settings.data.movementMode} onSaved={settings.set} />}
      <form id="settings-form" onSubmit={(e) => void save(e)} noValidate aria-describedby="settings-status">
        <fieldset>
          <legend>{t('settings.prompts')}</legend>
          <p className="note small">
            <strong>{t('settings.whyDefaults')}</strong>
            {t('settings.evidence')}
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
            label={t('settings.postureEnabled')}
            checked={draft.postureEnabled}
            onChange={(v) => set('postureEnabled', v)}
            hint={t('settingsBusy.defaultOn')}
          />
        </fieldset>

        <BusySection draft={draft} errors={errors} set={set} />
        <StandingSection draft={draft} errors={errors} set={set} />

        <fieldset>
          <legend>{t('settings.workHours')}</legend>
          <Check
            id="workHoursOn"
            label={t('settings.workHoursOn')}
            checked={draft.workHoursOn}
            onChange={(v) => set('workHoursOn', v)}
            hint={t('settings.workHoursHint')}
          />
          {draft.workHoursOn &&
            WEEKDAYS.map((day) => {
              const d = draft.workHours[day];
              const key = `workHours.${day}`;
              const name = dayName(day);
              return (
                <div key={day}>
                  <div className="weekday-row" role="group" aria-label={t('settings.dayHours', { day: name })}>
                    <div className="check">
                      <input id={`wh-${day}-on`} type="checkbox" checked={d.on} onChange={(e) => setDay(day, { on: e.target.checked })} />
                      <label htmlFor={`wh-${day}-on`}>{name}</label>
                    </div>
                    <label className="visually-hidden" htmlFor={`wh-${day}-start`}>
                      {t('settings.dayStart', { day: name })}
                    </label>
                    <TimeInput id={`wh-${day}-start`} value={d.start} disabled={!d.on} onChange={(v) => setDay(day, { start: v })} error={errors[key]} errorId={`wh-${day}-error`} />
                    <label className="visually-hidden" htmlFor={`wh-${day}-end`}>
                      {t('settings.dayEnd', { day: name })}
                    </label>
                    <TimeInput id={`wh-${day}-end`} value={d.end} disabled={!d.on} onChange={(v) => setDay(day, { end: v })} error={errors[key]} errorId={`wh-${day}-error`} />
                    <span className="muted small">{d.on ? '' : t('settings.dayOff')}</span>
                  </div>
                  <FieldError id={`wh-${day}-error`} error={errors[key]} testId={key} />
                </div>
              );
            })}
          <FieldError id="workHours-error" error={errors.workHours} testId="workHours" />
        </fieldset>

        <fieldset>
          <legend>{t('settings.quietHours')}</legend>
          <Check
            id="quietOn"
            label={t('settings.quietOn')}
            checked={draft.quietOn}
            onChange={(v) => set('quietOn', v)}
            hint={t('settings.quietHint')}
          />
          {draft.quietOn && (
            <div className="row">
              <label htmlFor="quiet-start">{t('settings.from')}</label>
              <TimeInput id="quiet-start" value={draft.quietStart} onChange={(v) => set('quietStart', v)} error={errors.quietHours} errorId="quietHours-error" />
              <label htmlFor="quiet-end">{t('settings.to')}</label>
              <TimeInput id="quiet-end" value={draft.quietEnd} onChange={(v) => set('quietEnd', v)} error={errors.quietHours} errorId="quietHours-error" />
            </div>
          )}
          <FieldError id="quietHours-error" error={errors.quietHours} testId="quietHours" />
        </fieldset>

        <fieldset>
          <legend>{t('settings.general')}</legend>
          <DailyLimitField value={draft.dailySittingGoalMinutes} onChange={(v) => set('dailySittingGoalMinutes', v)} refused={Boolean(errors.dailySittingGoalMinutes)} />
          <Check
            id="startAtLogin"
            label={t('settings.startAtLogin')}
            checked={draft.startAtLogin}
            onChange={(v) => set('startAtLogin', v)}
            hint={t('settings.startAtLoginHint')}
          />
          <div className="field">
            <label htmlFor="timeZone">{t('settings.timeZone')}</label>
            <input
              id="timeZone"
              type="text"
              value={draft.timeZone}
              placeholder={t('settings.timeZonePlaceholder')}
              onChange={(e) => set('timeZone', e.target.value)}
              aria-invalid={errors.timeZone ? true : undefined}
              aria-describedby={`timeZone-hint${errors.timeZone ? ' timeZone-error' : ''}`}
            />
            <p className="hint" id="timeZone-hint">
              {t('settings.timeZoneHint')}
            </p>
            <FieldError id="timeZone-error" error={errors.timeZone} testId="timeZone" />
          </div>
        </fieldset>

        <div className="row">
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
          <button type="button" onClick={discard}>
            {t('settings.undo')}
          </button>
        </div>
        <p id="settings-status" role="status" data-testid="settings-status" className={status ? (status.ok ? 'success field-gap' : 'alert field-gap') : ''}>
          {status?.text}
        </p>
      </form>

      <section className="card" aria-labelledby="pause-h">
        <h2 id="pause-h">{t('settings.pause')}</h2>
        {now.data?.tracking === false ? (
          <p className="muted">
            <Trans i18nKey="settings.pauseNeedsTracking" components={{ 1: <code /> }} />
          </p>
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
