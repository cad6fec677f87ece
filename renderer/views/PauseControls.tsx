import { useState } from 'react';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { formatPausedUntil } from '../lib/format.js';

/** Pause 30 min / 1 h / until tomorrow, or resume; used by Now and Settings. */
export function PauseControls({ pausedUntil, onChange }: { pausedUntil: number | null; onChange?: () => void }) {
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
          <>
            Prompts are paused <strong>{formatPausedUntil(pausedUntil, Date.now())}</strong>.
          </>
        ) : (
          'Prompts are on.'
        )}
      </p>
      <div className="row" role="group" aria-label="Pause prompts">
        <button type="button" onClick={() => run(b.pause({ minutes: 30 }))}>
          Pause 30 min
        </button>
        <button type="button" onClick={() => run(b.pause({ minutes: 60 }))}>
          Pause 1 h
        </button>
        <button type="button" onClick={() => run(b.pause({ untilTomorrow: true }))}>
          Pause until tomorrow
        </button>
        <button type="button" className={paused ? 'primary' : undefined} disabled={!paused} onClick={() => run(b.resume({}))}>
          Resume
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
