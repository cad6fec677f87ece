/**
 * The symptom check-in: where it is sore, how much, and the red-flag questions that send the user to a doctor
 * instead of to a stretch. Wording is Sitwell's own; the signs come from the seed article (DESIGN.md §5).
 * The rules live here; the words (areas, questions, signs, advice) in the app catalog's `checkin` keys, in
 * every language (shared/i18n/locales/<lng>/app.json), where a translator keeps the advice's full meaning.
 */
export const AREAS = [
  { id: 'left-hip' },
  { id: 'right-hip' },
  { id: 'left-buttock' },
  { id: 'right-buttock' },
  { id: 'lower-back' },
  { id: 'left-leg' },
  { id: 'right-leg' },
] as const;
export type CheckinArea = (typeof AREAS)[number]['id'];

/**
 * How a yes answer is handled: `emergency` shows "get help now" the moment it is ticked; `doctor` means "see a
 * doctor, do not stretch for now"; `gp` (pain that has gone on for weeks) means "see a GP or physiotherapist and
 * keep moving gently" and still allows stretches.
 */
export type WarningLevel = 'emergency' | 'doctor' | 'gp';

/**
 * Yes/no questions, asked when there is pain or a leg symptom: `checkin.flag.<id>.question` in the catalog, and
 * `.sign` a short label for the advice screen's list of reasons and the statistics. Ids are stored in the
 * history: keep them, add new ones.
 */
export const RED_FLAGS = [
  {
    id: 'bladder-bowel',
    level: 'emergency',
  },
  {
    id: 'saddle-numbness',
    level: 'emergency',
  },
  {
    id: 'both-legs',
    level: 'emergency',
  },
  {
    id: 'leg-nerve-symptoms',
    level: 'doctor',
  },
  {
    id: 'after-injury',
    level: 'doctor',
  },
  {
    id: 'fever',
    level: 'doctor',
  },
  {
    id: 'weight-loss',
    level: 'doctor',
  },
  {
    id: 'severe-or-worsening',
    level: 'doctor',
  },
  {
    id: 'long-lasting',
    level: 'gp',
  },
] as const satisfies readonly { id: string; level: WarningLevel }[];
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
  /** Help right away (`checkin.advice.urgent…`), else see a doctor soon (`checkin.advice.heading`/`text`). */
  urgent: boolean;
  /** Every red flag answered yes, in question order (shown by its `checkin.flag.<id>.sign`). */
  reasons: RedFlagId[];
}

/** What the see-a-doctor screen shows, or null when no red flag was answered yes (stretches may be suggested). */
export function medicalAdvice(answers: Partial<RedFlagAnswers>): MedicalAdvice | null {
  if (!needsMedicalCare(answers)) return null;
  return { urgent: needsUrgentCare(answers), reasons: RED_FLAGS.filter((f) => answers[f.id] === true).map((f) => f.id) };
}
