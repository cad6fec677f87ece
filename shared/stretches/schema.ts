import { z } from 'zod';
import { SHARED_CAUTIONS, STRETCH_AREAS, STRETCH_POSITIONS, type Stretch } from './types.js';
import { svgProblems } from './svgCheck.js';

const sentence = z
  .string()
  .min(3)
  .max(240)
  .regex(/^[A-Z0-9]/, 'must start with a capital letter')
  .regex(/[.!?]$/, 'must end with a full stop');

/** Validates one catalog entry with its English words; the unit tests run every stretch through it. */
export const StretchSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (e.g. seated-piriformis)'),
    name: z.string().min(3).max(48),
    area: z.enum(STRETCH_AREAS),
    position: z.enum(STRETCH_POSITIONS),
    summary: sentence.refine((s) => !/[.!?]\s/.test(s), 'must be one sentence'),
    steps: z
      .array(z.object({ text: sentence }).strict())
      .min(2, 'needs at least 2 steps')
      .max(5, 'has more than 5 steps'),
    holdSeconds: z.number().int().min(5).max(120),
    sides: z.enum(['none', 'both']),
    repetitions: z.number().int().min(1).max(5),
    sharedCautions: z.array(z.enum(SHARED_CAUTIONS)),
    cautions: z.array(sentence).min(1, 'needs at least one caution'),
    illustration: z.string().superRefine((svg, ctx) => {
      for (const p of svgProblems(svg)) ctx.addIssue({ code: 'custom', message: `illustration ${p}` });
    }),
  })
  .strict() satisfies z.ZodType<Stretch>;

export const CatalogSchema = z.array(StretchSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate stretch id "${s.id}"` });
    seen.add(s.id);
  }
});
