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
 * Yes/no questions; any yes means "get medical advice, don't stretch now". `urgent` ones mean "now, not soon".
 * `sign` is a short label for the see-a-doctor screen's list of reasons.
 */
export const RED_FLAGS = [
  {
    id: 'leg-nerve-symptoms',
    question: 'Is numbness, pins and needles, or weakness spreading down either of your legs?',
    sign: 'Numbness, tingling or weakness spreading down a leg',
    urgent: false,
  },
  {
    id: 'bladder-bowel',
    question:
      'Have you had new trouble controlling your bladder or bowels, numbness around your bottom or between your legs, or sudden weakness in your legs?',
    sign: 'Trouble controlling bladder or bowels, numbness between the legs, or sudden leg weakness',
    urgent: true,
  },
  {
    id: 'after-injury',
    question: 'Did the pain start after a fall, an accident or another injury?',
    sign: 'Pain that began after a fall or injury',
    urgent: false,
  },
  {
    id: 'fever',
    question: 'Do you have a fever, or is the sore area swollen, red or hot to the touch?',
    sign: 'Fever, or swelling and redness where it hurts',
    urgent: false,
  },
  {
    id: 'weight-loss',
    question: 'Have you lost weight recently without trying to?',
    sign: 'Weight loss you cannot explain',
    urgent: false,
  },
  {
    id: 'severe-or-worsening',
    question: 'Is the pain severe, has it gone on for weeks, or is it getting worse even though you rest and look after it?',
    sign: 'Pain that is severe, long-lasting or getting worse',
    urgent: false,
  },
] as const;
export type RedFlagId = (typeof RED_FLAGS)[number]['id'];
export type RedFlagAnswers = Record<RedFlagId, boolean>;

export const CHECKIN_NOTE_MAX = 500;

/** What the check-in form submits; the time is added by whoever records it. checkinSchema.ts validates it. */
export interface CheckinSubmission {
  /** 0 (none) to 10 (worst), whole numbers. */
  soreness: number;
  /** Each at most once. */
  areas: CheckinArea[];
  redFlags: RedFlagAnswers;
  note?: string | undefined;
}

/** True when any red-flag answer is yes; unanswered questions (while the form is being filled) count as no. */
export function needsMedicalCare(answers: Partial<RedFlagAnswers>): boolean {
  return RED_FLAGS.some((f) => answers[f.id] === true);
}

/** True when a yes answer calls for help right away rather than soon. */
export function needsUrgentCare(answers: Partial<RedFlagAnswers>): boolean {
  return RED_FLAGS.some((f) => f.urgent && answers[f.id] === true);
}

export const SEE_A_DOCTOR = {
  heading: 'Please see a doctor before you stretch',
  text:
    'What you have told us can be a sign of a problem that a stretch will not fix and might make worse. ' +
    'Please do not stretch for now. Contact your doctor or a local health service promptly and tell them about ' +
    'these symptoms. Sitwell will keep tracking your sitting in the meantime.',
  urgentHeading: 'Get medical help now',
  urgentText:
    'Losing control of your bladder or bowels, numbness around your bottom or between your legs, or sudden ' +
    'weakness in your legs can mean a nerve is being badly squeezed, and that needs treatment urgently. ' +
    'Please do not stretch. Call your local emergency number or go to an emergency department now.',
} as const;

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
