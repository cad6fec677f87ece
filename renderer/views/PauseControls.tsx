import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { formatPausedUntil } from '../lib/format.js';

/** Pause 30 min / 1 h / until tomorrow, or resume; used by Now and Settings. */
export function PauseControls({ pausedUntil, onChange }: { pausedUntil: number | null; onChange?: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        onChange?.();
      },
      (e: unknown) => setError(errorText(e)),
    );
  const b = getBridge();
  const paused = pausedUntil !== null && pausedUntil > Date.now();
  return (
    <div>
      <p data-testid="pause-status">
        {paused ? (
          <Trans i18nKey="pause.paused" values={{ until: formatPausedUntil(pausedUntil, Date.now()) }} components={{ 1: <strong /> }} />
        ) : (
          t('pause.on')
        )}
      </p>
      <div className="row" role="group" aria-label={t('pause.group')}>
        <button type="button" onClick={() => run(b.pause({ minutes: 30 }))}>
          {t('pause.p30')}
        </button>
        <button type="button" onClick={() => run(b.pause({ minutes: 60 }))}>
          {t('pause.p60')}
        </button>
        <button type="button" onClick={() => run(b.pause({ untilTomorrow: true }))}>
          {t('pause.tomorrow')}
        </button>
        <button type="button" className={paused ? 'primary' : undefined} disabled={!paused} onClick={() => run(b.resume({}))}>
          {t('pause.resume')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
