/**
 * The settings, their bounds and defaults, without zod.
 *
 * The background tracker (daemon, tray) reads and writes settings but never needs zod's
 * general machinery, which costs it about 5 MB of resident memory just by loading. So the rules
 * live here as plain data; `settings.ts` builds the zod schemas used at the edges (IPC, imports,
 * traces) from this same table, and a property test holds the two to the same verdicts.
 */
import { LANGUAGES, PSEUDO_LANGUAGE } from './i18n/languages.js';
import { STRETCH_POSITIONS, type StretchPosition } from './stretches/types.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A span of local time; end before start means it runs past midnight (22:00–07:00). */
export interface TimeSpan {
  start: string;
  end: string;
}
/** Per weekday: the hours prompts may be shown, or null for a day off. */
export type WorkHours = Record<Weekday, TimeSpan | null>;

export interface Settings {
  sitLimitMinutes: number;
  postureEveryMinutes: number;
  snoozeMinutes: number;
  minBreakMinutes: number;
  postureEnabled: boolean;
  /** null: prompts at any hour. Otherwise prompts only inside each day's span. */
  workHours: WorkHours | null;
  /** null: none. Prompts inside this span are suppressed every day. */
  quietHours: TimeSpan | null;
  /** The daily sitting goal drawn as a line on the statistics bars. */
  dailySittingGoalMinutes: number;
  startAtLogin: boolean;
  /** IANA zone for days and labels; null follows the operating system. */
  timeZone: string | null;
  /** Busy sources (DESIGN.md §6): no prompt while Do Not Disturb is on, a window is fullscreen, a call, a listed app, a calendar event. */
  busyDnd: boolean;
  busyFullscreen: boolean;
  busyCall: boolean;
  busyApp: boolean;
  busyCalendar: boolean;
  /** Process names or window classes that make the user busy while running or in front ("zoom", "obs"). */
  busyApps: string[];
  /** An absolute path to a local .ics file; null: none. */
  busyCalendarFile: string | null;
  /** A move prompt when standing at a sit-stand desk lasts this long (DESIGN.md §7); null: none. */
  standLimitMinutes: number | null;
  /** The window's, the tray's and the notifications' language: 'system' follows the OS locale, a code (shared/i18n/languages.ts) overrides it. */
  language: LanguageSetting;
  /**
   * What a break prompt suggests: 'standing' (default) a standing move or a short walk; 'seated' (chosen by
   * someone who uses a wheelchair or cannot stand up) the seated moves only.
   */
  movementMode: MovementMode;
  /**
   * With a sync folder set (issue 15): changes to the settings other computers share travel through it, and the
   * newest change of each wins everywhere. Device-local settings (main/core/sync/settingsSync.ts) never travel.
   */
  syncSettings: boolean;
}
export type SettingsPatch = Partial<Settings>;
export type SettingKey = keyof Settings;

/** "HH:MM" on a 24-hour clock. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CLOCK_TIME_MESSAGE = 'must be a time of day as HH:MM (00:00–23:59)';
export const SPAN_MESSAGE = 'start and end must differ';

type MinuteKey = { [K in SettingKey]: Settings[K] extends number ? K : never }[SettingKey];
type BooleanKey = { [K in SettingKey]: Settings[K] extends boolean ? K : never }[SettingKey];

/**
 * The engine's four timing settings are the ones DESIGN.md §2 names; their lower bound is one
 * minute (sub-minute timing exists only through the daemon's `--testing-minute-ms` option).
 */
export const MINUTE_LIMITS: Readonly<Record<MinuteKey, { min: number; max: number }>> = {
  sitLimitMinutes: { min: 1, max: 480 },
  postureEveryMinutes: { min: 1, max: 240 },
  snoozeMinutes: { min: 1, max: 240 },
  minBreakMinutes: { min: 1, max: 120 },
  dailySittingGoalMinutes: { min: 30, max: 1440 },
};
/** Bounds of `standLimitMinutes` when it is not null. */
export const STAND_LIMIT = { min: 1, max: 480 } as const;
export const BOOLEAN_KEYS: readonly BooleanKey[] = ['postureEnabled', 'startAtLogin', 'busyDnd', 'busyFullscreen', 'busyCall', 'busyApp', 'busyCalendar', 'syncSettings'];
export const TIME_ZONE_MAX_LENGTH = 64;
export const BUSY_APPS_MAX = 50;
export const BUSY_APP_MAX_LENGTH = 100;
export const FILE_PATH_MAX_LENGTH = 4096;
export const BUSY_APP_MESSAGE = `must be a name of 1 to ${BUSY_APP_MAX_LENGTH} characters with no control characters`;
export const FILE_PATH_MESSAGE = `must be an absolute file path of at most ${FILE_PATH_MAX_LENGTH} characters, or null`;
/** No control characters, at least one visible one. */
export const BUSY_APP = new RegExp(`^(?=.*\\S)[^\\u0000-\\u001f\\u007f]{1,${BUSY_APP_MAX_LENGTH}}$`);
/** "/home/me/work.ics", "C:\\Users\\me\\work.ics" or a UNC path: the tracker runs in another working directory, so relative paths mean nothing. */
export const ABSOLUTE_PATH = new RegExp(`^(?:/|[A-Za-z]:[\\\\/]|\\\\\\\\)[^\\u0000]{0,${FILE_PATH_MAX_LENGTH - 3}}$`);

/** 'system' or a language Sitwell speaks (the pseudo-locale too, for layout tests). */
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES, PSEUDO_LANGUAGE] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];
/** The stretch positions are the modes: a mode suggests the stretches done in that position. */
export const MOVEMENT_MODES = STRETCH_POSITIONS;
export type MovementMode = StretchPosition;
export const MOVEMENT_MODE_MESSAGE = `must be one of ${MOVEMENT_MODES.map((m) => `"${m}"`).join(', ')}`;
export const LANGUAGE_MESSAGE = `must be "system" or one of ${LANGUAGES.join(', ')}`;

export const minutesTooLow = (min: number) => `must be at least ${min} minutes`;
export const minutesTooHigh = (max: number) => `must be at most ${max} minutes`;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sitLimitMinutes: 30,
  postureEveryMinutes: 15,
  snoozeMinutes: 10,
  minBreakMinutes: 2,
  postureEnabled: true,
  workHours: null,
  quietHours: null,
  dailySittingGoalMinutes: 360,
  startAtLogin: false,
  timeZone: null,
  busyDnd: true,
  busyFullscreen: true,
  busyCall: true,
  busyApp: true,
  busyCalendar: true,
  busyApps: [],
  busyCalendarFile: null,
  standLimitMinutes: 40,
  language: 'system',
  movementMode: 'standing',
  syncSettings: true,
});

/** One thing wrong with a settings value: where (`settings.workHours.mon.start`) and what. */
export interface SettingsProblem {
  path: string;
  message: string;
}

/** Adds what is wrong with a value to `out`; adds nothing when it is fine. */
type Check = (value: unknown, path: string, out: SettingsProblem[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const unknownKeys = (v: Record<string, unknown>, known: readonly string[], path: string, out: SettingsProblem[]): void => {
  for (const k of Object.keys(v)) if (!known.includes(k)) out.push({ path, message: `unknown key "${k}"` });
};

const checkClock: Check = (v, path, out) => {
  if (typeof v !== 'string') out.push({ path, message: 'must be a string' });
  else if (!CLOCK_TIME.test(v)) out.push({ path, message: CLOCK_TIME_MESSAGE });
};

const checkSpan: Check = (v, path, out) => {
  if (!isObject(v)) {
    out.push({ path, message: 'must be an object with start and end' });
    return;
  }
  const before = out.length;
  checkClock(v.start, `${path}.start`, out);
  checkClock(v.end, `${path}.end`, out);
  unknownKeys(v, ['start', 'end'], path, out);
  if (out.length === before && v.start === v.end) out.push({ path, message: SPAN_MESSAGE });
};

const nullable =
  (check: Check): Check =>
  (v, path, out) => {
    if (v !== null) check(v, path, out);
  };

const checkWorkHours: Check = (v, path, out) => {
  if (!isObject(v)) {
    out.push({ path, message: 'must be an object with a span or null per weekday' });
    return;
  }
  for (const day of WEEKDAYS) {
    if (!Object.hasOwn(v, day)) out.push({ path: `${path}.${day}`, message: 'is required' });
    else nullable(checkSpan)(v[day], `${path}.${day}`, out);
  }
  unknownKeys(v, WEEKDAYS, path, out);
};

const checkMinutes =
  ({ min, max }: { min: number; max: number }): Check =>
  (v, path, out) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ path, message: 'must be a number of minutes' });
    else if (v < min) out.push({ path, message: minutesTooLow(min) });
    else if (v > max) out.push({ path, message: minutesTooHigh(max) });
  };

const checkBoolean: Check = (v, path, out) => {
  if (typeof v !== 'boolean') out.push({ path, message: 'must be true or false' });
};

const checkZoneName: Check = (v, path, out) => {
  if (typeof v !== 'string' || v.length < 1 || v.length > TIME_ZONE_MAX_LENGTH) {
    out.push({ path, message: `must be a time zone name of 1 to ${TIME_ZONE_MAX_LENGTH} characters, or null` });
  }
};

const checkAppList: Check = (v, path, out) => {
  if (!Array.isArray(v)) out.push({ path, message: 'must be a list of app names' });
  else if (v.length > BUSY_APPS_MAX) out.push({ path, message: `must list at most ${BUSY_APPS_MAX} apps` });
  else for (const [i, a] of v.entries()) if (typeof a !== 'string' || !BUSY_APP.test(a)) out.push({ path: `${path}.${i}`, message: BUSY_APP_MESSAGE });
};

const checkFilePath: Check = (v, path, out) => {
  if (typeof v !== 'string' || !ABSOLUTE_PATH.test(v)) out.push({ path, message: FILE_PATH_MESSAGE });
};

const CHECKS: Readonly<Record<SettingKey, Check>> = {
  ...(Object.fromEntries(Object.entries(MINUTE_LIMITS).map(([k, limits]) => [k, checkMinutes(limits)])) as Record<MinuteKey, Check>),
  ...(Object.fromEntries(BOOLEAN_KEYS.map((k) => [k, checkBoolean])) as Record<BooleanKey, Check>),
  workHours: nullable(checkWorkHours),
  quietHours: nullable(checkSpan),
  timeZone: nullable(checkZoneName),
  busyApps: checkAppList,
  busyCalendarFile: nullable(checkFilePath),
  standLimitMinutes: nullable(checkMinutes(STAND_LIMIT)),
  language: (v, path, out) => {
    if (typeof v !== 'string' || !(LANGUAGE_SETTINGS as readonly string[]).includes(v)) out.push({ path, message: LANGUAGE_MESSAGE });
  },
  movementMode: (v, path, out) => {
    if (typeof v !== 'string' || !(MOVEMENT_MODES as readonly string[]).includes(v)) out.push({ path, message: MOVEMENT_MODE_MESSAGE });
  },
};
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** Everything wrong with a settings patch, in key order; empty when every key is known and valid. */
export function settingsPatchProblems(patch: unknown): SettingsProblem[] {
  if (!isObject(patch)) return [{ path: 'settings', message: 'must be an object' }];
  const out: SettingsProblem[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(CHECKS, key)) out.push({ path: 'settings', message: `unknown key "${key}"` });
    // An explicit undefined means "not given", as zod's optional() reads it.
    else if (value !== undefined) CHECKS[key as SettingKey](value, `settings.${key}`, out);
  }
  return out;
}

/** The first problem of a settings patch (`settings.key…: message`), or null when every key is known and valid. */
export function settingsPatchProblem(patch: unknown): string | null {
  const [first] = settingsPatchProblems(patch);
  return first ? `${first.path}: ${first.message}` : null;
}

/**
 * Settings as stored: every value this version still accepts is kept, and any other key (one a
 * later version dropped, or a value out of today's bounds) falls back to its default.
 */
export function settingsFromStored(stored: unknown): Settings {
  const out: Settings = structuredClone(DEFAULT_SETTINGS) as Settings;
  if (!isObject(stored)) return out;
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(stored, key) || stored[key] === undefined) continue;
    const problems: SettingsProblem[] = [];
    CHECKS[key](stored[key], key, problems);
    if (problems.length === 0) (out as unknown as Record<string, unknown>)[key] = structuredClone(stored[key]);
  }
  return out;
}
