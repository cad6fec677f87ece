import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AREAS,
  CHECKIN_NOTE_MAX,
  RED_FLAGS,
  medicalAdvice,
  needsGpVisit,
  needsMedicalCare,
  needsUrgentCare,
  unansweredWarnings,
  warningQuestionsApply,
  type CheckinArea,
  type RedFlagAnswers,
  type RedFlagId,
} from '../../shared/checkin.js';
import { fitsMode, routineFor, routinePosition } from '../../shared/movementMode.js';
import { routineById } from '../../shared/routines.js';
import { STRETCHES } from '../../shared/stretches/index.js';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { useMovementMode } from '../lib/hooks.js';
import { href } from '../lib/route.js';

type Done = { kind: 'saved'; areas: CheckinArea[]; gp: boolean } | { kind: 'doctor'; answers: Partial<RedFlagAnswers>; saved: boolean };

const HIP_AREAS = new Set<CheckinArea>(['left-hip', 'right-hip', 'left-buttock', 'right-buttock']);
const HIPS_ROUTINE = 'hips-and-glutes';

/**
 * How sore, where, and the red-flag questions. Any yes replaces every stretch suggestion with
 * a clear "see a doctor" screen: stretching is the wrong answer to those signs.
 */
export function CheckInView() {
  const { t } = useTranslation();
  const mode = useMovementMode();
  const [soreness, setSoreness] = useState(0);
  const [areas, setAreas] = useState<CheckinArea[]>([]);
  const [answers, setAnswers] = useState<Partial<RedFlagAnswers>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<RedFlagId[]>([]);
  const [done, setDone] = useState<Done | null>(null);

  const asked = warningQuestionsApply(soreness, areas);
  const urgent = asked && needsUrgentCare(answers);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unanswered = unansweredWarnings(soreness, areas, answers);
    if (unanswered.length > 0) {
      setMissing(unanswered);
      setError(t('checkin.answerAll'));
      return;
    }
    setMissing([]);
    // Questions that were not asked (nothing hurts) are not sent as "no".
    const redFlags = asked ? answers : {};
    const anyYes = needsMedicalCare(redFlags);
    try {
      const res = await getBridge().addCheckIn({ soreness, areas, redFlags, note: note.trim() });
      setError(null);
      setDone(res.seeDoctor || anyYes ? { kind: 'doctor', answers: redFlags, saved: true } : { kind: 'saved', areas, gp: needsGpVisit(redFlags) });
    } catch (err) {
      // Even when saving fails, someone who answered yes must still see the advice.
      if (anyYes) setDone({ kind: 'doctor', answers: redFlags, saved: false });
      setError(errorText(err));
    }
  };

  if (done?.kind === 'doctor') {
    const advice = medicalAdvice(done.answers);
    return (
      <section className="see-doctor" data-testid="see-doctor" aria-labelledby="doctor-h">
        <h1 id="doctor-h">{t(advice?.urgent ? 'checkin.advice.urgentHeading' : 'checkin.advice.heading')}</h1>
        <p>{t(advice?.urgent ? 'checkin.advice.urgentText' : 'checkin.advice.text')}</p>
        {advice && advice.reasons.length > 0 && (
          <>
            <h2>{t('checkin.advice.toldUs')}</h2>
            <ul>
              {advice.reasons.map((r) => (
                <li key={r}>{t(`checkin.flag.${r}.sign`)}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted small">
          {done.saved ? t('checkin.advice.saved') : t('checkin.advice.notSaved', { reason: error ?? t('checkin.advice.unknownError') })}
        </p>
        <a className="button" href={href('now')}>
          {t('checkin.advice.backToNow')}
        </a>
      </section>
    );
  }

  if (done?.kind === 'saved') {
    // Only routines the movement mode offers (shared/movementMode.ts): the hip routine has standing stretches.
    const hips = done.areas.some((a) => HIP_AREAS.has(a)) && fitsMode(routinePosition(routineById(HIPS_ROUTINE)!, STRETCHES), mode);
    return (
      <>
        <h1>{t('checkin.savedTitle')}</h1>
        <p className="success" role="status" data-testid="checkin-saved">
          {t('checkin.savedText')}
        </p>
        {done.gp && (
          <section className="card" aria-labelledby="gp-h" data-testid="gp-advice">
            <h2 id="gp-h">{t('checkin.advice.gpHeading')}</h2>
            <p>{t('checkin.advice.gpText')}</p>
          </section>
        )}
        <section className="card" aria-labelledby="after-h">
          <h2 id="after-h">{t('checkin.helpHeading')}</h2>
          <p>{t('checkin.helpText')}</p>
          <div className="row">
            {hips && (
              <a className="button primary" href={href('stretch', 'play', HIPS_ROUTINE)}>
                {t('checkin.hipsRoutine')}
              </a>
            )}
            <a className={hips ? 'button' : 'button primary'} href={href('stretch', 'play', routineFor(mode, 'short'))} data-testid="checkin-quick">
              {t(mode === 'seated' ? 'checkin.chairBreak' : 'checkin.quickReset')}
            </a>
            <a className="button" href={href('stats')}>
              {t('checkin.seeStats')}
            </a>
          </div>
        </section>
      </>
    );
  }

  return (
    <>
      <h1>{t('checkin.title')}</h1>
      <p className="note small" data-testid="not-a-medical-device">
        {t('checkin.notMedicalDevice')}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field card">
          <label htmlFor="soreness">{t('checkin.sorenessLabel')}</label>
          <div className="row">
            <input
              id="soreness"
              type="range"
              min={0}
              max={10}
              step={1}
              value={soreness}
              onChange={(e) => setSoreness(Number(e.target.value))}
              aria-describedby="soreness-hint"
              aria-valuetext={t('checkin.sorenessValue', { value: soreness })}
            />
            <output htmlFor="soreness" className="big-number" data-testid="soreness-value">
              {soreness}
            </output>
          </div>
          <p className="hint" id="soreness-hint">
            {t('checkin.sorenessHint')}
          </p>
        </div>

        <fieldset className="card">
          <legend>{t('checkin.whereLegend')}</legend>
          {AREAS.map((a) => (
            <div className="check" key={a.id}>
              <input
                id={`area-${a.id}`}
                type="checkbox"
                checked={areas.includes(a.id)}
                onChange={(e) => setAreas(e.target.checked ? [...areas, a.id] : areas.filter((x) => x !== a.id))}
              />
              <label htmlFor={`area-${a.id}`}>{t(`checkin.area.${a.id}`)}</label>
            </div>
          ))}
        </fieldset>

        {asked ? (
          <fieldset className="card">
            <legend>{t('checkin.warningsLegend')}</legend>
            <p className="hint muted small">{t('checkin.warningsHint')}</p>
            {urgent && (
              <section className="see-doctor" role="alert" aria-labelledby="emergency-h" data-testid="emergency-advice">
                <h2 id="emergency-h">{t('checkin.advice.urgentHeading')}</h2>
                <p>{t('checkin.advice.urgentText')}</p>
              </section>
            )}
            {!urgent && needsMedicalCare(answers) && (
              <p className="alert" role="alert" data-testid="red-flag-warning">
                {t('checkin.doctorWarning')}
              </p>
            )}
            {RED_FLAGS.map((f) => (
              <fieldset key={f.id} className="field">
                <legend className="field-label">{t(`checkin.flag.${f.id}.question`)}</legend>
                <div className="row">
                  {(['yes', 'no'] as const).map((v) => (
                    <div className="check" key={v}>
                      <input
                        type="radio"
                        id={`flag-${f.id}-${v}`}
                        name={`flag-${f.id}`}
                        value={v}
                        checked={answers[f.id] === (v === 'yes')}
                        onChange={() => {
                          setAnswers({ ...answers, [f.id]: v === 'yes' });
                          setMissing(missing.filter((m) => m !== f.id));
                        }}
                      />
                      <label htmlFor={`flag-${f.id}-${v}`}>{t(v === 'yes' ? 'checkin.yes' : 'checkin.no')}</label>
                    </div>
                  ))}
                </div>
                {missing.includes(f.id) && <p className="field-error">{t('checkin.answerOne')}</p>}
              </fieldset>
            ))}
          </fieldset>
        ) : (
          <p className="muted small card" data-testid="no-warning-questions">
            {t('checkin.noWarnings')}
          </p>
        )}

        <div className="field card">
          <label htmlFor="note">{t('checkin.noteLabel')}</label>
          <textarea id="note" rows={3} maxLength={CHECKIN_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>

        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('checkin.save')}
        </button>
      </form>
    </>
  );
}
