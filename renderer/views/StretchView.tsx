import { ROUTINES, routineDurationSeconds } from '../../shared/routines.js';
import { STRETCH_SAFETY, STRETCHES, type Stretch } from '../../shared/stretches/index.js';
import { formatMinutes } from '../lib/format.js';
import { href } from '../lib/route.js';
import { Illustration } from '../stretch/Illustration.js';
import { Player } from '../stretch/Player.js';
import { playable } from '../stretch/steps.js';

const AREA_NAMES: Record<Stretch['area'], string> = {
  hips: 'Hips',
  glutes: 'Buttocks',
  'lower-back': 'Lower back',
  neck: 'Neck',
  shoulders: 'Shoulders',
  'upper-back': 'Upper back',
  legs: 'Legs',
  wrists: 'Wrists',
  'whole-body': 'Whole body',
};

/** `#/stretch` lists routines and the catalog; `#/stretch/play/ID` plays a routine or one stretch. */
export function StretchView({ rest }: { rest: string[] }) {
  if (rest[0] === 'play' && rest[1]) {
    const p = playable(rest[1]);
    return (
      <>
        <h1>{p ? p.name : 'Stretch not found'}</h1>
        {p ? (
          // A new id remounts the player: one session per play.
          <Player key={p.id} routine={p} />
        ) : (
          <p className="alert" role="alert">
            There is no routine or stretch called “{rest[1]}”. <a href={href('stretch')}>See all stretches</a>
          </p>
        )}
      </>
    );
  }
  return <Catalog />;
}

function Catalog() {
  return (
    <>
      <h1>Stretches</h1>
      <p className="note" data-testid="stretch-safety">
        {STRETCH_SAFETY}
      </p>
      <section aria-labelledby="routines-h">
        <h2 id="routines-h">Routines</h2>
        <div className="grid">
          {ROUTINES.map((r) => (
            <article className="card" key={r.id} aria-labelledby={`routine-${r.id}`}>
              <h3 id={`routine-${r.id}`}>{r.name}</h3>
              <p className="muted small">
                About {formatMinutes(routineDurationSeconds(r, STRETCHES) / 60)} · {r.items.length} stretches
              </p>
              <p>{r.summary}</p>
              <a className="button primary" href={href('stretch', 'play', r.id)} aria-label={`Start ${r.name}`}>
                Start
              </a>
            </article>
          ))}
        </div>
      </section>
      <section aria-labelledby="catalog-h">
        <h2 id="catalog-h">All stretches and moves</h2>
        {STRETCHES.map((s) => (
          <article className="card stretch-card" key={s.id} aria-labelledby={`stretch-${s.id}`}>
            <Illustration stretch={s} />
            <div>
              <h3 id={`stretch-${s.id}`}>{s.name}</h3>
              <ul className="tags" aria-label="About this stretch">
                <li>{AREA_NAMES[s.area]}</li>
                <li>{s.position === 'seated' ? 'Seated' : 'Standing'}</li>
                <li>
                  {s.holdSeconds} s{s.sides === 'both' ? ' each side' : ''}
                  {s.repetitions > 1 ? ` × ${s.repetitions}` : ''}
                </li>
              </ul>
              <p>{s.summary}</p>
              <details>
                <summary>Steps and cautions</summary>
                <ol className="steps">
                  {s.steps.map((st) => (
                    <li key={st.text}>{st.text}</li>
                  ))}
                </ol>
                <ul className="cautions" aria-label="Cautions">
                  {s.cautions.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </details>
              <a className="button" href={href('stretch', 'play', s.id)} aria-label={`Start ${s.name}`}>
                Start
              </a>
            </div>
          </article>
        ))}
      </section>
    </>
  );
}
