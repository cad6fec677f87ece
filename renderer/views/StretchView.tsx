import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { routinesForMode, stretchesForMode } from '../../shared/movementMode.js';
import { ROUTINES, routineDurationSeconds } from '../../shared/routines.js';
import { DEFAULT_SETTINGS, type MovementMode } from '../../shared/settingsRules.js';
import { STRETCHES, type Stretch, type StretchPosition } from '../../shared/stretches/index.js';
import { formatMinutes } from '../lib/format.js';
import { settingsKnown, useSettings } from '../lib/hooks.js';
import { href } from '../lib/route.js';
import { useDose } from '../stretch/dose.js';
import { Illustration } from '../stretch/Illustration.js';
import { Player } from '../stretch/Player.js';
import { playable } from '../stretch/steps.js';
import { useStretchWords } from '../stretch/useStretchWords.js';

/** `#/stretch` lists routines and the catalog; `#/stretch/play/ID` plays a routine or one stretch. */
export function StretchView({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const words = useStretchWords();
  if (rest[0] === 'play' && rest[1]) {
    const p = playable(rest[1], words);
    return (
      <>
        <h1>{p ? p.name : t('stretchList.notFound')}</h1>
        {p ? (
          // A new id remounts the player: one session per play.
          <Player key={p.id} routine={p} />
        ) : (
          <p className="alert" role="alert">
            <Trans i18nKey="stretchList.noSuch" values={{ id: rest[1] }} components={{ 1: <a href={href('stretch')} /> }} />
          </p>
        )}
      </>
    );
  }
  return <Catalog />;
}

function Catalog() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <h1>{t('nav.stretch')}</h1>
      <p className="note" data-testid="stretch-safety">
        {t('stretchList.safety')}
      </p>
      {/* Which moves are offered is the movement mode's: until the settings are in (a window opened on this page),
          the list is not drawn at all rather than drawn for the default mode and swapped a moment later. */}
      {settingsKnown(settings) && <CatalogList mode={settings.data?.movementMode ?? DEFAULT_SETTINGS.movementMode} />}
    </>
  );
}

function CatalogList({ mode }: { mode: MovementMode }) {
  const { t } = useTranslation();
  const words = useStretchWords();
  const [asked, setAsked] = useState(false);
  // Which come first and whether the others show is the movement mode's rule (shared/movementMode.ts), not this page's.
  const stretches = stretchesForMode(STRETCHES.map(words.stretch), mode);
  const routines = routinesForMode(
    ROUTINES.map((def) => ({ ...def, ...words.routine(def) })),
    STRETCHES,
    mode,
  );
  const others = stretches.otherShown || asked;
  const otherPosition: StretchPosition = mode === 'seated' ? 'standing' : 'seated';
  return (
    <>
      {!stretches.otherShown && (
        <div className="note" data-testid="stretch-mode-note">
          <p>
            <Trans i18nKey="stretchList.mode.seatedOnly" components={{ 1: <a href={href('settings')} /> }} />
          </p>
          <label className="check">
            <input type="checkbox" checked={asked} onChange={(e) => setAsked(e.target.checked)} data-testid="stretch-show-all" />
            {t('stretchList.mode.showStanding')}
          </label>
        </div>
      )}
      <section aria-labelledby="routines-h">
        <h2 id="routines-h">{t('stretchList.routines')}</h2>
        <div className="grid" data-testid="routine-list">
          {[...routines.fit, ...(others ? routines.other : [])].map((r) => (
            <article className="card" key={r.id} aria-labelledby={`routine-${r.id}`} data-routine-id={r.id}>
              <h3 id={`routine-${r.id}`}>{r.name}</h3>
              <p className="muted small">
                {t('stretchList.routineSize', { duration: formatMinutes(routineDurationSeconds(r, STRETCHES) / 60), count: r.items.length })}
              </p>
              <p>{r.summary}</p>
              <a className="button primary" href={href('stretch', 'play', r.id)} aria-label={t('stretchList.startNamed', { name: r.name })}>
                {t('stretchList.start')}
              </a>
            </article>
          ))}
        </div>
      </section>
      <StretchGroup position={mode} stretches={stretches.fit} />
      {others && <StretchGroup position={otherPosition} stretches={stretches.other} />}
    </>
  );
}

/** One position's stretches under its own heading: the mode's own first, the other position after. */
function StretchGroup({ position, stretches }: { position: StretchPosition; stretches: Stretch[] }) {
  const { t } = useTranslation();
  const dose = useDose();
  return (
    <section aria-labelledby={`catalog-${position}-h`} data-testid={`stretch-group-${position}`}>
      <h2 id={`catalog-${position}-h`}>{t(`stretchList.group.${position}`)}</h2>
      {stretches.map((s) => (
        <article className="card stretch-card" key={s.id} aria-labelledby={`stretch-${s.id}`} data-stretch-id={s.id}>
          <Illustration stretch={s} />
          <div>
            <h3 id={`stretch-${s.id}`}>{s.name}</h3>
            <ul className="tags" aria-label={t('stretchList.about')}>
              <li>{t(`stretchList.area.${s.area}`)}</li>
              <li>{t(`stretchList.position.${s.position}`)}</li>
              <li>{dose(s)}</li>
            </ul>
            <p>{s.summary}</p>
            <details>
              <summary>{t('stretchList.stepsAndCautions')}</summary>
              <ol className="steps">
                {s.steps.map((st) => (
                  <li key={st.text}>{st.text}</li>
                ))}
              </ol>
              <ul className="cautions" aria-label={t('stretchList.cautions')}>
                {s.cautions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
            <a className="button" href={href('stretch', 'play', s.id)} aria-label={t('stretchList.startNamed', { name: s.name })}>
              {t('stretchList.start')}
            </a>
          </div>
        </article>
      ))}
    </section>
  );
}
