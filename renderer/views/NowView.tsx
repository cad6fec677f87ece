import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { NowStateView } from '../../shared/bridge.js';
import { heldPromptText } from '../../shared/busy.js';
import { routineFor } from '../../shared/movementMode.js';
import { useMovementMode, useNowState, useTicker } from '../lib/hooks.js';
import { formatClock, formatIn, formatMs, formatTime } from '../lib/format.js';
import { href } from '../lib/route.js';
import { PauseControls } from './PauseControls.js';
import { StandSwitch } from './StandSwitch.js';
import { Welcome } from './Welcome.js';

/** The tray pop-up: the current bout as a live timer, today so far, the next prompt and quick actions. */
export function NowView() {
  const { t } = useTranslation();
  const { data: state, error, reload } = useNowState();
  const now = useTicker(1000);
  return (
    <>
      <h1>{t('now.title')}</h1>
      <Welcome />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {state && <NowBody state={state} now={now} reload={reload} />}
      {!state && !error && <p className="muted">{t('now.loading')}</p>}
    </>
  );
}

function NowBody({ state, now, reload }: { state: NowStateView; now: number; reload: () => void }) {
  const mode = useMovementMode();
  // The state is a snapshot taken at `state.at`; an open bout keeps growing until the next one arrives.
  const growing = state.bout !== null && !state.locked && state.stretching === null;
  const since = growing ? Math.max(0, now - state.at) : 0;
  const boutMs = state.bout ? state.bout.sittingMs + since : 0;
  // Standing grows like a bout between snapshots (DESIGN.md §7), except while a stretch runs.
  const standingMs = state.standing ? state.standing.standingMs + (state.stretching === null ? Math.max(0, now - state.at) : 0) : 0;
  const { t } = useTranslation();
  return (
    <>
      {!state.tracking && (
        <p className="note">
          <Trans i18nKey="now.historyOnly" components={{ 1: <code /> }} />
        </p>
      )}
      {state.openPrompt && (
        <p className="success">
          {t('now.promptWaiting')} <a href={href('prompt')}>{t('now.answerIt')}</a>
        </p>
      )}
      <div className="grid">
        <section className="card" aria-labelledby="now-bout-h">
          <h2 id="now-bout-h">{state.standing ? t('now.standing') : t('now.sittingNow')}</h2>
          {state.standing && !state.stretching ? (
            <p className="big-number" data-testid="now-standing" role="timer" aria-live="off">
              {formatClock(standingMs)}
            </p>
          ) : state.stretching ? (
            <p className="big-number" data-testid="now-stretching">
              {t('now.stretching')}
            </p>
          ) : state.bout ? (
            <p className="big-number" data-testid="now-bout" role="timer" aria-live="off">
              {formatClock(boutMs)}
            </p>
          ) : (
            <p className="big-number" data-testid="now-bout">
              {t('now.away')}
            </p>
          )}
          <p className="muted small">
            {state.standing ? t('now.standingFor', { time: formatMs(standingMs) }) : state.locked ? t('now.locked') : state.bout ? t('now.since', { time: formatTime(state.bout.start) }) : t('now.newBout')}
          </p>
        </section>
        <section className="card" aria-labelledby="now-today-h">
          <h2 id="now-today-h">{t('now.today')}</h2>
          <dl className="stats tight">
            <div className="stat">
              <dt>{t('now.sitting')}</dt>
              <dd data-testid="now-today-sitting">{formatMs(state.todaySittingMs + since)}</dd>
            </div>
            <div className="stat">
              <dt>{t('now.bouts')}</dt>
              <dd data-testid="now-today-bouts">{state.todayBouts}</dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="now-next-h">
          <h2 id="now-next-h">{t('now.nextPrompt')}</h2>
          <p data-testid="now-next">{nextPromptText(state, now, t)}</p>
        </section>
      </div>
      <section className="card" aria-labelledby="now-actions-h">
        <h2 id="now-actions-h">{t('now.quickActions')}</h2>
        <div className="row">
          <a className="button primary" href={href('stretch', 'play', routineFor(mode, 'short'))} data-testid="now-quick">
            {t('now.quick2')}
          </a>
          <a className="button" href={href('stretch', 'play', routineFor(mode, 'long'))} data-testid="now-routine5">
            {t('now.routine5')}
          </a>
          <a className="button" href={href('stretch')}>
            {t('now.allStretches')}
          </a>
        </div>
        {state.tracking && (
          <div className="field-gap">
            <StandSwitch standing={state.standing !== null} onChange={reload} />
          </div>
        )}
        {state.tracking && (
          <div className="field-gap">
            <PauseControls pausedUntil={state.pausedUntil} onChange={reload} />
          </div>
        )}
      </section>
    </>
  );
}

/** The "Next prompt" line: an open prompt or a pause says so instead of a time that has already come. */
function nextPromptText(state: NowStateView, now: number, t: TFunction): string {
  if (state.pausedUntil !== null) return t('now.nonePaused');
  // Busy (DESIGN.md §6): the prompt is due but held back, and the user should know why it has not come.
  if (state.held) return heldPromptText(t, state.held.reasons);
  if (state.openPrompt) return t('now.promptOpen');
  if (!state.next) return t('now.noneScheduled');
  const key = state.next.kind === 'break' ? 'now.nextBreak' : state.next.kind === 'move' ? 'now.nextMove' : 'now.nextPosture';
  return t(key, { in: formatIn(state.next.at - now), time: formatTime(state.next.at) });
}
