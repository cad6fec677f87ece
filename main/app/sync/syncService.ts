import { formatHlc, parseHlc, tick } from '../../core/sync/hlc.js';
import { isDeviceId, journalLine, MAX_FILE_BYTES, monthFileOf, MONTH_FILE_RE, parseJournal, recordTime, type JournalRecord } from '../../core/sync/journal.js';
import { compactJournal } from '../../core/sync/compact.js';
import { newestSettings, settingsToApply } from '../../core/sync/settingsSync.js';
import { settingsPatchProblems, type Settings } from '../../../shared/settingsRules.js';
import type { SyncFolder } from '../../platform/syncFolder.js';
import type { Store } from '../../store/index.js';

/**
 * Sync through a folder (issue 15), the imperative part: this device's new records go to its
 * journal (flush), the other devices' journals come into the history (importAll), at start and
 * whenever the folder changes. Nothing here may stop the tracker: every failure is a log line and
 * a problem `sitwell doctor` shows, and the history is only ever added to.
 */

export interface SyncDeps {
  store: Store;
  folder: SyncFolder;
  log: (line: string) => void;
  now: () => number;
  /** This device's name when it has none yet (the host name). */
  hostName: string;
  /** How long after a change to wait for more before reading (ms). */
  settleMs?: number;
  /** Settings changed through the folder (another device's newer change): the tracker reloads them. */
  onSettings?: (settings: Settings) => void;
}

export interface SyncService {
  /** Writes this device's waiting records to its journal. */
  flush(): void;
  /** Reads every other device's journal that changed since it was last read, then applies newer settings. Returns the records added or replaced. */
  importAll(): number;
  /** Writes this device's name to its journal again (it was renamed). */
  announceName(): void;
  close(): void;
}

/** Records stamped later than this after this machine's now come from a device whose clock is ahead: held until their time. */
export const CLOCK_AHEAD_MS = 10 * 60_000;
const FLUSH_BATCH = 5_000;
const CONFLICT_RE = /\.sync-conflict-/;

const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);

type Problem = { line: number; reason: string; message: string };

export function createSyncService(deps: SyncDeps): SyncService {
  const { store, folder, log } = deps;
  const sync = store.sync;
  if (!sync.identity().name) sync.setName(deps.hostName);
  const me = sync.identity().deviceId;
  let wroteDevice = false;

  const stamp = (): string => {
    const s = formatHlc(tick(parseHlc(sync.clock() ?? ''), me, deps.now()));
    sync.setClock(s);
    return s;
  };

  function flush(): void {
    try {
      for (;;) {
        const { upTo, records, settings } = sync.pending(FLUSH_BATCH);
        if (upTo === 0 && wroteDevice) return;
        const byFile = new Map<string, JournalRecord[]>();
        const add = (r: JournalRecord) => {
          const f = `${me}/${monthFileOf(r, deps.now())}`;
          const list = byFile.get(f);
          if (list) list.push(r);
          else byFile.set(f, [r]);
        };
        store.transaction(() => {
          for (const p of records) add({ v: 1, device: me, uid: p.uid, hlc: stamp(), ...p.body });
          // Settings changes were stamped when they were made: their order across devices is that of the changes.
          for (const r of settings) add(r);
          // The name, once a run, so other devices can show it.
          if (!wroteDevice) add({ v: 1, device: me, uid: 'device', hlc: stamp(), type: 'device', name: sync.identity().name });
        });
        for (const [rel, recs] of byFile) {
          const old = folder.stat(rel) ? folder.read(rel) : '';
          // Whole lines only: a file someone cut short gets its newline back before ours follow.
          const head = old === '' || old.endsWith('\n') ? old : `${old}\n`;
          folder.write(rel, head + recs.map(journalLine).join(''));
        }
        wroteDevice = true;
        if (upTo) sync.ack(upTo);
        if (records.length + settings.length < FLUSH_BATCH) return;
      }
    } catch (e) {
      log(`sync: could not write this device's journal in ${folder.root}: ${(e as Error).message} (will try again at the next change)`);
    }
  }

  /** Closed months of this device keep only the newest line of each record. */
  function compact(): void {
    const current = month(deps.now());
    for (const name of folder.files(me)) {
      const m = MONTH_FILE_RE.exec(name);
      if (!m || `${m[1]}-${m[2]}` >= current) continue;
      try {
        const rel = `${me}/${name}`;
        const text = folder.read(rel);
        const compacted = compactJournal(text, me);
        if (compacted !== null && compacted !== text) folder.write(rel, compacted);
      } catch (e) {
        log(`sync: could not compact ${me}/${name}: ${(e as Error).message}`);
      }
    }
  }

  /** Records what is wrong with a file now, and logs it when that changed. */
  function report(rel: string, problems: Problem[]): void {
    const said = (xs: readonly Problem[]) => xs.map((p) => `${p.line}:${p.message}`).join('\n');
    const before = said(sync.problems().filter((p) => p.path === rel));
    sync.setProblems(rel, problems, deps.now());
    if (said(sync.problems().filter((p) => p.path === rel)) === before) return;
    for (const p of problems.slice(0, 3)) log(`sync: skipped ${rel}${p.line ? ` line ${p.line}` : ''}: ${p.message}`);
    if (problems.length > 3) log(`sync: … and ${problems.length - 3} more problems in ${rel} (sitwell doctor lists them)`);
  }

  function readFile(device: string, name: string): number {
    const rel = `${device}/${name}`;
    if (CONFLICT_RE.test(name)) {
      report(rel, [{ line: 0, reason: 'conflict', message: 'a conflict copy made by the sync engine: each device writes only its own files, so only the original is read' }]);
      return 0;
    }
    if (!MONTH_FILE_RE.test(name)) return 0; // temporary files of the sync engine or of a writer
    if (!isDeviceId(device)) {
      report(rel, [{ line: 0, reason: 'invalid', message: 'not in a device folder of Sitwell (the folder name is not a device id)' }]);
      return 0;
    }
    const st = folder.stat(rel);
    if (!st) return 0;
    if (st.size > MAX_FILE_BYTES) {
      report(rel, [{ line: 0, reason: 'huge', message: `${st.size} bytes, more than a journal ever holds (${MAX_FILE_BYTES}); not read` }]);
      return 0;
    }
    const seen = sync.fileSeen(rel);
    if (seen && seen.size === st.size && seen.mtimeMs === Math.round(st.mtimeMs)) return 0;
    const { records, skipped } = parseJournal(folder.read(rel), device);
    const limit = deps.now() + CLOCK_AHEAD_MS;
    const ready = records.filter((r) => (recordTime(r) ?? 0) <= limit);
    const held = records.length - ready.length;
    const result = sync.importRecords(ready, deps.now());
    const problems: Problem[] = skipped.map((s) => ({ line: s.line, reason: s.reason, message: s.message }));
    if (held) {
      const ahead = Math.max(...records.map((r) => recordTime(r) ?? 0)) - deps.now();
      problems.push({
        line: 0,
        reason: 'clock',
        message: `${held} records are from up to ${(ahead / 3_600_000).toFixed(1)} h after this machine's time: that device's clock is ahead; they are held until their time comes`,
      });
    }
    report(rel, problems);
    // Read again at the next change while something is held or cut short; otherwise only when it changes.
    const incomplete = held > 0 || skipped.some((s) => s.reason === 'cut');
    sync.markFile(rel, incomplete ? null : st);
    return result.added + result.replaced;
  }

  /**
   * The newest change of each shared setting, from whichever device, becomes this device's value,
   * through the same checks as a change made here; a value this version refuses (a newer Sitwell's
   * bounds) keeps this computer's own and is reported.
   */
  function applySettings(): void {
    const current = store.getSettings();
    if (!current.syncSettings) return;
    const patch = settingsToApply(current, newestSettings(sync.settingChanges()), me);
    const valid: Record<string, unknown> = {};
    const refused: Problem[] = [];
    for (const [key, value] of Object.entries(patch)) {
      const [problem] = settingsPatchProblems({ [key]: value });
      if (problem) refused.push({ line: refused.length + 1, reason: 'invalid', message: `setting "${key}" from another device not applied: ${problem.message}` });
      else valid[key] = value;
    }
    report('settings', refused);
    if (Object.keys(valid).length === 0) return;
    const saved = store.updateSettings(valid, { fromSync: true });
    log(`sync: settings from other devices applied: ${Object.keys(valid).join(', ')}`);
    deps.onSettings?.(saved);
  }

  function importAll(): number {
    let changed = 0;
    try {
      for (const device of folder.devices()) {
        if (device === me) continue;
        for (const name of folder.files(device)) {
          try {
            changed += readFile(device, name);
          } catch (e) {
            log(`sync: could not read ${device}/${name}: ${(e as Error).message}`);
          }
        }
      }
      if (changed) log(`sync: ${changed} records from other devices imported`);
    } catch (e) {
      log(`sync: could not read the sync folder ${folder.root}: ${(e as Error).message}`);
    }
    try {
      applySettings();
    } catch (e) {
      log(`sync: could not apply settings from other devices: ${(e as Error).message}`);
    }
    return changed;
  }

  try {
    // This device's journal went missing (deleted in the folder): write it whole again.
    if (folder.files(me).length === 0) sync.rewriteJournal();
    flush();
    compact();
  } catch (e) {
    log(`sync: ${(e as Error).message}`);
  }
  importAll();

  let timer: NodeJS.Timeout | null = null;
  const settle = deps.settleMs ?? 500;
  const unwatch = folder.watch(
    (rel) => {
      if (rel !== null && rel.startsWith(`${me}/`)) return; // our own writes
      // One read after a burst of changes (a sync engine writes a file in several steps).
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        importAll();
      }, settle);
    },
    (e) => log(`sync: watching ${folder.root} failed: ${e.message}; other devices' changes are read at the next start`),
  );
  return {
    flush,
    importAll,
    announceName() {
      wroteDevice = false;
      flush();
    },
    close() {
      unwatch();
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
