import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quickRoutineId } from '../../shared/routines.js';
import type { MovementMode } from '../../shared/settingsRules.js';
import { stretchById, type Stretch } from '../../shared/stretches/index.js';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { formatDayOf, formatMs } from '../lib/format.js';
import { useLoad, useNowState, useSettings, useTicker } from '../lib/hooks.js';
import { href, navigate, queryParam } from '../lib/route.js';
import { Illustration } from '../stretch/Illustration.js';

/**
 * Keys typed into another window just before this one appeared must not answer the prompt, so
 * shortcuts work only once the view has been shown and focused for a moment.
 */
const ARM_DELAY_MS = 700;

type Action = 'stretch' | 'stand' | 'snooze' | 'skip';
/** U for "up": at a sit-stand desk, standing up answers the prompt (DESIGN.md §7). */
const KEYS: Record<string, Action> = { s: 'stretch', u: 'stand', z: 'snooze', k: 'skip' };

/** The break prompt: how long you have sat, one suggested stretch, and Start stretch / Snooze / Skip. */
export function PromptView() {
  const { t } = useTranslation();
  const now = useNowState();
  const settings = useSettings();
  const suggestion = useLoad(() => getBridge().suggestStretch({}));
  const tickNow = useTicker(1000);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const armedAt = useRef(Date.now() + ARM_DELAY_MS);

  // After a check-in with a warning sign: no stretch, no Start button, walking or rest instead.
  const hold = suggestion.data?.hold ?? null;
  const stretch = suggestion.data && !hold ? stretchById(suggestion.data.stretchId) : undefined;
  const prompt = now.data?.openPrompt ?? null;
  // The welcome's "show me a test prompt": the prompt as it will look, with nothing to answer.
  const preview = prompt === null && queryParam('preview') === '1';
  const state = now.data;

  const act = async (action: Action) => {
    if (busy) return;
    if (action === 'stretch') {
      if (hold || !suggestion.data) return;
      navigate('stretch', 'play', stretch?.id ?? quickRoutineId(settings.data?.movementMode ?? 'standing'));
      return;
    }
    setBusy(true);
    try {
      const { answered } = await getBridge().answerPrompt({ action });
      const minutes = action === 'snooze' ? settings.data?.snoozeMinutes : settings.data?.sitLimitMinutes;
      setResult({
        ok: true,
        text: !answered
          ? 'There was no open prompt to answer.'
          : action === 'stand'
            ? 'Standing. Sitwell counts this as standing, not sitting, until you say you sit again or walk away.'
            : action === 'snooze'
              ? `Snoozed. We will ask again in ${minutes ?? 'a few'} minutes.`
              : `Skipped. The next break prompt comes after another ${minutes ?? 'full'} minutes of sitting.`,
      });
      now.reload();
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const actRef = useRef(act);
  actRef.current = act;

  useEffect(() => {
    const arm = () => (armedAt.current = Date.now() + ARM_DELAY_MS);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const action = KEYS[e.key.toLowerCase()];
      if (!action || Date.now() < armedAt.current) return;
      e.preventDefault();
      void actRef.current(action);
    };
    window.addEventListener('focus', arm);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('focus', arm);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const sittingMs = state?.bout ? state.bout.sittingMs + (state.locked || state.stretching ? 0 : Math.max(0, tickNow - state.at)) : (prompt?.sittingMs ?? 0);
  const canAnswer = prompt !== null && !busy;

  return (
    <>
      <h1>{prompt || preview ? 'Time for a break' : 'Break'}</h1>
      {preview && (
        <p className="note" data-testid="prompt-preview">
          {`This is a test prompt. Sitwell shows one like it after ${settings.data?.sitLimitMinutes ?? 30} minutes of sitting, as a notification and here.`}
        </p>
      )}
      {now.error && (
        <p className="alert" role="alert">
          {now.error}
        </p>
      )}
      <section className="card" aria-labelledby="prompt-sat-h">
        <h2 id="prompt-sat-h" className="visually-hidden">
          Sitting
        </h2>
        {state?.bout ? (
          <>
            <p className="lead">You have been sitting for</p>
            <p className="big-number" data-testid="prompt-sitting">
              {sittingMs < 60_000 ? 'under a minute' : formatMs(sittingMs)}
            </p>
          </>
        ) : (
          <p className="lead" data-testid="prompt-sitting">
            {state?.stretching ? 'You are taking a break.' : 'You are not sitting right now.'}
          </p>
        )}
        <p className="muted" data-testid="prompt-state">
          {prompt
            ? 'Getting up for 2 to 5 minutes now helps your back, hips and circulation.'
            : state && !state.tracking
              ? 'This window shows your history only, so it cannot answer prompts. You can still take a break now.'
              : 'No break prompt is open. You can still take a break now.'}
        </p>
      </section>

      {hold ? (
        <section className="see-doctor" aria-labelledby="prompt-hold-h" data-testid="prompt-hold">
          <h2 id="prompt-hold-h">{t('checkin.onHold.heading')}</h2>
          <p>{t('checkin.onHold.text')}</p>
          <p className="small">{`Sitwell suggests this until ${formatDayOf(hold.until)}.`}</p>
        </section>
      ) : (
        <Suggestion stretch={stretch} error={suggestion.error} mode={settings.data?.movementMode ?? 'standing'} />
      )}

      <div className="row" role="group" aria-label="Answer the break prompt">
        {!hold && (
          <button type="button" className="primary" onClick={() => void act('stretch')} aria-keyshortcuts="S" data-testid="prompt-stretch">
            Start stretch<kbd aria-hidden="true">S</kbd>
          </button>
        )}
        <button type="button" disabled={!canAnswer} onClick={() => void act('stand')} aria-keyshortcuts="U" data-testid="prompt-stand">
          I'm standing up<kbd aria-hidden="true">U</kbd>
        </button>
        <button type="button" disabled={!canAnswer} onClick={() => void act('snooze')} aria-keyshortcuts="Z" data-testid="prompt-snooze">
          Snooze{settings.data ? ` ${settings.data.snoozeMinutes} min` : ''}
          <kbd aria-hidden="true">Z</kbd>
        </button>
        <button type="button" disabled={!canAnswer} onClick={() => void act('skip')} aria-keyshortcuts="K" data-testid="prompt-skip">
          Skip<kbd aria-hidden="true">K</kbd>
        </button>
      </div>
      <p className="muted small field-gap">
        Shortcuts:{' '}
        {!hold && (
          <>
            <kbd>S</kbd> start stretch,{' '}
          </>
        )}
        <kbd>U</kbd> standing up (a sit-stand desk), <kbd>Z</kbd> snooze, <kbd>K</kbd> skip. Or take any break away from the screen: Sitwell notices.
        {!hold && (
          <>
            {' '}
            <a href={href('stretch')}>All stretches</a>
          </>
        )}
      </p>
      <p role="status" data-testid="prompt-result" className={result ? (result.ok ? 'success' : 'alert') : ''}>
        {result?.text}
      </p>
    </>
  );
}

function Suggestion({ stretch, error, mode }: { stretch: Stretch | undefined; error: string | null; mode: MovementMode }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="prompt-suggest-h">
      <h2 id="prompt-suggest-h">Suggested stretch</h2>
      {stretch ? (
        <div className="stretch-card" data-testid="prompt-suggestion" data-stretch-id={stretch.id}>
          <Illustration stretch={stretch} />
          <div>
            <h3>{stretch.name}</h3>
            <p>{stretch.summary}</p>
            <p className="muted small">
              {stretch.holdSeconds} s{stretch.sides === 'both' ? ' each side' : ''}
              {stretch.repetitions > 1 ? `, ${stretch.repetitions} times` : ''}
            </p>
          </div>
        </div>
      ) : (
        <p className="muted">{error ?? 'Choosing a stretch…'}</p>
      )}
      {/* The studies tested walking (Settings' evidence); seated mode says why no standing move is offered. */}
      <p className="small field-gap" data-testid="prompt-movement">
        {t(mode === 'seated' ? 'movement.seatedNote' : 'movement.orWalk')}
      </p>
    </section>
  );
}
