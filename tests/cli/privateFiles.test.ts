import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/program.js';
import { openStore } from '../../main/store/index.js';
import { tempDir } from '../helpers/sitwellCli.js';

/** The history and its exports are health data: nobody but the user may read them, and no planted link redirects a write. */

const tmp = tempDir('sitwell-private-');
afterAll(() => tmp.cleanup());
const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('history and export files are private', () => {
  it('a new history is created 0600 (with its -wal and -shm) in a new folder 0700, whatever the umask', () => {
    const dir = join(tmp.dir, 'fresh', 'data');
    const db = join(dir, 'sitwell.db');
    const before = process.umask(0o022);
    try {
      const s = openStore(db);
      s.addBout({ start: Date.parse('2026-03-10T09:00:00Z'), end: Date.parse('2026-03-10T10:00:00Z'), durationMs: 3_600_000, zone: 'UTC' });
      expect(modeOf(dir)).toBe(0o700);
      for (const f of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(f), f).toBe(0o600);
      s.close();
    } finally {
      process.umask(before);
    }
  });

  it('an existing history readable by others is tightened to 0600 when opened for writing', () => {
    const db = join(tmp.dir, 'old.db');
    openStore(db).close();
    chmodSync(db, 0o644);
    openStore(db).close();
    expect(modeOf(db)).toBe(0o600);
  });

  it('export --out writes 0600 and never follows a link planted at the temporary name it used to use', async () => {
    const db = join(tmp.dir, 'export-src.db');
    openStore(db).close();
    const outDir = join(tmp.dir, 'out');
    mkdirSync(outDir);
    const out = join(outDir, 'export.json');
    const victim = join(tmp.dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    // The old code wrote `${out}.${pid}.tmp` with writeFileSync, through whatever link stood there.
    symlinkSync(victim, `${out}.${process.pid}.tmp`);
    const before = process.umask(0o022);
    try {
      expect(await runCli(['--db', db, 'export', '--format', 'json', '--out', out])).toBe(0);
    } finally {
      process.umask(before);
    }
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'sitwell-export' });
    expect(modeOf(out)).toBe(0o600);
    // Nothing but the export and the planted link is left behind.
    expect(readdirSync(outDir).sort()).toEqual(['export.json', `export.json.${process.pid}.tmp`]);
    expect(existsSync(victim)).toBe(true);
  });
});
