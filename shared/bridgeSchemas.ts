import { z } from 'zod';
import { BUSY_REASONS, PROMPT_KINDS } from './domain.js';
import { CheckinSubmissionSchema } from './checkinSchema.js';
import { MAX_IMPORT_BYTES } from './importFile.js';
import { FILE_PATH_MAX_LENGTH, SettingsPatchSchema, type Settings } from './settings.js';
import { DEVICE_NAME_MAX, FOLDER_PROBLEMS } from './sync.js';
import type { StatsReport } from './statsReport.js';

/**
 * The bridge contract's schemas: what every method takes and gives, and what every event carries.
 * The names themselves are written once, in bridge.ts, which holds these tables to exactly those names.
 * Inputs are validated on the main side with them. The renderer and the preload never load this
 * file (zod's schema building is ~30 ms of the window's start-up), only its types.
 */

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const NowStateSchema = z.object({
  tracking: z.boolean(),
  bout: z.object({ start: z.number(), sittingMs: z.number() }).nullable(),
  todaySittingMs: z.number(),
  todayBouts: z.number(),
  next: z.object({ kind: z.enum(PROMPT_KINDS), at: z.number() }).nullable(),
  pausedUntil: z.number().nullable(),
  openPrompt: z.object({ id: z.number(), at: z.number(), sittingMs: z.number() }).nullable(),
  locked: z.boolean(),
  stretching: z.object({ id: z.number(), routineId: z.string(), start: z.number() }).nullable(),
  /** At a sit-stand desk (DESIGN.md §7): since when, and how long so far. */
  standing: z.object({ start: z.number(), standingMs: z.number() }).nullable(),
  /** A break prompt held back because the user is busy (DESIGN.md §6): since when, and the reasons on now. */
  held: z.object({ at: z.number(), reasons: z.array(z.enum(BUSY_REASONS)) }).nullable(),
  idleSource: z.string(),
  notifier: z.string(),
  at: z.number(),
});

export const StretchSessionSchema = z.object({
  id: z.number(),
  uid: z.string(),
  start: z.number(),
  end: z.number().nullable(),
  routineId: z.string(),
  completed: z.boolean(),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  zone: z.string(),
});

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  dataPath: z.string(),
  /** False when this window only shows history (another process tracks, or none). */
  tracking: z.boolean(),
  zone: z.string(),
});

const Empty = z.object({}).strict();
/** The text of an export file, as the window read it from the file the user picked. */
const ImportInput = z.object({ fileText: z.string().min(1, 'is empty: pick a Sitwell export file').max(MAX_IMPORT_BYTES, `must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`) }).strict();
const ImportCountsSchema = z.object({ bouts: z.number(), prompts: z.number(), stretches: z.number(), checkIns: z.number(), standing: z.number() });

/** What an import file holds and what importing it would do; reading it changes nothing. */
export const ImportPreviewSchema = z.object({
  /** The file's export version (1 or 2; 1 has no standing periods). */
  version: z.number(),
  exportedAt: z.number(),
  /** Records of each kind in the file, and how many of them the history already has (same uid: skipped). */
  inFile: ImportCountsSchema,
  present: ImportCountsSchema,
  /** The local dates of the file's first and last sitting bout, and on how many days it has any; null without bouts. */
  bouts: z.object({ from: z.string(), to: z.string(), days: z.number() }).nullable(),
  /** The file's settings would be taken (only by a history whose settings were never changed). */
  settingsApplied: z.boolean(),
});

/** The sync folder, this device and the others seen (issue 15), for Settings and the statistics' device choice. */
export const SyncStatusSchema = z.object({
  folder: z.string().nullable(),
  /** A tracker in this process watches the folder now. */
  running: z.boolean(),
  /** This window can offer the system's folder picker (the desktop app). */
  canPickFolder: z.boolean(),
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      thisDevice: z.boolean(),
      bouts: z.number(),
      /** When its records last came into this history; null for this device. */
      lastImportAt: z.number().nullable(),
    }),
  ),
  /** Files and lines of the folder that were skipped or held, with why. */
  /** `reason`: one of SYNC_PROBLEM_REASONS, or a newer one this window has no words for. */
  problems: z.array(z.object({ path: z.string(), line: z.number(), reason: z.string(), message: z.string(), at: z.number() })),
});
/** A device id as the sync folder names it. */
const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a device id');
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const routineId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a routine or stretch id');

/** method → [input schema, output type]. Inputs are strict: unknown keys are refused. */
export const METHODS = {
  getInfo: { input: Empty, output: AppInfoSchema },
  getNow: { input: Empty, output: NowStateSchema },
  /** "I'm standing" / "I'm sitting" (DESIGN.md §7): from the window, the tray, or `sitwell stand` / `sitwell sit`. */
  stand: { input: Empty, output: z.object({ standing: z.boolean() }) },
  sit: { input: Empty, output: z.object({ standing: z.boolean() }) },
  answerPrompt: { input: z.object({ action: z.enum(['snooze', 'skip', 'stand']) }).strict(), output: z.object({ answered: z.boolean() }) },
  startStretch: { input: z.object({ routineId }).strict(), output: StretchSessionSchema },
  finishStretch: {
    input: z.object({ id, completed: z.boolean(), stepsDone: z.number().int().min(0).max(1000) }).strict(),
    output: StretchSessionSchema,
  },
  /** `minutes` pauses for that long; `untilTomorrow` until the next local midnight; neither: until resumed. */
  pause: {
    input: z.object({ minutes: z.number().int().min(1).max(24 * 60).optional(), untilTomorrow: z.literal(true).optional() }).strict(),
    output: z.object({ pausedUntil: z.number().nullable() }),
  },
  resume: { input: Empty, output: z.object({ pausedUntil: z.null() }) },
  getSettings: { input: Empty, output: z.custom<Settings>() },
  updateSettings: { input: SettingsPatchSchema, output: z.custom<Settings>() },
  /** `device`: the statistics of that device alone (issue 15); without it, the person's across every device. */
  getStats: {
    input: z.object({ from: DateSchema, to: DateSchema, device: DeviceIdSchema.optional() }).strict().refine((r) => r.from <= r.to, { message: '"from" must not be after "to"', path: ['from'] }),
    output: z.custom<StatsReport>(),
  },
  /** The stretch to offer in the break prompt: rotating, weighted to what the user skips least. */
  /** `hold`: stretches are on hold after a check-in with a warning sign; suggest walking or rest instead. */
  suggestStretch: {
    input: Empty,
    output: z.object({ stretchId: z.string(), hold: z.object({ since: z.number(), until: z.number(), urgent: z.boolean() }).nullable() }),
  },
  /** The form's answers; the red-flag answers decide whether the UI shows the see-a-doctor screen. */
  addCheckIn: { input: CheckinSubmissionSchema, output: z.object({ id: z.number(), seeDoctor: z.boolean() }) },
  exportData: {
    input: z.object({ format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ filename: z.string(), mime: z.string(), content: z.string() }),
  },
  /** Reads an export file and says what importing it would do; writes nothing. A bad file is refused with `reason`. */
  previewImport: { input: ImportInput, output: ImportPreviewSchema },
  /** Adds the file's records that are not in the history yet, all or nothing (the CLI's `sitwell import`). */
  importData: {
    input: ImportInput,
    output: z.object({ added: ImportCountsSchema, skipped: ImportCountsSchema, settingsApplied: z.boolean() }),
  },
  deleteAllData: { input: z.object({ confirm: z.literal('DELETE') }).strict(), output: z.object({ deleted: z.literal(true) }) },
  getSync: { input: Empty, output: SyncStatusSchema },
  /** null turns sync off. A folder that cannot be used is not set: `problem` says why. A running tracker follows at once. */
  setSyncFolder: {
    input: z.object({ folder: z.string().min(1).max(FILE_PATH_MAX_LENGTH).nullable() }).strict(),
    output: z.object({ problem: z.enum(FOLDER_PROBLEMS).nullable(), status: SyncStatusSchema }),
  },
  setDeviceName: {
    input: z.object({ name: z.string().trim().min(1, 'must not be empty').max(DEVICE_NAME_MAX, `must be at most ${DEVICE_NAME_MAX} characters`) }).strict(),
    output: SyncStatusSchema,
  },
  /** The system's folder picker (desktop app only); null when the user cancelled. */
  pickSyncFolder: { input: Empty, output: z.object({ folder: z.string().nullable() }) },
} as const;

/** Events pushed from main to the renderer. */
export const EVENTS = {
  state: NowStateSchema,
  'break-prompt': z.object({ id: z.number(), at: z.number(), sittingMs: z.number() }),
  'prompt-closed': z.object({ id: z.number() }),
  posture: z.object({ at: z.number() }),
  /** The user clicked a notification: show the prompt view / the stretch player. */
  'open-prompt': Empty,
  'start-stretch': Empty,
  settings: z.custom<Settings>(),
} as const;
