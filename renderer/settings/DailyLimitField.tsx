import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, MINUTE_LIMITS } from '../../shared/settingsRules.js';
import { formatHoursMinutes, parseHoursMinutes } from './hoursMinutes.js';
import { FieldError } from './Field.js';

/** The daily sitting limit as h:mm, its refusal said in the user's language with what is wrong. */
export function DailyLimitField({ value, onChange, refused }: { value: string; onChange: (v: string) => void; refused: boolean }) {
  const { t } = useTranslation();
  const { min, max } = MINUTE_LIMITS.dailySittingGoalMinutes;
  const parsed = parseHoursMinutes(value);
  const error = !refused
    ? undefined
    : parsed.problem === 'format'
      ? t('dailyLimit.format', { value: value.trim() })
      : parsed.problem === 'minutes'
        ? t('dailyLimit.minutes', { value: value.trim() })
        : t('dailyLimit.range', { min: formatHoursMinutes(min), max: formatHoursMinutes(max) });
  const id = 'dailySittingGoalMinutes';
  return (
    <div className="field">
      <label htmlFor={id}>{t('dailyLimit.label')}</label>
      <div className="row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          size={6}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <span className="muted">{t('dailyLimit.unit')}</span>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('dailyLimit.hint', { default: formatHoursMinutes(DEFAULT_SETTINGS.dailySittingGoalMinutes) })}
      </p>
      <FieldError id={`${id}-error`} error={error} testId={id} />
    </div>
  );
}
