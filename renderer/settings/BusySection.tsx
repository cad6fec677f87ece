import { useTranslation } from 'react-i18next';
import { BUSY_APP } from '../../shared/settingsRules.js';
import { BUSY_SWITCHES, type Draft, type FieldErrors } from './draft.js';
import { Check, FieldError } from './Field.js';

/** Each busy source (DESIGN.md §6) as a switch with a plain line of what it detects. */
const SOURCE_KEY: Readonly<Record<(typeof BUSY_SWITCHES)[number], string>> = {
  busyDnd: 'dnd',
  busyFullscreen: 'fullscreen',
  busyCall: 'call',
  busyApp: 'app',
  busyCalendar: 'calendar',
};

/** The first line of the app list the rules refuse (1-based), or 0 when all are fine. */
export function badAppLine(text: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '' && !BUSY_APP.test(l.trim()));
  return i + 1;
}

/** The busy sources, the app list and the calendar file: part of the settings form (saved with it). */
export function BusySection(props: { draft: Draft; errors: FieldErrors; set: <K extends keyof Draft>(key: K, value: Draft[K]) => void }) {
  const { draft, errors, set } = props;
  const { t } = useTranslation();
  // The rules' messages are English; these say the same in the user's language, with what was typed.
  const appsError = errors.busyApps ? t('settingsBusy.appsBad', { line: Math.max(1, badAppLine(draft.busyApps)) }) : undefined;
  const calendarError = errors.busyCalendarFile ? t('settingsBusy.calendarBadPath', { path: draft.busyCalendarFile.trim() }) : undefined;
  return (
    <fieldset data-testid="busy-sources">
      <legend>{t('settingsBusy.heading')}</legend>
      <p className="note small">{t('settingsBusy.help')}</p>
      {BUSY_SWITCHES.map((k) => (
        <Check
          key={k}
          id={k}
          label={t(`settingsBusy.${SOURCE_KEY[k]}`)}
          checked={draft[k]}
          onChange={(v) => set(k, v)}
          hint={`${t(`settingsBusy.${SOURCE_KEY[k]}Hint`)} ${t('settingsBusy.defaultOn')}`}
        />
      ))}
      {draft.busyApp && (
        <div className="field">
          <label htmlFor="busyApps">{t('settingsBusy.apps')}</label>
          <textarea
            id="busyApps"
            rows={3}
            value={draft.busyApps}
            onChange={(e) => set('busyApps', e.target.value)}
            aria-invalid={appsError ? true : undefined}
            aria-describedby={`busyApps-hint${appsError ? ' busyApps-error' : ''}`}
          />
          <p className="hint" id="busyApps-hint">
            {t('settingsBusy.appsHint')}
          </p>
          <FieldError id="busyApps-error" error={appsError} testId="busyApps" />
        </div>
      )}
      {draft.busyCalendar && (
        <div className="field">
          <label htmlFor="busyCalendarFile">{t('settingsBusy.calendarFile')}</label>
          <input
            id="busyCalendarFile"
            type="text"
            value={draft.busyCalendarFile}
            onChange={(e) => set('busyCalendarFile', e.target.value)}
            aria-invalid={calendarError ? true : undefined}
            aria-describedby={`busyCalendarFile-hint${calendarError ? ' busyCalendarFile-error' : ''}`}
          />
          <p className="hint" id="busyCalendarFile-hint">
            {t('settingsBusy.calendarFileHint')}
          </p>
          <FieldError id="busyCalendarFile-error" error={calendarError} testId="busyCalendarFile" />
        </div>
      )}
    </fieldset>
  );
}
