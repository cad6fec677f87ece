import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { StretchSessionView } from '../../shared/bridge.js';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { useReducedMotion } from '../lib/hooks.js';
import { href } from '../lib/route.js';
import { chimeOn, setChimeOn, unlockChime } from './chime.js';
import { Countdown } from './Countdown.js';
import { Illustration } from './Illustration.js';
import { stretchOf, type Playable } from './steps.js';
import { usePlayer } from './usePlayer.js';
import { useStretchWords } from './useStretchWords.js';

type Recording = { state: 'starting' } | { state: 'recording'; session: StretchSessionView } | { state: 'failed'; error: string };

/**
 * Plays a routine or a single stretch and records it as one session: started on arrival (which
 * ends the sitting bout and answers an open prompt with "stretched"), finished on the last step,
 * on Stop, or when the player is left half-way.
 */
export function Player({ routine }: { routine: Playable }) {
  const { steps } = routine;
  const { t } = useTranslation();
  const words = useStretchWords();
  const [chime, setChime] = useState(chimeOn);
  const chimeRef = useRef(chime);
  chimeRef.current = chime;
  const player = usePlayer(steps, () => chimeRef.current);
  const { state } = player;
  const reducedMotion = useReducedMotion();
  const [recording, setRecording] = useState<Recording>({ state: 'starting' });
  const [stopped, setStopped] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const finished = useRef(false);
  // A finish asked for before the session existed (Stop pressed while it was being started).
  const finishWanted = useRef<boolean | null>(null);
  const sessionRef = useRef<StretchSessionView | null>(null);
  const doneRef = useRef(0);
  doneRef.current = state.holdsDone;

  const finish = (completed: boolean) => {
    if (finished.current) return;
    const session = sessionRef.current;
    if (!session) {
      finishWanted.current ??= completed;
      return;
    }
    finished.current = true;
    getBridge()
      .finishStretch({ id: session.id, completed, stepsDone: doneRef.current })
      .then(
        (s) => setRecording({ state: 'recording', session: s }),
        (e: unknown) => setSaveError(errorText(e)),
      );
  };

  useEffect(() => {
    let live = true;
    getBridge()
      .startStretch({ routineId: routine.id })
      .then(
        (session) => {
          sessionRef.current = session;
          if (live) setRecording({ state: 'recording', session });
          if (!live || finishWanted.current !== null) finish(finishWanted.current ?? false);
        },
        (e: unknown) => live && setRecording({ state: 'failed', error: errorText(e) }),
      );
    // Leaving half-way (another view, closing the tab) still closes the session, as not completed.
    const onHide = () => finish(false);
    window.addEventListener('pagehide', onHide);
    return () => {
      live = false;
      window.removeEventListener('pagehide', onHide);
      finish(false);
    };
    // One session per mount: StretchView keys the player by routine, so routine.id never changes here.
  }, [routine.id]);

  useEffect(() => {
    if (state.phase === 'finished' && recording.state === 'recording') finish(state.completed);
  }, [state.phase, recording.state, state.completed]);

  const stop = () => {
    setStopped(true);
    finish(false);
  };

  // Space pauses or resumes, N goes to the next step; not while typing or with a modifier held.
  const keys = useRef({ pause: player.pauseOrResume, next: player.skip });
  keys.current = { pause: player.pauseOrResume, next: player.skip };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(t.tagName))) return;
      if (e.key === ' ') keys.current.pause();
      else if (e.key.toLowerCase() === 'n') keys.current.next();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const step = steps[Math.min(state.index, steps.length - 1)];
  if (!step) return <p>{t('player.noSteps')}</p>;
  const stretch = words.stretch(stretchOf(step));
  const side = step.side ? t(`player.side.${step.side}`) : null;
  const repsOfThis = steps.filter((s) => s.stretchId === step.stretchId && s.side === step.side).length;

  if (state.phase === 'finished' || stopped) {
    // The session as stored has its end once the finish landed.
    const saved = recording.state === 'recording' && recording.session.end !== null;
    const notSaved = saveError ?? (recording.state === 'failed' ? recording.error : null);
    return (
      <section className="card" aria-labelledby="player-end-h" data-testid={stopped ? 'player-stopped' : 'player-done'}>
        <h2 id="player-end-h">{stopped ? t('player.stopped') : t('player.wellDone')}</h2>
        <p role="status">
          {t(stopped ? 'player.stoppedText' : 'player.doneText', { done: state.holdsDone, count: steps.length, name: routine.name })}{' '}
          {saved ? t('player.saved') : notSaved === null ? t('player.saving') : ''}
        </p>
        {notSaved !== null && <p className="alert">{t('player.notSaved', { reason: notSaved })}</p>}
        <div className="row">
          <a className="button primary" href={href('now')}>
            {t('checkin.advice.backToNow')}
          </a>
          <a className="button" href={href('stretch')}>
            {t('player.more')}
          </a>
        </div>
      </section>
    );
  }

  // The stretch with its side in running text: "Seated figure four, left side".
  const named = step.side ? t('player.withSide', { name: stretch.name, side: t(`player.sideInText.${step.side}`) }) : stretch.name;
  const phaseText = state.phase === 'ready' ? t('player.getReadyFor', { name: named }) : stretch.name;
  return (
    <section aria-labelledby="player-h">
      <h2 id="player-h" className="visually-hidden">
        {routine.name}
      </h2>
      <p className="progress-text" data-testid="player-progress">
        {t('player.progress', { name: routine.name, step: state.index + 1, steps: steps.length })}
        {player.speed !== 1 ? ` ${t('player.testingSpeed', { speed: player.speed })}` : ''}
      </p>
      {/* One polite announcement per phase, not per second. */}
      <p className="visually-hidden" aria-live="polite">
        {state.paused ? t('player.paused') : phaseText}
      </p>
      <div className="player card">
        <div className="player-clock">
          <p className="muted" data-testid="player-phase">
            {state.paused ? t('player.paused') : state.phase === 'ready' ? t('player.getReady') : t('player.hold')}
          </p>
          <h3 data-testid="player-stretch">{stretch.name}</h3>
          {state.phase === 'ready' && (
            <p data-testid="player-get-ready">{t('player.nextUp', { name: named })}</p>
          )}
          {side && (
            <p className="side-label" data-testid="player-side">
              {side}
            </p>
          )}
          <Countdown remainingMs={state.remainingMs} totalMs={state.phaseMs} reducedMotion={reducedMotion} label={phaseText} />
          {repsOfThis > 1 && (
            <p className="muted small">{t('player.holdOf', { n: step.repetition, total: repsOfThis })}</p>
          )}
          <div className="row" role="group" aria-label={t('player.controls')}>
            <button type="button" className="primary" onClick={player.pauseOrResume} data-testid="player-pause" aria-keyshortcuts="Space">
              {state.paused ? t('player.resume') : t('player.pause')}
            </button>
            <button type="button" onClick={player.skip} data-testid="player-skip" aria-keyshortcuts="N">
              {t('player.skipStep')}
            </button>
            <button type="button" onClick={stop} data-testid="player-stop">
              {t('player.stop')}
            </button>
          </div>
          <div className="check">
            <input
              id="player-chime"
              type="checkbox"
              checked={chime}
              aria-describedby="player-chime-hint"
              onChange={(e) => {
                if (e.target.checked) unlockChime(); // the click is the gesture that lets the page make sound
                setChimeOn(e.target.checked);
                setChime(e.target.checked);
              }}
            />
            <label htmlFor="player-chime">{t('player.chime')}</label>
            <span id="player-chime-hint" className="muted small">
              {' '}
              {t('player.chimeHint')}
            </span>
          </div>
        </div>
        <div>
          <p className="note small" data-testid="stretch-safety">
            {t('stretchList.safety')}
          </p>
          <p className="small">
            <Trans i18nKey="player.keys" components={{ 1: <kbd />, 2: <kbd /> }} />
          </p>
          <Illustration stretch={stretch} large />
          <ol className="steps">
            {stretch.steps.map((s) => (
              <li key={s.text}>{s.text}</li>
            ))}
          </ol>
          <ul className="cautions" aria-label={t('stretchList.cautions')}>
            {stretch.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      </div>
      {recording.state === 'failed' && (
        <p className="note small" role="status">
          {t('player.notRecording', { reason: recording.error })}
        </p>
      )}
    </section>
  );
}
