/**
 * The symptom check-in: where it is sore, how much, and the red-flag questions that send the user to a doctor
 * instead of to a stretch. Wording is Sitwell's own; the signs come from the seed article (DESIGN.md §5).
 */
export const AREAS = [
  { id: 'left-hip', label: 'Left hip (outer side)' },
  { id: 'right-hip', label: 'Right hip (outer side)' },
  { id: 'left-buttock', label: 'Left buttock' },
  { id: 'right-buttock', label: 'Right buttock' },
  { id: 'lower-back', label: 'Lower back' },
  { id: 'left-leg', label: 'Down the left leg' },
  { id: 'right-leg', label: 'Down the right leg' },
] as const;
export type CheckinArea = (typeof AREAS)[number]['id'];

/**
 * How a yes answer is handled: `emergency` shows "get help now" the moment it is ticked; `doctor` means "see a
 * doctor, do not stretch for now"; `gp` (pain that has gone on for weeks) means "see a GP or physiotherapist and
 * keep moving gently" and still allows stretches.
 */
export type WarningLevel = 'emergency' | 'doctor' | 'gp';

/**
 * Yes/no questions, asked when there is pain or a leg symptom. `sign` is a short label for the advice screen's
 * list of reasons and the statistics. Ids are stored in the history: keep them, add new ones.
 */
export const RED_FLAGS = [
  {
    id: 'bladder-bowel',
    question: 'Have you had new trouble controlling your bladder or bowels, or been unable to pass urine?',
    sign: 'New trouble controlling bladder or bowels, or unable to pass urine',
    level: 'emergency',
  },
  {
    id: 'saddle-numbness',
    question: 'Is there new numbness around your bottom, your genitals or the inside of your thighs?',
    sign: 'Numbness around the bottom, genitals or inner thighs',
    level: 'emergency',
  },
  {
    id: 'both-legs',
    question: 'Do you have numbness, tingling or weakness in both legs, or sudden weakness in a leg?',
    sign: 'Numbness, tingling or weakness in both legs, or sudden leg weakness',
    level: 'emergency',
  },
  {
    id: 'leg-nerve-symptoms',
    question: 'Is numbness, pins and needles, or weakness spreading down one of your legs?',
    sign: 'Numbness, tingling or weakness spreading down a leg',
    level: 'doctor',
  },
  {
    id: 'after-injury',
    question: 'Did the pain start after a fall, an accident or another injury?',
    sign: 'Pain that began after a fall or injury',
    level: 'doctor',
  },
  {
    id: 'fever',
    question: 'Do you have a fever, or is the sore area swollen, red or hot to the touch?',
    sign: 'Fever, or swelling and redness where it hurts',
    level: 'doctor',
  },
  {
    id: 'weight-loss',
    question: 'Have you lost weight recently without trying to?',
    sign: 'Weight loss you cannot explain',
    level: 'doctor',
  },
  {
    id: 'severe-or-worsening',
    question: 'Is the pain severe, or is it getting worse even though you rest and look after it?',
    sign: 'Pain that is severe or getting worse',
    level: 'doctor',
  },
  {
    id: 'long-lasting',
    question: 'Has the pain gone on for several weeks?',
    sign: 'Pain that has lasted for weeks',
    level: 'gp',
  },
] as const satisfies readonly { id: string; question: string; sign: string; level: WarningLevel }[];
export type RedFlagId = (typeof RED_FLAGS)[number]['id'];
export type RedFlagAnswers = Record<RedFlagId, boolean>;

const LEG_AREAS: readonly string[] = ['left-leg', 'right-leg'];

/** The warning questions are asked only when something hurts or a leg has symptoms; otherwise they may stay unanswered. */
export function warningQuestionsApply(soreness: number, areas: readonly string[]): boolean {
  return soreness > 0 || areas.some((a) => LEG_AREAS.includes(a));
}

/** The questions still waiting for an answer; none once an emergency sign is ticked (help comes first). */
export function unansweredWarnings(soreness: number, areas: readonly string[], answers: Partial<RedFlagAnswers>): RedFlagId[] {
  if (!warningQuestionsApply(soreness, areas) || needsUrgentCare(answers)) return [];
  return RED_FLAGS.filter((f) => answers[f.id] === undefined).map((f) => f.id);
}

export const CHECKIN_NOTE_MAX = 500;

/** What the check-in form submits; the time is added by whoever records it. checkinSchema.ts validates it. */
export interface CheckinSubmission {
  /** 0 (none) to 10 (worst), whole numbers. */
  soreness: number;
  /** Each at most once. */
  areas: CheckinArea[];
  /** Every question answered when warningQuestionsApply, unless an emergency sign was answered yes. */
  redFlags: Partial<RedFlagAnswers>;
  note?: string | undefined;
}

const levelOf = new Map<string, WarningLevel>(RED_FLAGS.map((f) => [f.id, f.level]));

/** True for a stored answer id that means "do not stretch" (emergency or doctor), false for `gp` or unknown ids. */
export const isStopSign = (id: string): boolean => levelOf.get(id) === 'emergency' || levelOf.get(id) === 'doctor';

/** True when a yes answer means "see a doctor, do not stretch"; unanswered questions count as no. */
export function needsMedicalCare(answers: Partial<RedFlagAnswers>): boolean {
  return RED_FLAGS.some((f) => f.level !== 'gp' && answers[f.id] === true);
}

/** True when a yes answer calls for help right away rather than soon. */
export function needsUrgentCare(answers: Partial<RedFlagAnswers>): boolean {
  return RED_FLAGS.some((f) => f.level === 'emergency' && answers[f.id] === true);
}

/** Pain for weeks with no sign that calls for a doctor first. */
export const needsGpVisit = (answers: Partial<RedFlagAnswers>): boolean => answers['long-lasting'] === true && !needsMedicalCare(answers);

export const SEE_A_DOCTOR = {
  heading: 'Please see a doctor before you stretch',
  text:
    'What you have told us can be a sign of a problem that a stretch will not fix and might make worse. ' +
    'Please do not stretch for now. Contact your doctor or a local health service promptly and tell them about ' +
    'these symptoms. Sitwell will keep tracking your sitting in the meantime.',
  urgentHeading: 'Get medical help now',
  urgentText:
    'Losing control of your bladder or bowels, being unable to pass urine, numbness around your bottom or between ' +
    'your legs, or weakness in both legs can mean a nerve is being badly squeezed, and that needs treatment ' +
    'urgently. Please do not stretch. Call your local emergency number or go to an emergency department now.',
  gpHeading: 'See a GP or physiotherapist',
  gpText:
    'Pain that has gone on for weeks is worth having looked at. Book a visit with your GP or a physiotherapist, ' +
    'and in the meantime keep moving gently: short walks and gentle stretches that do not hurt are fine.',
} as const;

/** While stretching is on hold, break prompts suggest these instead (DESIGN §2 breaks need no stretch). */
export const ON_HOLD_ADVICE = {
  heading: 'Walk or rest instead of stretching',
  text:
    'Your check-in showed a warning sign, so Sitwell does not suggest stretches for now. Stand up and walk ' +
    'around gently if that is comfortable, or simply rest away from your desk, and please see a doctor.',
  short: 'Walk around gently or rest; no stretches for now.',
} as const;

/** How long after a check-in with a warning sign break prompts keep suggesting walking or rest instead of a stretch. */
export const STRETCH_HOLD_DAYS = 7;

export interface StretchHold {
  /** The check-in with the warning sign. */
  since: number;
  until: number;
  urgent: boolean;
}

/**
 * Whether stretches are on hold at `now`: for STRETCH_HOLD_DAYS after the latest check-in with a stop sign.
 * A later check-in without one does not lift it early: the advice stands until a doctor has looked.
 */
export function stretchHold(checkIns: readonly { at: number; redFlags: readonly string[] }[], now: number): StretchHold | null {
  const days = STRETCH_HOLD_DAYS * 86_400_000;
  let hold: StretchHold | null = null;
  for (const c of checkIns) {
    if (c.at > now || c.at + days <= now || !c.redFlags.some(isStopSign)) continue;
    if (hold && hold.since >= c.at) continue;
    hold = { since: c.at, until: c.at + days, urgent: c.redFlags.some((id) => levelOf.get(id) === 'emergency') };
  }
  return hold;
}

export interface MedicalAdvice {
  urgent: boolean;
  heading: string;
  text: string;
  /** The `sign` of every red flag answered yes, in question order. */
  reasons: string[];
}

/** What the see-a-doctor screen shows, or null when no red flag was answered yes (stretches may be suggested). */
export function medicalAdvice(answers: Partial<RedFlagAnswers>): MedicalAdvice | null {
  if (!needsMedicalCare(answers)) return null;
  const urgent = needsUrgentCare(answers);
  return {
    urgent,
    heading: urgent ? SEE_A_DOCTOR.urgentHeading : SEE_A_DOCTOR.heading,
    text: urgent ? SEE_A_DOCTOR.urgentText : SEE_A_DOCTOR.text,
    reasons: RED_FLAGS.filter((f) => answers[f.id] === true).map((f) => f.sign),
  };
}

export const NOT_A_MEDICAL_DEVICE =
  'Sitwell is not a medical device: it cannot diagnose or treat anything, and its stretches are general ' +
  'suggestions, not medical advice. If pain worries you, talk to a doctor or physiotherapist.';
