import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';

/**
 * "I'm standing" / "I'm sitting" at a sit-stand desk (DESIGN.md §7): the same bridge `stand`/`sit` the
 * tray and `sitwell stand` use; the engine decides what it means, this only says which is pressed.
 */
export function StandSwitch({ standing, onChange }: { standing: boolean; onChange?: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const say = (stand: boolean) => {
    const b = getBridge();
    (stand ? b.stand({}) : b.sit({})).then(
      () => {
        setError(null);
        onChange?.();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <div>
      <div className="row" role="group" aria-label={t('now.postureGroup')} data-testid="now-stand-switch">
        <button type="button" className={standing ? 'primary' : undefined} aria-pressed={standing} onClick={() => say(true)} data-testid="now-stand">
          {t('now.iStand')}
        </button>
        <button type="button" className={standing ? undefined : 'primary'} aria-pressed={!standing} onClick={() => say(false)} data-testid="now-sit">
          {t('now.iSit')}
        </button>
      </div>
      <p className="muted small">{t('now.standHint')}</p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
