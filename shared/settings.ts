import { z } from 'zod';

/** "HH:MM" on a 24-hour clock. */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (00:00–23:59)');

/** A span of local time; end before start means it runs past midnight (22:00–07:00). */
export const TimeSpanSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .strict()
  .refine((s) => s.start !== s.end, { message: 'start and end must differ' });
export type TimeSpan = z.infer<typeof TimeSpanSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Per weekday: the hours prompts may be shown, or null for a day off. */
export const WorkHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, TimeSpanSchema.nullable()])) as Record<Weekday, z.ZodNullable<typeof TimeSpanSchema>>)
  .strict();
export type WorkHours = z.infer<typeof WorkHoursSchema>;

const minutes = (min: number, max: number) =>
  z.number().finite().min(min, `must be at least ${min} minutes`).max(max, `must be at most ${max} minutes`);

/**
 * Every user setting with its default. The engine's four timing settings are the ones
 * DESIGN.md §2 names; their lower bound is one minute (sub-minute timing exists only
 * through the daemon's documented `--testing-minute-ms` option).
 */
export const SettingsSchema = z
  .object({
    sitLimitMinutes: minutes(1, 480).default(30),
    postureEveryMinutes: minutes(1, 240).default(15),
    snoozeMinutes: minutes(1, 240).default(10),
    minBreakMinutes: minutes(1, 120).default(2),
    postureEnabled: z.boolean().default(true),
    /** null: prompts at any hour. Otherwise prompts only inside each day's span. */
    workHours: WorkHoursSchema.nullable().default(null),
    /** null: none. Prompts inside this span are suppressed every day. */
    quietHours: TimeSpanSchema.nullable().default(null),
    /** The daily sitting goal drawn as a line on the statistics bars. */
    dailySittingGoalMinutes: minutes(30, 1440).default(360),
    startAtLogin: z.boolean().default(false),
    /** IANA zone for days and labels; null follows the operating system. */
    timeZone: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

type SettingsShape = typeof SettingsSchema.shape;

/**
 * A subset of settings, each key validated like the full schema (used by trace headers and updates).
 * Built from the fields without their defaults: zod 4's `.partial()` keeps `.default()`, so a patch
 * parsed with it would come back with every missing key reset to its default.
 */
export const SettingsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(SettingsSchema.shape).map(([k, v]) => [k, v.unwrap().optional()])) as {
      [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>>;
    },
  )
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Where each default comes from, shown next to the setting. */
export const SETTINGS_EVIDENCE =
  'Breaking up sitting every 20–30 minutes with 2–5 minutes of light activity lowers ' +
  'post-meal glucose and blood pressure compared with uninterrupted sitting ' +
  '(Bhammar et al., 2017; Diaz et al., 2023, Medicine & Science in Sports & Exercise).';
