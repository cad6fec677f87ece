import { isMethod, LONG_TEXT, type CallResult, type EventName, type Method, type MethodOutput, type NowStateView, type StretchSessionView } from '../../../shared/bridge.js';
import { METHODS } from '../../../shared/bridgeSchemas.js';
import { RED_FLAGS, STRETCH_HOLD_DAYS, needsMedicalCare, stretchHold } from '../../../shared/checkin.js';
import type { Settings } from '../../../shared/settings.js';
import { dateToDay } from '../../../shared/calendar.js';
import { isValidZone, nextLocalMidnight } from '../../core/localTime.js';
import type { Store, StretchSession } from '../../store/types.js';
import { ABANDONED_AFTER_MINUTES, type Monitor, type MonitorEvent } from '../monitor.js';
import { readTrackerStatus } from '../trackerStatus.js';
import { readStatus } from '../status.js';
import { folderProblem } from '../../platform/syncFolder.js';
import { deviceStats, personStats } from '../sync/deviceStats.js';
import type { SyncRunner } from '../sync/startSync.js';
import { syncStatus } from '../sync/syncStatus.js';
import { tellTracker } from '../sync/tellTracker.js';
import type { BridgeDispatcher, EventListener } from './dispatcher.js';
import { refuse, toErrorBody, unavailable } from './errors.js';
import { exportFile } from './exportFile.js';
import { historyNow } from './historyNow.js';
import { importFile, previewImportFile } from './importFile.js';
import { sessionPlan, suggest } from './stretchPlan.js';
import { parseInput } from './validate.js';
import type { z } from 'zod';

export type { BridgeDispatcher } from './dispatcher.js';

export interface BridgeContext {
  store: Store;
  /** null: history-only (this process does not track; e.g. `sitwell ui` on its own). */
  monitor: Monitor | null;
  mode: 'electron' | 'web';
  /** The database file, shown in settings and used to find a tracker in another process. */
  dataPath: string;
  version: string;
  /** The user's IANA zone now. */
  zone: () => string;
  now?: () => number;
  /** Where unexpected handler failures are reported (default: nowhere). */
  log?: (line: string) => void;
  /** The tracker's sync (issue 15), which follows a new folder at once; without it (history only) the folder is only stored. */
  sync?: SyncRunner;
  /** The system's folder picker (the desktop app); without it the window offers the text field only. */
  pickFolder?: () => Promise<string | null>;
}

/** The longest statistics range one call may ask for: twenty years of days. */
const MAX_STATS_DAYS = 20 * 366;
/** Recent sessions the stretch suggestion learns from. */
const SUGGESTION_WINDOW_MS = 180 * 86_400_000;

const NOT_TRACKING =
  'this window shows your history only and is not tracking your sitting; run `sitwell daemon` (or the desktop app) to get prompts, answer them and pause';

type Input<M extends Method> = z.output<(typeof METHODS)[M]['input']>;
type Handlers = { [M in Method]: (input: Input<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

const toView = (s: StretchSession): StretchSessionView => ({ ...s });

/**
 * Builds the handlers behind `window.sitwell`. Every call is validated against the contract in
 * shared/bridge.ts before anything runs, so a refused call never writes; every failure is a
 * typed error body, never a throw.
 */
export function createBridgeHandlers(ctx: BridgeContext): BridgeDispatcher {
  const { store, monitor } = ctx;
  const now = ctx.now ?? Date.now;
  const log = ctx.log ?? (() => {});
  const listeners = new Set<EventListener>();
  let detachMonitor: (() => void) | null = null;
  /** History-only mode: the session this window started and has not finished. */
  let ownStretch: StretchSession | null = null;
  /** When ownStretch counts as abandoned (its length plus ABANDONED_AFTER_MINUTES), like the monitor's sessions. */
  let ownStretchEndsBy = 0;
  const endOwnStretch = () => {
    if (ownStretch) store.finishStretch(ownStretch.id, { end: Math.max(now(), ownStretch.start), completed: false, stepsDone: 0 });
    ownStretch = null;
  };

  const emit = (event: EventName, payload: () => unknown) => {
    if (listeners.size === 0) return;
    let value: unknown;
    try {
      value = payload();
    } catch (e) {
      log(`bridge event ${event} failed: ${(e as Error).message}`);
      return;
    }
    for (const l of [...listeners]) {
      try {
        l(event, value);
      } catch (e) {
        log(`bridge listener failed: ${(e as Error).message}`);
      }
    }
  };

  const nowState = (): NowStateView => {
    if (monitor) return monitor.now();
    if (ownStretch && now() > ownStretchEndsBy) endOwnStretch();
    return historyNow(store, { dataPath: ctx.dataPath, zone: ctx.zone(), now: now(), stretching: ownStretch });
  };

  const onMonitor = (e: MonitorEvent) => {
    switch (e.type) {
      case 'state':
        return emit('state', nowState);
      case 'break-prompt':
        return emit('break-prompt', () => e.prompt);
      case 'prompt-closed':
        return emit('prompt-closed', () => ({ id: e.id }));
      case 'posture':
        return emit('posture', () => ({ at: e.at }));
      case 'open-prompt':
      case 'start-stretch':
        return emit(e.type, () => ({}));
      case 'settings':
        return emit('settings', () => store.getSettings());
    }
  };

  const toOtherTracker = (method: 'setSyncFolder' | 'setDeviceName', input: Record<string, unknown>) =>
    tellTracker(ctx.dataPath, method, input).catch((e: unknown) => {
      throw unavailable((e as Error).message);
    });
  const syncNow = () => syncStatus(store, { running: ctx.sync?.running() ?? false, canPickFolder: ctx.pickFolder !== undefined });

  const tracking = (): Monitor => {
    if (!monitor) throw unavailable(`Not tracking: ${NOT_TRACKING}`);
    return monitor;
  };

  const findStretch = (id: number): StretchSession => {
    const s = store.getStretch(id);
    if (!s) throw refuse('id', `id: there is no stretch session ${id}`);
    return s;
  };

  const handlers: Handlers = {
    getInfo: () => ({
      version: ctx.version,
      mode: ctx.mode,
      dataPath: ctx.dataPath,
      tracking: monitor !== null,
      zone: ctx.zone(),
    }),

    getNow: () => nowState(),

    stand: () => {
      const standing = tracking().stand();
      emit('state', nowState);
      return { standing };
    },
    sit: () => {
      const standing = tracking().sit();
      emit('state', nowState);
      return { standing };
    },

    answerPrompt: ({ action }) => ({ answered: tracking().answer(action) }),

    startStretch: ({ routineId }) => {
      const plan = sessionPlan(routineId);
      if (plan === null) throw refuse('routineId', `routineId: "${routineId}" is not a routine or stretch Sitwell knows`);
      let session: StretchSession;
      if (monitor) session = monitor.startStretch(routineId, plan.stepsTotal, plan.lengthSeconds);
      else {
        // Not tracking, but the session is still history worth keeping; one left open ends here, never reused.
        endOwnStretch();
        session = store.startStretch({ start: now(), routineId, stepsTotal: plan.stepsTotal, zone: ctx.zone() });
        ownStretch = session;
        ownStretchEndsBy = session.start + (plan.lengthSeconds + ABANDONED_AFTER_MINUTES * 60) * 1000;
      }
      emit('state', nowState);
      return toView(session);
    },

    finishStretch: ({ id, completed, stepsDone }) => {
      const existing = findStretch(id);
      // Finishing twice (a retry, a second tab) keeps the first result.
      if (existing.end !== null) return toView(existing);
      if (stepsDone > existing.stepsTotal) throw refuse('stepsDone', `stepsDone must be at most ${existing.stepsTotal}, the session's number of steps`);
      const result = { completed, stepsDone: completed ? existing.stepsTotal : stepsDone };
      let session: StretchSession;
      if (monitor) session = monitor.finishStretch(id, result);
      else session = store.finishStretch(id, { end: Math.max(now(), existing.start), ...result });
      if (ownStretch?.id === id) ownStretch = null;
      emit('state', nowState);
      return toView(session);
    },

    pause: ({ minutes, untilTomorrow }) => {
      const m = tracking();
      if (minutes !== undefined && untilTomorrow) throw refuse('untilTomorrow', 'give either minutes or untilTomorrow, not both');
      const t = now();
      const until = minutes !== undefined ? t + minutes * 60_000 : untilTomorrow ? nextLocalMidnight(t, ctx.zone()) : null;
      m.pause(until);
      return { pausedUntil: m.now().pausedUntil };
    },

    resume: () => {
      tracking().resume();
      return { pausedUntil: null };
    },

    getSettings: () => store.getSettings(),

    updateSettings: (patch) => {
      if (typeof patch.timeZone === 'string' && !isValidZone(patch.timeZone)) {
        throw refuse('timeZone', `timeZone: "${patch.timeZone}" is not a time zone name like Europe/Berlin`);
      }
      const settings: Settings = store.updateSettings(patch);
      // The monitor tells every view (its 'settings' event), as it does for a change through the sync folder.
      if (monitor) monitor.reloadSettings();
      else emit('settings', () => settings);
      return settings;
    },

    getStats: ({ from, to, device }) => {
      if (dateToDay(to) - dateToDay(from) + 1 > MAX_STATS_DAYS) throw refuse('from', `the range is longer than ${MAX_STATS_DAYS} days; ask for twenty years or less`);
      if (device !== undefined && !store.sync.devices(0, 0).some((d) => d.deviceId === device)) throw refuse('device', `device: this history has no device ${device}`);
      try {
        if (device !== undefined) return deviceStats(store, device, { from, to, zone: ctx.zone() });
        return personStats(store, { from, to, zone: ctx.zone() });
      } catch (e) {
        if (e instanceof RangeError) throw refuse(/^to\b/.test(e.message) ? 'to' : 'from', e.message);
        throw e;
      }
    },

    suggestStretch: () => {
      const t = now();
      // One suggestion per open prompt (or per minute), so a reload does not change it.
      const seed = monitor?.now().openPrompt?.at ?? Math.floor(t / 60_000);
      const hold = stretchHold(store.listCheckIns({ from: t - STRETCH_HOLD_DAYS * 86_400_000 }), t);
      return { stretchId: suggest(store.listStretches({ from: t - SUGGESTION_WINDOW_MS }), seed, store.getSettings().movementMode), hold };
    },

    addCheckIn: ({ soreness, areas, redFlags, note }) => {
      // The schema makes every red-flag question answered; the history keeps the ones answered yes.
      const yes = RED_FLAGS.filter((f) => redFlags[f.id]).map((f) => f.id);
      const stored = store.addCheckIn({ at: now(), soreness, areas, redFlags: yes, note: note ?? '', zone: ctx.zone() });
      return { id: stored.id, seeDoctor: needsMedicalCare(redFlags) };
    },

    exportData: ({ format }) => exportFile(store, format, now(), ctx.zone()),

    previewImport: ({ fileText }) => previewImportFile(store, fileText),

    importData: ({ fileText }) => {
      const result = importFile(store, fileText);
      if (result.settingsApplied) {
        monitor?.reloadSettings();
        emit('settings', () => store.getSettings());
      }
      emit('state', nowState);
      return result;
    },

    deleteAllData: () => {
      if (monitor) {
        // The monitor still holds the open prompt's and the running stretch's rows; deleting them
        // under it would make its next write to them fail.
        const state = monitor.now();
        if (state.openPrompt) throw unavailable('a break prompt is open: answer it first, then delete your history');
        if (state.stretching) throw unavailable('a stretch is running: finish or stop it first, then delete your history');
      } else if (readStatus(store, ctx.dataPath, ctx.zone(), now()).tracking && readTrackerStatus(store)?.openPromptAt) {
        throw unavailable('the Sitwell daemon has a break prompt open: answer it first, then delete your history');
      }
      store.deleteAll();
      ownStretch = null;
      emit('state', nowState);
      return { deleted: true as const };
    },

    getSync: () => syncNow(),

    // This process's tracker follows at once; a window without one hands the change to the tracker of another
    // process (the daemon) over its control channel; with none running, the history keeps it for the next start.
    setSyncFolder: async ({ folder }) => {
      const problem = folder === null ? null : folderProblem(folder);
      if (problem) return { problem, status: syncNow() };
      if (ctx.sync) ctx.sync.setFolder(folder);
      else if (!(await toOtherTracker('setSyncFolder', { folder }))) store.sync.setFolder(folder);
      return { problem: null, status: syncNow() };
    },

    setDeviceName: async ({ name }) => {
      if (ctx.sync) ctx.sync.setName(name);
      else if (!(await toOtherTracker('setDeviceName', { name }))) store.sync.setName(name);
      return syncNow();
    },

    pickSyncFolder: async () => {
      if (!ctx.pickFolder) throw unavailable('there is no folder picker here: type the folder’s full path');
      return { folder: await ctx.pickFolder() };
    },
  };

  return {
    async call(method: string, input: unknown): Promise<CallResult> {
      // (pickSyncFolder waits for the system's dialog; every other handler answers at once.)
      try {
        if (!isMethod(method)) {
          return { ok: false, error: { code: 'unknown-method', message: `"${String(method).slice(0, 60)}" is not a Sitwell bridge method` } };
        }
        const parsed = parseInput(METHODS[method].input, input, LONG_TEXT[method]);
        if (!parsed.ok) return parsed;
        const handler = handlers[method] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.value) };
      } catch (e) {
        return { ok: false, error: toErrorBody(e, log) };
      }
    },

    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      // One monitor subscription however many pages listen; dropped with the last of them.
      if (monitor && !detachMonitor) detachMonitor = monitor.on(onMonitor);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0 && detachMonitor) {
          detachMonitor();
          detachMonitor = null;
        }
      };
    },
  };
}

