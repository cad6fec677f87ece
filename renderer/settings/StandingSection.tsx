import { useTranslation } from 'react-i18next';
import type { Draft, FieldErrors } from './draft.js';
import { Check, NumberField } from './Field.js';

/** `standLimitMinutes` (DESIGN.md §7): a switch (off = null) and the minutes, with why it exists. */
export function StandingSection(props: { draft: Draft; errors: FieldErrors; set: <K extends keyof Draft>(key: K, value: Draft[K]) => void }) {
  const { draft, errors, set } = props;
  const { t } = useTranslation();
  const on = draft.standOn;
  return (
    <fieldset data-testid="standing-limit">
      <legend>{t('settingsStanding.heading')}</legend>
      <p className="note small">
        <strong>{t('settingsStanding.why')}</strong>
        {t('settingsStanding.evidence')}
      </p>
      <Check
        id="standLimitOn"
        label={t('settingsStanding.switch')}
        checked={on}
        onChange={(v) => set('standOn', v)}
        hint={t('settingsStanding.hint')}
      />
      {on && (
        <NumberField
          id="standLimitMinutes"
          label={t('settingsStanding.limit')}
          value={draft.standLimitMinutes}
          onChange={(v) => set('standLimitMinutes', v)}
          error={errors.standLimitMinutes ? t('settingsStanding.bad') : undefined}
          hint=""
          unit={t('settingsStanding.minutes')}
        />
      )}
    </fieldset>
  );
}
