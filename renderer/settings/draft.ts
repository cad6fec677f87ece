import { i18n } from '../i18n.js';
import { formatHoursMinutes, parseHoursMinutes } from './hoursMinutes.js';
import { problemText } from '../lib/problemText.js';
import { DEFAULT_SETTINGS, settingsPatchProblems, WEEKDAYS, type Settings, type SettingsPatch, type Weekday } from '../../shared/settingsRules.js';

/**
 * The settings form works on a draft of strings and booleans, so a person can type something invalid
 * and be told what is wrong next to the field, instead of the input silently refusing keystrokes.
 */

export interface DayDraft {
  on: boolean;
  start: string;
  end: string;
}

export interface Draft {
  sitLimitMinutes: string;
  postureEveryMinutes: string;
  snoozeMinutes: string;
  minBreakMinutes: string;
  /** As h:mm ("6:00"). */
  dailySittingGoalMinutes: string;
  postureEnabled: boolean;
  startAtLogin: boolean;
  /** '' follows the operating system. */
  timeZone: string;
  workHoursOn: boolean;
  workHours: Record<Weekday, DayDraft>;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  busyDnd: boolean;
  busyFullscreen: boolean;
  busyCall: boolean;
  busyApp: boolean;
  busyCalendar: boolean;
  /** One app per line (commas also separate). */
  busyApps: string;
  /** '' for none. */
  busyCalendarFile: string;
  /** A move prompt after long standing (DESIGN.md §7); off stores null. */
  standOn: boolean;
  /** Its minutes, kept while switched off so switching back on restores them. */
  standLimitMinutes: string;
  /** Applied at once when picked (no Save needed); carried here so saving the form keeps it. */
  language: Settings['language'];
}

export const BUSY_SWITCHES = ['busyDnd', 'busyFullscreen', 'busyCall', 'busyApp', 'busyCalendar'] as const;

/** "zoom, obs\nTeams" → ["zoom", "obs", "Teams"]: blank entries and repeats dropped. */
export function appList(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((a) => a.trim()).filter(Boolean))];
}

export const NUMBER_FIELDS = ['sitLimitMinutes', 'postureEveryMinutes', 'snoozeMinutes', 'minBreakMinutes'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** Error messages by field key: a settings key, or `workHours.mon`, `quietHours`. */
export type FieldErrors = Record<string, string>;

export const DEFAULT_WORK_DAY: DayDraft = { on: true, start: '09:00', end: '17:00' };

export function toDraft(s: Settings): Draft {
  const workHours = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const span = s.workHours?.[d];
      const weekend = d === 'sat' || d === 'sun';
      return [d, span ? { on: true, ...span } : { ...DEFAULT_WORK_DAY, on: s.workHours ? false : !weekend }];
    }),
  ) as Record<Weekday, DayDraft>;
  return {
    sitLimitMinutes: String(s.sitLimitMinutes),
    postureEveryMinutes: String(s.postureEveryMinutes),
    snoozeMinutes: String(s.snoozeMinutes),
    minBreakMinutes: String(s.minBreakMinutes),
    dailySittingGoalMinutes: formatHoursMinutes(s.dailySittingGoalMinutes),
    postureEnabled: s.postureEnabled,
    startAtLogin: s.startAtLogin,
    timeZone: s.timeZone ?? '',
    workHoursOn: s.workHours !== null,
    workHours,
    quietOn: s.quietHours !== null,
    quietStart: s.quietHours?.start ?? '22:00',
    quietEnd: s.quietHours?.end ?? '07:00',
    ...(Object.fromEntries(BUSY_SWITCHES.map((k) => [k, s[k]])) as Record<(typeof BUSY_SWITCHES)[number], boolean>),
    busyApps: s.busyApps.join('\n'),
    busyCalendarFile: s.busyCalendarFile ?? '',
    standOn: s.standLimitMinutes !== null,
    standLimitMinutes: String(s.standLimitMinutes ?? DEFAULT_SETTINGS.standLimitMinutes ?? 40),
    language: s.language,
  };
}

function zoneValid(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Which form field a settings path belongs to: 'settings.workHours.mon.start' → 'workHours.mon'. */
export function fieldOf(path: string): string {
  const [top = '', second] = path.replace(/^settings\.?/, '').split('.');
  if (top === 'workHours' && second) return `workHours.${second}`;
  return top;
}

/**
 * The patch the draft stands for, checked with the same rules the app applies when it stores
 * settings. Returns the errors by field instead when something is wrong.
 */
export function draftToPatch(d: Draft): { patch: SettingsPatch; errors: null } | { patch: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const raw: Record<string, unknown> = {};
  for (const f of NUMBER_FIELDS) {
    const text = d[f].trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) errors[f] = i18n.t('settings.problem.number');
    else raw[f] = n;
  }
  const limit = parseHoursMinutes(d.dailySittingGoalMinutes);
  // DailyLimitField says what is wrong in its own words; the error here marks the field as refused.
  if (limit.problem === 'format') errors.dailySittingGoalMinutes = i18n.t('dailyLimit.format', { value: d.dailySittingGoalMinutes.trim() });
  else if (limit.problem === 'minutes') errors.dailySittingGoalMinutes = i18n.t('dailyLimit.minutes', { value: d.dailySittingGoalMinutes.trim() });
  else raw.dailySittingGoalMinutes = limit.minutes;
  raw.postureEnabled = d.postureEnabled;
  raw.startAtLogin = d.startAtLogin;
  const zone = d.timeZone.trim();
  if (zone !== '' && !zoneValid(zone)) errors.timeZone = i18n.t('settings.problem.zone', { zone });
  raw.timeZone = zone === '' ? null : zone;
  raw.workHours = d.workHoursOn
    ? Object.fromEntries(WEEKDAYS.map((w) => [w, d.workHours[w].on ? { start: d.workHours[w].start, end: d.workHours[w].end } : null]))
    : null;
  raw.quietHours = d.quietOn ? { start: d.quietStart, end: d.quietEnd } : null;
  for (const k of BUSY_SWITCHES) raw[k] = d[k];
  raw.busyApps = appList(d.busyApps);
  raw.busyCalendarFile = d.busyCalendarFile.trim() === '' ? null : d.busyCalendarFile.trim();
  const stand = d.standLimitMinutes.trim();
  if (d.standOn && (stand === '' || !Number.isFinite(Number(stand)))) errors.standLimitMinutes = i18n.t('settings.problem.number');
  raw.standLimitMinutes = d.standOn ? Number(stand) : null;
  raw.language = d.language;

  for (const problem of settingsPatchProblems(raw)) errors[fieldOf(problem.path)] ??= problemText(problem.message);
  if (Object.keys(errors).length > 0) return { patch: null, errors };
  return { patch: raw as SettingsPatch, errors: null };
}

/**
 * Combinations that are valid but do not do what the person probably wants, said while they edit.
 * A posture reminder at or after the sit limit never shows: posture reminders fall only before the first break prompt.
 */
export function draftWarnings(d: Draft): { field: keyof Draft; text: string }[] {
  const out: { field: keyof Draft; text: string }[] = [];
  const posture = Number(d.postureEveryMinutes);
  const sitLimit = Number(d.sitLimitMinutes);
  if (d.postureEnabled && Number.isFinite(posture) && Number.isFinite(sitLimit) && sitLimit > 0 && posture >= sitLimit) {
    out.push({
      field: 'postureEveryMinutes',
      text: i18n.t('settings.postureWarning', { posture, limit: sitLimit }),
    });
  }
  return out;
}
