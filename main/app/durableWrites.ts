import type { PromptOutcome } from '../../shared/domain.js';
import { StoreError } from '../store/errors.js';
import type { Checkpoint, NewBout, NewPrompt, NewStanding, Store } from '../store/types.js';
import { errorCode, storageFailure, storageFailureText } from '../store/sqliteErrors.js';

/**
 * The tracker's writes to the history, made so that a full disk, a read-only file system or an
 * I/O error never stops tracking: a write that fails for such a reason is kept in memory (in
 * order) and retried on every later write until it lands, and the user is told once per outage.
 * Other errors (a bug, a bad value) are thrown as before.
 */

/** A prompt row that may not be stored yet; `id` is its row id once it is. */
export interface PromptRef {
  readonly id: number | null;
}

type Op =
  | { kind: 'bout'; bout: NewBout }
  | { kind: 'standing'; period: NewStanding }
  | { kind: 'prompt'; prompt: NewPrompt; ref: { id: number | null } }
  | { kind: 'outcome'; ref: PromptRef; outcome: PromptOutcome }
  | { kind: 'state'; key: string; value: unknown };

export interface DurableWritesOptions {
  store: Store;
  /** One line per outage start and end (and per dropped write). */
  log: (line: string) => void;
  /** Tells the user (a desktop notification): once per outage, and not more than once an hour. */
  tell: (text: { title: string; body: string }) => void;
  now?: () => number;
}

const TELL_AT_MOST_EVERY_MS = 3_600_000;

/** "The file cannot be written now", not "this write is wrong" (see store/sqliteErrors.ts). */
export function isStorageError(e: unknown): boolean {
  return storageFailure(e) !== null;
}

function describe(e: unknown): string {
  const kind = storageFailure(e);
  return kind === 'full' || kind === 'read-only' || kind === 'busy' ? storageFailureText(kind) : `${errorCode(e) || 'error'}: ${(e as Error).message}`;
}

export class DurableWrites {
  private queue: Op[] = [];
  /** The newest checkpoint not yet written (undefined: none owed). Written after the queue, see flush(). */
  private checkpoint: Checkpoint | null | undefined = undefined;
  private outage: string | null = null;
  private toldAt = Number.NEGATIVE_INFINITY;
  private batching = 0;

  constructor(private readonly opts: DurableWritesOptions) {}

  /** Writes waiting for the disk (the checkpoint counts as one). */
  get pending(): number {
    return this.queue.length + (this.checkpoint === undefined ? 0 : 1);
  }

  /** True while writes fail; tracking goes on in memory meanwhile. */
  get failing(): boolean {
    return this.outage !== null;
  }

  /**
   * Runs `fn`, its writes landing together in one transaction when it returns, so a reader never
   * sees half of one step (a bout ended but the prompt it closed still open). A new prompt's row
   * lands at once, with whatever is queued before it, since the caller needs its id.
   */
  batch(fn: () => void): void {
    this.batching++;
    try {
      fn();
    } finally {
      this.batching--;
    }
    if (this.batching === 0) this.flush();
  }

  addBout(bout: NewBout): void {
    this.enqueue({ kind: 'bout', bout });
  }

  addStanding(period: NewStanding): void {
    this.enqueue({ kind: 'standing', period });
  }

  /** The returned ref gets the row id when the prompt is stored (at once, unless the disk is failing). */
  addPrompt(prompt: NewPrompt): PromptRef {
    const ref = { id: null as number | null };
    this.enqueue({ kind: 'prompt', prompt, ref });
    return ref;
  }

  setPromptOutcome(ref: PromptRef, outcome: PromptOutcome): void {
    this.enqueue({ kind: 'outcome', ref, outcome });
  }

  setState(key: string, value: unknown): void {
    // Only the last value of a key matters, and the queue lands in one transaction: keep the queue short.
    this.queue = this.queue.filter((op) => op.kind !== 'state' || op.key !== key);
    this.enqueue({ kind: 'state', key, value });
  }

  writeCheckpoint(cp: Checkpoint | null): void {
    this.checkpoint = cp;
    if (this.batching === 0) this.flush();
  }

  /** Tries to write everything pending; true when nothing is left. Called by every write, and safe to call any time. */
  flush(): boolean {
    if (this.pending === 0) return true;
    try {
      if (this.outage) this.replay();
      else this.writeAll();
    } catch (e) {
      if (!isStorageError(e)) {
        // Not the disk: the caller's bug or bad value, reported to it as before this module existed.
        this.queue = [];
        this.checkpoint = undefined;
        throw e;
      }
      this.startOutage(e);
      return false;
    }
    if (this.outage) {
      this.opts.log(`writing to ${this.opts.store.path} works again; the history kept in memory is saved`);
      this.outage = null;
    }
    return true;
  }

  /** The normal path: one write at a time, at once (the queue holds just the new one). */
  private writeAll(): void {
    const { store } = this.opts;
    if (this.queue.length === 1) this.run(this.queue[0]!);
    else if (this.queue.length > 1) store.transaction(() => this.queue.forEach((op) => this.run(op)));
    this.queue = [];
    this.writeCheckpointNow();
  }

  /**
   * After an outage: the backlog in one transaction, so a crash half-way cannot store half of it.
   * If some write in it can never land (not a storage error), the writes go one by one instead and
   * that one is dropped with a log line, rather than blocking the rest forever.
   */
  private replay(): void {
    const { store } = this.opts;
    try {
      this.writeAll();
      return;
    } catch (e) {
      if (isStorageError(e)) throw e;
      this.forgetIds();
    }
    while (this.queue.length) {
      const op = this.queue[0]!;
      try {
        store.transaction(() => this.run(op));
      } catch (e) {
        if (isStorageError(e)) throw e;
        if (op.kind === 'prompt') op.ref.id = null;
        this.opts.log(`dropped a pending ${op.kind} write that cannot be stored: ${(e as Error).message}`);
      }
      this.queue.shift();
    }
    try {
      this.writeCheckpointNow();
    } catch (e) {
      if (isStorageError(e)) throw e;
      this.checkpoint = undefined;
      this.opts.log(`dropped a pending checkpoint that cannot be stored: ${(e as Error).message}`);
    }
  }

  private writeCheckpointNow(): void {
    if (this.checkpoint === undefined) return;
    // Outside any transaction: the store checkpoints its WAL now and then while writing it, which a transaction forbids.
    // A crash just before this leaves a stored bout and its old checkpoint: Monitor.start drops such a checkpoint.
    this.opts.store.writeCheckpoint(this.checkpoint);
    this.checkpoint = undefined;
  }

  /** A rolled-back transaction takes the prompt rows written in it along: their ids are void. */
  private forgetIds(): void {
    for (const op of this.queue) if (op.kind === 'prompt') op.ref.id = null;
  }

  private run(op: Op): void {
    const { store } = this.opts;
    switch (op.kind) {
      case 'bout':
        store.addBout(op.bout);
        return;
      case 'standing':
        store.addStanding(op.period);
        return;
      case 'prompt':
        op.ref.id = store.addPrompt(op.prompt).id;
        return;
      case 'outcome':
        if (op.ref.id === null) return;
        try {
          store.setPromptOutcome(op.ref.id, op.outcome);
        } catch (e) {
          // The user deleted the history while this prompt was open: there is no row left to update.
          if (!(e instanceof StoreError && e.code === 'not-found')) throw e;
        }
        return;
      case 'state':
        store.setState(op.key, op.value);
        return;
    }
  }

  private enqueue(op: Op): void {
    this.queue.push(op);
    if (this.batching === 0 || op.kind === 'prompt') this.flush();
  }

  private startOutage(e: unknown): void {
    this.forgetIds();
    if (this.outage) return;
    this.outage = describe(e);
    const path = this.opts.store.path;
    this.opts.log(`cannot write to ${path} (${this.outage}); tracking continues in memory and the history is saved when writing works again`);
    // A disk that keeps hovering at full would otherwise pop a notification at every flap.
    const now = (this.opts.now ?? Date.now)();
    if (now - this.toldAt < TELL_AT_MOST_EVERY_MS) return;
    this.toldAt = now;
    this.opts.tell({
      title: 'Sitwell cannot save your history',
      body: `Writing to ${path} fails (${this.outage}). Sitwell keeps tracking and saves everything once there is room again.`,
    });
  }
}
