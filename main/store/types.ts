import type { BoutEntry, CheckInEntry, PromptEntry, PromptOutcome, StandingEntry, StretchEntry } from '../../shared/domain.js';
import type { ReportRows } from '../core/report.js';
import type { Settings, SettingsPatch } from '../../shared/settings.js';
import type { SyncStore } from './syncStore.js';

/**
 * The store's contract with the rest of the app. All instants are UTC epoch ms; `zone` is the
 * IANA zone the user was in when the row was written (days are the local days they lived).
 */

export interface StoredBout extends BoutEntry {
  id: number;
}

export type NewBout = Omit<BoutEntry, 'uid'>;

/** A standing period at a sit-stand desk (DESIGN.md §7). */
export interface StoredStanding extends StandingEntry {
  id: number;
}

export type NewStanding = Omit<StandingEntry, 'uid'>;

export interface StoredPrompt extends PromptEntry {
  id: number;
}

export type NewPrompt = Omit<StoredPrompt, 'id' | 'uid'>;

export interface StretchSession extends StretchEntry {
  id: number;
}

export interface CheckIn extends CheckInEntry {
  id: number;
}

/** The open sitting bout or standing period, written at least once a minute so a crash loses at most a minute. */
export interface Checkpoint {
  start: number;
  lastInput: number;
  savedAt: number;
  zone: string;
  /** Present, true, when it is a standing period (DESIGN.md §7); otherwise it is a sitting bout. */
  standing?: true;
}

/** Per-day and per-hour aggregates plus the raw bout lengths a statistics report needs (the report's input, with check-ins in full). */
export interface StatsRows extends ReportRows {
  checkIns: { at: number; soreness: number; areas: string[]; redFlags: string[]; zone: string }[];
}

/** Records from an export file (already validated in shape), with their uids. */
export interface ImportRecords {
  /** Applied only to a database whose settings were never changed. */
  settings: Settings | null;
  bouts: (NewBout & { uid: string })[];
  prompts: Omit<StoredPrompt, 'id'>[];
  stretches: Omit<StretchSession, 'id'>[];
  checkIns: Omit<CheckIn, 'id'>[];
  standing: (NewStanding & { uid: string })[];
}

export interface ImportCounts {
  bouts: number;
  prompts: number;
  stretches: number;
  checkIns: number;
  standing: number;
}

export interface ImportResult {
  added: ImportCounts;
  /** Already present (same uid). */
  skipped: ImportCounts;
  settingsApplied: boolean;
}

export interface Store {
  readonly path: string;
  /** The sync folder's side of the history: device identity, imported records, journal outbox (issue 15). */
  readonly sync: SyncStore;
  close(): void;

  getSettings(): Settings;
  /**
   * Validates the patch against the settings schema; throws a StoreError naming the field otherwise.
   * With a sync folder set and settings sync on, each shared setting it changes becomes a journal
   * record stamped at `now` (issue 15), unless `fromSync`: the change came through the folder.
   */
  updateSettings(patch: SettingsPatch, opts?: { fromSync?: boolean; now?: number }): Settings;
  /** Small pieces of app state (pause end, last notification ids…), as JSON. */
  /** A value kept under `key`, as stored JSON: callers validate it (another process or version may have written it). */
  getState(key: string): unknown;
  setState(key: string, value: unknown): void;

  addBout(bout: NewBout): StoredBout;
  /** `range` (epoch ms) selects rows whose start (or `at`) is in [from, to); lists are in time order. */
  listBouts(range?: { from?: number; to?: number }): StoredBout[];
  addStanding(period: NewStanding): StoredStanding;
  listStanding(range?: { from?: number; to?: number }): StoredStanding[];
  writeCheckpoint(cp: Checkpoint | null): void;
  readCheckpoint(): Checkpoint | null;

  addPrompt(p: NewPrompt): StoredPrompt;
  setPromptOutcome(id: number, outcome: PromptOutcome): void;
  listPrompts(range?: { from?: number; to?: number }): StoredPrompt[];

  startStretch(s: { start: number; routineId: string; stepsTotal: number; zone: string }): StretchSession;
  finishStretch(id: number, s: { end: number; completed: boolean; stepsDone: number }): StretchSession;
  /** One session by id; null when there is none. */
  getStretch(id: number): StretchSession | null;
  listStretches(range?: { from?: number; to?: number }): StretchSession[];

  addCheckIn(c: Omit<CheckIn, 'id' | 'uid'>): CheckIn;
  listCheckIns(range?: { from?: number; to?: number }): CheckIn[];

  /** Local dates inclusive, YYYY-MM-DD. */
  statsRows(fromDate: string, toDate: string): StatsRows;
  /** First and last local date with any sitting, or null for an empty history. */
  historySpan(): { first: string; last: string } | null;

  /** Runs `fn` in one transaction (e.g. seeding or a batch of writes); nested calls join it. */
  transaction<T>(fn: () => T): T;

  /**
   * Adds the records whose uid is not stored yet, all or nothing. Bouts overlapping each other
   * or a stored bout are refused with a StoreError('invalid') naming the first one (bouts[i]).
   */
  importRecords(records: ImportRecords): ImportResult;
  /** What importRecords would add and skip, or the same StoreError it would throw; writes nothing. */
  previewImport(records: ImportRecords): ImportResult;

  /** Wipes the history (bouts, prompts, stretches, check-ins, aggregates, checkpoint, records imported by sync); keeps schema, settings and the sync folder. */
  deleteAll(): void;
}
