import { z } from 'zod';
import {
  ABSOLUTE_PATH,
  BOOLEAN_KEYS,
  BUSY_APP,
  BUSY_APP_MESSAGE,
  BUSY_APPS_MAX,
  CLOCK_TIME,
  CLOCK_TIME_MESSAGE,
  DEFAULT_SETTINGS,
  FILE_PATH_MESSAGE,
  LANGUAGE_MESSAGE,
  LANGUAGE_SETTINGS,
  MINUTE_LIMITS,
  MOVEMENT_MODE_MESSAGE,
  MOVEMENT_MODES,
  minutesTooHigh,
  minutesTooLow,
  SPAN_MESSAGE,
  STAND_LIMIT,
  TIME_ZONE_MAX_LENGTH,
  WEEKDAYS,
  type Settings,
  type SettingsPatch,
  type TimeSpan,
  type Weekday,
  type WorkHours,
} from './settingsRules.js';
import type { Same } from './sameType.js';

/**
 * The settings as zod schemas, for the edges that validate whole documents (IPC, imports,
 * traces). Bounds, defaults and messages come from settingsRules.ts, which the tracker uses
 * without loading zod.
 */
export * from './settingsRules.js';

export const ClockTimeSchema = z.string().regex(CLOCK_TIME, CLOCK_TIME_MESSAGE);

export const TimeSpanSchema: z.ZodType<TimeSpan> = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .strict()
  .refine((s) => s.start !== s.end, { message: SPAN_MESSAGE });

export const WorkHoursSchema: z.ZodType<WorkHours> = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, TimeSpanSchema.nullable()])) as Record<Weekday, z.ZodNullable<typeof TimeSpanSchema>>)
  .strict();

const minutes = (key: keyof typeof MINUTE_LIMITS) => {
  const { min, max } = MINUTE_LIMITS[key];
  return z.number().finite().min(min, minutesTooLow(min)).max(max, minutesTooHigh(max));
};
const boolean = (key: (typeof BOOLEAN_KEYS)[number]) => z.boolean().default(DEFAULT_SETTINGS[key]);

export const SettingsSchema = z
  .object({
    sitLimitMinutes: minutes('sitLimitMinutes').default(DEFAULT_SETTINGS.sitLimitMinutes),
    postureEveryMinutes: minutes('postureEveryMinutes').default(DEFAULT_SETTINGS.postureEveryMinutes),
    snoozeMinutes: minutes('snoozeMinutes').default(DEFAULT_SETTINGS.snoozeMinutes),
    minBreakMinutes: minutes('minBreakMinutes').default(DEFAULT_SETTINGS.minBreakMinutes),
    postureEnabled: boolean('postureEnabled'),
    workHours: WorkHoursSchema.nullable().default(DEFAULT_SETTINGS.workHours),
    quietHours: TimeSpanSchema.nullable().default(DEFAULT_SETTINGS.quietHours),
    dailySittingGoalMinutes: minutes('dailySittingGoalMinutes').default(DEFAULT_SETTINGS.dailySittingGoalMinutes),
    startAtLogin: boolean('startAtLogin'),
    timeZone: z.string().min(1).max(TIME_ZONE_MAX_LENGTH).nullable().default(DEFAULT_SETTINGS.timeZone),
    busyDnd: boolean('busyDnd'),
    busyFullscreen: boolean('busyFullscreen'),
    busyCall: boolean('busyCall'),
    busyApp: boolean('busyApp'),
    busyCalendar: boolean('busyCalendar'),
    busyApps: z
      .array(z.string().regex(BUSY_APP, BUSY_APP_MESSAGE))
      .max(BUSY_APPS_MAX, `must list at most ${BUSY_APPS_MAX} apps`)
      .default(() => [...DEFAULT_SETTINGS.busyApps]),
    busyCalendarFile: z.string().regex(ABSOLUTE_PATH, FILE_PATH_MESSAGE).nullable().default(DEFAULT_SETTINGS.busyCalendarFile),
    standLimitMinutes: z
      .number()
      .finite()
      .min(STAND_LIMIT.min, minutesTooLow(STAND_LIMIT.min))
      .max(STAND_LIMIT.max, minutesTooHigh(STAND_LIMIT.max))
      .nullable()
      .default(DEFAULT_SETTINGS.standLimitMinutes),
    language: z.enum(LANGUAGE_SETTINGS, LANGUAGE_MESSAGE).default(DEFAULT_SETTINGS.language),
    movementMode: z.enum(MOVEMENT_MODES, MOVEMENT_MODE_MESSAGE).default(DEFAULT_SETTINGS.movementMode),
    syncSettings: boolean('syncSettings'),
  })
  .strict();

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

// The plain types in settingsRules.ts and the schemas here must describe the same thing.
const sameSettings: Same<z.infer<typeof SettingsSchema>, Settings> = true;
const samePatch: Same<z.infer<typeof SettingsPatchSchema>, SettingsPatch> = true;
void sameSettings;
void samePatch;
