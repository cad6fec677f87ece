/**
 * A stand-in tracker for the crash test: writes the open bout's checkpoint every second through
 * the real store (and finished bouts in between, so the WAL is busy), printing one line per
 * checkpoint. The test kills it with SIGKILL.   node --import tsx checkpointWriter.ts <db>
 */
import { openStore } from '../../main/store/index.js';

const store = openStore(process.argv[2]!);
const zone = 'Europe/Berlin';
const boutStart = Date.now();
let n = 0;
let last = Date.now() - 3_600_000;

function checkpoint(): void {
  const now = Date.now();
  store.writeCheckpoint({ start: boutStart, lastInput: now, savedAt: now, zone });
  process.stdout.write(`checkpoint ${++n} ${now}\n`);
}

// Earlier bouts, written continuously so the kill lands in the middle of writes.
function busy(): void {
  for (let i = 0; i < 20; i++) {
    store.addBout({ start: last, end: last + 60_000, durationMs: 60_000, zone });
    last += 61_000;
  }
  setImmediate(busy);
}

checkpoint();
setInterval(checkpoint, 1000);
busy();
