import { z } from 'zod';
import { AREAS, CHECKIN_NOTE_MAX, RED_FLAGS, unansweredWarnings, type CheckinArea, type CheckinSubmission, type RedFlagId } from './checkin.js';
import type { Same } from './sameType.js';

/**
 * The check-in's zod schemas, for main's side of the bridge. Apart from checkin.ts so the window,
 * which only shows the questions, does not load zod.
 */

const AREA_IDS = AREAS.map((a) => a.id) as [CheckinArea, ...CheckinArea[]];

/** Answers yes (true) or no (false); which of them must be there depends on the rest (see below). */
export const RedFlagAnswersSchema = z
  .object(Object.fromEntries(RED_FLAGS.map((f) => [f.id, z.boolean().optional()])) as Record<RedFlagId, z.ZodOptional<z.ZodBoolean>>)
  .strict();

/** What the check-in form submits; the time is added by whoever records it. */
export const CheckinSubmissionSchema = z
  .object({
    soreness: z
      .number()
      .int('soreness must be a whole number from 0 to 10')
      .min(0, 'soreness must be at least 0')
      .max(10, 'soreness must be at most 10'),
    areas: z
      .array(z.enum(AREA_IDS))
      .refine((list) => new Set(list).size === list.length, 'each area may be listed only once'),
    redFlags: RedFlagAnswersSchema,
    note: z.string().max(CHECKIN_NOTE_MAX, `note must be at most ${CHECKIN_NOTE_MAX} characters`).optional(),
  })
  .strict()
  // With pain or a leg symptom every warning question is answered, unless an emergency sign already was.
  .superRefine((c, ctx) => {
    for (const id of unansweredWarnings(c.soreness, c.areas, c.redFlags)) {
      ctx.addIssue({ code: 'custom', path: ['redFlags', id], message: `${id} must be answered yes or no when something hurts` });
    }
  });

// The plain type in checkin.ts and the schema here must describe the same thing.
const sameSubmission: Same<z.infer<typeof CheckinSubmissionSchema>, CheckinSubmission> = true;
void sameSubmission;
