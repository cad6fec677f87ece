import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NowStateView } from '../../shared/bridge.js';
import { heldPromptText } from '../../shared/busy.js';
import { useNowState, useTicker } from '../lib/hooks.js';
import { formatClock, formatIn, formatMs, formatTime } from '../lib/format.js';
import { href } from '../lib/route.js';
import { PauseControls } from './PauseControls.js';
import { Welcome } from './Welcome.js';

/** The tray pop-up: the current bout as a live timer, today so far, the next prompt and quick actions. */
export function NowView() {
  const { data: state, error, reload } = useNowState();
  const now = useTicker(1000);
  return (
    <>
      <h1>Now</h1>
      <Welcome />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {state && <NowBody state={state} now={now} reload={reload} />}
      {!state && !error && <p className="muted">Loading…</p>}
    </>
  );
}

function NowBody({ state, now, reload }: { state: NowStateView; now: number; reload: () => void }) {
  // The state is a snapshot taken at `state.at`; an open bout keeps growing until the next one arrives.
  const growing = state.bout !== null && !state.locked && state.stretching === null;
  const since = growing ? Math.max(0, now - state.at) : 0;
  const boutMs = state.bout ? state.bout.sittingMs + since : 0;
  const { t } = useTranslation();
  return (
    <>
      {!state.tracking && (
        <p className="note">
          Nothing is watching your sitting in this window: it shows your history only. Run <code>sitwell daemon</code> or
          the desktop app to get prompts.
        </p>
      )}
      {state.openPrompt && (
        <p className="success">
          A break prompt is waiting. <a href={href('prompt')}>Answer it</a>
        </p>
      )}
      <div className="grid">
        <section className="card" aria-labelledby="now-bout-h">
          <h2 id="now-bout-h">Sitting now</h2>
          {state.stretching ? (
            <p className="big-number" data-testid="now-stretching">
              Stretching
            </p>
          ) : state.bout ? (
            <p className="big-number" data-testid="now-bout" role="timer" aria-live="off">
              {formatClock(boutMs)}
            </p>
          ) : (
            <p className="big-number" data-testid="now-bout">
              Away
            </p>
          )}
          <p className="muted small">
            {state.locked
              ? 'Screen locked: this counts as time away.'
              : state.bout
                ? `Since ${formatTime(state.bout.start)} without a real break.`
                : 'A new bout starts when you next use the keyboard or mouse.'}
          </p>
        </section>
        <section className="card" aria-labelledby="now-today-h">
          <h2 id="now-today-h">Today</h2>
          <dl className="stats tight">
            <div className="stat">
              <dt>Sitting</dt>
              <dd data-testid="now-today-sitting">{formatMs(state.todaySittingMs + since)}</dd>
            </div>
            <div className="stat">
              <dt>Bouts</dt>
              <dd data-testid="now-today-bouts">{state.todayBouts}</dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="now-next-h">
          <h2 id="now-next-h">Next prompt</h2>
          <p data-testid="now-next">{nextPromptText(state, now, t)}</p>
        </section>
      </div>
      <section className="card" aria-labelledby="now-actions-h">
        <h2 id="now-actions-h">Quick actions</h2>
        <div className="row">
          <a className="button primary" href={href('stretch', 'play', 'quick-2')}>
            Start a 2-minute stretch
          </a>
          <a className="button" href={href('stretch', 'play', 'full-5')}>
            5-minute routine
          </a>
          <a className="button" href={href('stretch')}>
            All stretches
          </a>
        </div>
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
  if (state.pausedUntil !== null) return 'None while paused.';
  // Busy (DESIGN.md §6): the prompt is due but held back, and the user should know why it has not come.
  if (state.held) return heldPromptText(t, state.held.reasons);
  if (state.openPrompt) return 'A break prompt is open now.';
  if (!state.next) return 'None scheduled.';
  return `${state.next.kind === 'break' ? 'Break' : 'Posture check'} ${formatIn(state.next.at - now)} (${formatTime(state.next.at)})`;
}
