import { useState, type FormEvent } from 'react';
import {
  AREAS,
  CHECKIN_NOTE_MAX,
  NOT_A_MEDICAL_DEVICE,
  RED_FLAGS,
  SEE_A_DOCTOR,
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
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { href } from '../lib/route.js';

type Done = { kind: 'saved'; areas: CheckinArea[]; gp: boolean } | { kind: 'doctor'; answers: Partial<RedFlagAnswers>; saved: boolean };

/** The view's words, in one place for translation. */
const TEXT = {
  answerAll: 'Please answer every question about warning signs with yes or no.',
  answerOne: 'Please answer yes or no.',
  warningsLegend: 'Warning signs',
  warningsHint: 'A yes to any of these, except pain that has lasted weeks, means Sitwell will not suggest stretches for now.',
  doctorWarning: 'You answered yes to a warning sign: please do not stretch for now. Save to see what to do next.',
  noWarnings: 'Nothing hurts and your legs are fine, so there are no warning-sign questions to answer.',
} as const;

const HIP_AREAS = new Set<CheckinArea>(['left-hip', 'right-hip', 'left-buttock', 'right-buttock']);

/**
 * How sore, where, and the red-flag questions. Any yes replaces every stretch suggestion with
 * a clear "see a doctor" screen: stretching is the wrong answer to those signs.
 */
export function CheckInView() {
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
      setError(TEXT.answerAll);
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
        <h1 id="doctor-h">{advice?.heading ?? 'Please see a doctor before you stretch'}</h1>
        <p>{advice?.text}</p>
        {advice && advice.reasons.length > 0 && (
          <>
            <h2>What you told us</h2>
            <ul>
              {advice.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted small">
          {done.saved ? 'Your check-in was saved.' : `Your check-in could not be saved: ${error ?? 'unknown error'}.`}
        </p>
        <a className="button" href={href('now')}>
          Back to now
        </a>
      </section>
    );
  }

  if (done?.kind === 'saved') {
    const hips = done.areas.some((a) => HIP_AREAS.has(a));
    return (
      <>
        <h1>Check-in saved</h1>
        <p className="success" role="status" data-testid="checkin-saved">
          Thank you. Your check-in shows on the statistics timeline.
        </p>
        {done.gp && (
          <section className="card" aria-labelledby="gp-h" data-testid="gp-advice">
            <h2 id="gp-h">{SEE_A_DOCTOR.gpHeading}</h2>
            <p>{SEE_A_DOCTOR.gpText}</p>
          </section>
        )}
        <section className="card" aria-labelledby="after-h">
          <h2 id="after-h">What might help</h2>
          <p>
            Gentle movement and fewer long spells of sitting usually help sitting-related soreness. Stop any stretch
            that hurts.
          </p>
          <div className="row">
            {hips && (
              <a className="button primary" href={href('stretch', 'play', 'hips-and-glutes')}>
                Hips and glutes routine
              </a>
            )}
            <a className={hips ? 'button' : 'button primary'} href={href('stretch', 'play', 'quick-2')}>
              2-minute reset
            </a>
            <a className="button" href={href('stats')}>
              See statistics
            </a>
          </div>
        </section>
      </>
    );
  }

  return (
    <>
      <h1>Check-in</h1>
      <p className="note small" data-testid="not-a-medical-device">
        {NOT_A_MEDICAL_DEVICE}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field card">
          <label htmlFor="soreness">How sore are you right now?</label>
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
              aria-valuetext={`${soreness} out of 10`}
            />
            <output htmlFor="soreness" className="big-number" data-testid="soreness-value">
              {soreness}
            </output>
          </div>
          <p className="hint" id="soreness-hint">
            0 means no soreness at all, 10 the worst you can imagine.
          </p>
        </div>

        <fieldset className="card">
          <legend>Where? (tick all that apply)</legend>
          {AREAS.map((a) => (
            <div className="check" key={a.id}>
              <input
                id={`area-${a.id}`}
                type="checkbox"
                checked={areas.includes(a.id)}
                onChange={(e) => setAreas(e.target.checked ? [...areas, a.id] : areas.filter((x) => x !== a.id))}
              />
              <label htmlFor={`area-${a.id}`}>{a.label}</label>
            </div>
          ))}
        </fieldset>

        {asked ? (
          <fieldset className="card">
            <legend>{TEXT.warningsLegend}</legend>
            <p className="hint muted small">{TEXT.warningsHint}</p>
            {urgent && (
              <section className="see-doctor" role="alert" aria-labelledby="emergency-h" data-testid="emergency-advice">
                <h2 id="emergency-h">{SEE_A_DOCTOR.urgentHeading}</h2>
                <p>{SEE_A_DOCTOR.urgentText}</p>
              </section>
            )}
            {!urgent && needsMedicalCare(answers) && (
              <p className="alert" role="alert" data-testid="red-flag-warning">
                {TEXT.doctorWarning}
              </p>
            )}
            {RED_FLAGS.map((f) => (
              <fieldset key={f.id} className="field">
                <legend className="field-label">{f.question}</legend>
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
                      <label htmlFor={`flag-${f.id}-${v}`}>{v === 'yes' ? 'Yes' : 'No'}</label>
                    </div>
                  ))}
                </div>
                {missing.includes(f.id) && <p className="field-error">{TEXT.answerOne}</p>}
              </fieldset>
            ))}
          </fieldset>
        ) : (
          <p className="muted small card" data-testid="no-warning-questions">
            {TEXT.noWarnings}
          </p>
        )}

        <div className="field card">
          <label htmlFor="note">Anything else? (optional)</label>
          <textarea id="note" rows={3} maxLength={CHECKIN_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>

        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Save check-in
        </button>
      </form>
    </>
  );
}
