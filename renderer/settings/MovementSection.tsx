import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_MODES, type MovementMode, type Settings } from '../../shared/settingsRules.js';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';

/** Standing moves and walks (default) or seated moves only: applies at once, like the language. */
export function MovementSection({ value, onSaved }: { value: MovementMode; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // Shown chosen at once; back to the stored value if saving fails.
  const [shown, setShown] = useState(value);

  async function choose(movementMode: MovementMode) {
    setError(null);
    setShown(movementMode);
    try {
      onSaved(await getBridge().updateSettings({ movementMode }));
    } catch (e) {
      setShown(value);
      setError(errorText(e));
    }
  }

  return (
    <section className="card" aria-labelledby="movement-h">
      <h2 id="movement-h">{t('movement.heading')}</h2>
      <p className="muted small" id="movement-help">
        {t('movement.help')}
      </p>
      <div role="radiogroup" aria-labelledby="movement-h" aria-describedby="movement-help">
        {MOVEMENT_MODES.map((mode) => (
          <div className="check" key={mode}>
            <input id={`movement-${mode}`} type="radio" name="movement-mode" checked={shown === mode} onChange={() => void choose(mode)} />
            <label htmlFor={`movement-${mode}`}>{t(mode === 'seated' ? 'movement.seated' : 'movement.standing')}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
