import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { routineFor } from '../../shared/movementMode.js';
import { DEFAULT_SETTINGS, type MovementMode } from '../../shared/settingsRules.js';
import { stretchById, type Stretch } from '../../shared/stretches/index.js';
import { useStretchWords } from '../stretch/useStretchWords.js';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { formatDayOf, formatMinutes, formatMs } from '../lib/format.js';
import { useLoad, useNowState, useSettings, useTicker } from '../lib/hooks.js';
import { href, navigate, queryParam } from '../lib/route.js';
import { Illustration } from '../stretch/Illustration.js';
import { useDose } from '../stretch/dose.js';

/**
 * Keys typed into another window just before this one appeared must not answer the prompt, so
 * shortcuts work only once the view has been shown and focused for a moment.
 */
const ARM_DELAY_MS = 700;

type Action = 'stretch' | 'stand' | 'snooze' | 'skip';
/** U for "up": at a sit-stand desk, standing up answers the prompt (DESIGN.md §7). */
const KEYS: Record<string, Action> = { s: 'stretch', u: 'stand', z: 'snooze', k: 'skip' };

/** The break prompt: how long you have sat, one suggested stretch, and Start stretch / Stand / Snooze / Skip. */
export function PromptView() {
  const { t } = useTranslation();
  const now = useNowState();
  const settings = useSettings();
  const mode = settings.data?.movementMode ?? DEFAULT_SETTINGS.movementMode;
  const suggestion = useLoad(() => getBridge().suggestStretch({}));
  const tickNow = useTicker(1000);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const armedAt = useRef(Date.now() + ARM_DELAY_MS);

  // After a check-in with a warning sign: no stretch, no Start button, walking or rest instead.
  const hold = suggestion.data?.hold ?? null;
  const words = useStretchWords();
  const suggested = suggestion.data && !hold ? stretchById(suggestion.data.stretchId) : undefined;
  const stretch = suggested && words.stretch(suggested);
  const prompt = now.data?.openPrompt ?? null;
  // The welcome's "show me a test prompt": the prompt as it will look, with nothing to answer.
  const preview = prompt === null && queryParam('preview') === '1';
  const state = now.data;

  const act = async (action: Action) => {
    if (busy) return;
    if (action === 'stretch') {
      if (hold || !suggestion.data) return;
      navigate('stretch', 'play', stretch?.id ?? routineFor(mode, 'short'));
      return;
    }
    setBusy(true);
    try {
      const { answered } = await getBridge().answerPrompt({ action });
      const minutes = action === 'snooze' ? settings.data?.snoozeMinutes : settings.data?.sitLimitMinutes;
      const duration = minutes === undefined ? null : formatMinutes(minutes);
      setResult({
        ok: true,
        text: !answered
          ? t('prompt.noOpen')
          : action === 'stand'
            ? t('prompt.stood')
            : action === 'snooze'
              ? duration === null ? t('prompt.snoozedSoon') : t('prompt.snoozed', { duration })
              : duration === null ? t('prompt.skippedFull') : t('prompt.skipped', { duration }),
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
      <h1>{prompt || preview ? t('prompt.title') : t('nav.prompt')}</h1>
      {preview && (
        <p className="note" data-testid="prompt-preview">
          {t('prompt.preview', { duration: formatMinutes(settings.data?.sitLimitMinutes ?? 30) })}
        </p>
      )}
      {now.error && (
        <p className="alert" role="alert">
          {now.error}
        </p>
      )}
      <section className="card" aria-labelledby="prompt-sat-h">
        <h2 id="prompt-sat-h" className="visually-hidden">
          {t('now.sitting')}
        </h2>
        {state?.bout ? (
          <>
            <p className="lead">{t('prompt.sittingFor')}</p>
            <p className="big-number" data-testid="prompt-sitting">
              {sittingMs < 60_000 ? t('prompt.underMinute') : formatMs(sittingMs)}
            </p>
          </>
        ) : (
          <p className="lead" data-testid="prompt-sitting">
            {state?.stretching ? t('prompt.onBreak') : t('prompt.notSitting')}
          </p>
        )}
        <p className="muted" data-testid="prompt-state">
          {prompt ? t('prompt.whyGetUp') : state && !state.tracking ? t('prompt.historyOnly') : t('prompt.noneOpen')}
        </p>
      </section>

      {hold ? (
        <section className="see-doctor" aria-labelledby="prompt-hold-h" data-testid="prompt-hold">
          <h2 id="prompt-hold-h">{t('checkin.onHold.heading')}</h2>
          <p>{t('checkin.onHold.text')}</p>
          <p className="small">{t('prompt.holdUntil', { day: formatDayOf(hold.until) })}</p>
        </section>
      ) : (
        <Suggestion stretch={stretch} error={suggestion.error} mode={mode} />
      )}

      {/* The shortcut letters stay S, U, Z and K in every language: the keys do not move with the words. */}
      <div className="row" role="group" aria-label={t('prompt.answerGroup')}>
        {!hold && (
          <button type="button" className="primary" onClick={() => void act('stretch')} aria-keyshortcuts="S" data-testid="prompt-stretch">
            {t('prompt.startStretch')}
            <kbd aria-hidden="true">S</kbd>
          </button>
        )}
        <button type="button" disabled={!canAnswer} onClick={() => void act('stand')} aria-keyshortcuts="U" data-testid="prompt-stand">
          {t('prompt.standUp')}
          <kbd aria-hidden="true">U</kbd>
        </button>
        <button type="button" disabled={!canAnswer} onClick={() => void act('snooze')} aria-keyshortcuts="Z" data-testid="prompt-snooze">
          {settings.data ? t('prompt.snoozeFor', { duration: formatMinutes(settings.data.snoozeMinutes) }) : t('prompt.snooze')}
          <kbd aria-hidden="true">Z</kbd>
        </button>
        <button type="button" disabled={!canAnswer} onClick={() => void act('skip')} aria-keyshortcuts="K" data-testid="prompt-skip">
          {t('prompt.skip')}
          <kbd aria-hidden="true">K</kbd>
        </button>
      </div>
      <p className="muted small field-gap">
        <Trans i18nKey={hold ? 'prompt.shortcutsHold' : 'prompt.shortcuts'} components={{ 1: <kbd />, 2: <kbd />, 3: <kbd />, 4: <kbd /> }} />
        {!hold && (
          <>
            {' '}
            <a href={href('stretch')}>{t('now.allStretches')}</a>
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
  const dose = useDose();
  return (
    <section className="card" aria-labelledby="prompt-suggest-h">
      <h2 id="prompt-suggest-h">{t('prompt.suggested')}</h2>
      {stretch ? (
        <div className="stretch-card" data-testid="prompt-suggestion" data-stretch-id={stretch.id}>
          <Illustration stretch={stretch} />
          <div>
            <h3>{stretch.name}</h3>
            <p>{stretch.summary}</p>
            <p className="muted small">{dose(stretch)}</p>
          </div>
        </div>
      ) : (
        <p className="muted">{error ?? t('prompt.choosing')}</p>
      )}
      {/* The studies tested walking (Settings' evidence); seated mode says why no standing move is offered. */}
      <p className="small field-gap" data-testid="prompt-movement">
        {t(mode === 'seated' ? 'movement.seatedNote' : 'movement.orWalk')}
      </p>
    </section>
  );
}
