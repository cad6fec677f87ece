import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { integrityCheck, tempHome } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LINE = /^Sitwell UI: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))(.*)$/;

interface Run {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Run {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, out: () => out, err: () => err, exit };
}

async function waitForLine(r: Run, ms = 30_000): Promise<RegExpExecArray> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = LINE.exec(r.out().split('\n')[0] ?? '');
    if (m && r.out().includes('\n')) return m;
    if (r.proc.exitCode !== null) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`no URL line; stdout: ${r.out()}\nstderr: ${r.err()}`);
}

const homes: ReturnType<typeof tempHome>[] = [];
const procs: ChildProcess[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
  for (const h of homes.splice(0)) h.cleanup();
});
function home() {
  const h = tempHome();
  homes.push(h);
  return h;
}

describe('sitwell ui (real child process)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints one URL line, serves the bridge over the --db file, and exits 0 on ${signal}`, async () => {
      const h = home();
      const r = run(['--db', h.dbPath, 'ui', '--no-open', '--port', '0', '--static-dir', h.staticDir]);
      procs.push(r.proc);
      const m = await waitForLine(r);
      const [, url, port, token, note] = m as unknown as [string, string, string, string, string];
      expect(note).toMatch(/history only/);
      const base = `http://127.0.0.1:${port}`;
      const info = await fetch(`${base}/api/call/getInfo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sitwell-token': token }, body: '{}' });
      expect(await info.json()).toMatchObject({ ok: true, value: { mode: 'web', tracking: false, dataPath: h.dbPath } });
      const set = await fetch(`${base}/api/call/updateSettings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sitwell-token': token }, body: '{"sitLimitMinutes":25}' });
      expect(set.status).toBe(200);
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(`${base}/`)).status).toBe(401);

      r.proc.kill(signal);
      expect(await r.exit).toBe(0);
      expect(r.out().trim().split('\n')).toHaveLength(1);
      expect(integrityCheck(h.dbPath)).toBe('ok');
      // The server is gone.
      await expect(fetch(`${base}/`)).rejects.toThrow();
    });
  }

  it('refuses a bad --port with exit 2 and a message', async () => {
    const h = home();
    for (const port of ['abc', '70000', '-1', '1.5']) {
      const r = run(['--db', h.dbPath, 'ui', '--no-open', '--port', port, '--static-dir', h.staticDir]);
      procs.push(r.proc);
      expect(await r.exit, port).toBe(2);
      expect(r.err()).toContain('--port');
      expect(r.out()).toBe('');
    }
  });

  it('says so when the port is taken (exit 1)', async () => {
    const h = home();
    const blocker = createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', () => res()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run(['--db', h.dbPath, 'ui', '--no-open', '--port', String(port), '--static-dir', h.staticDir]);
      procs.push(r.proc);
      expect(await r.exit).toBe(1);
      expect(r.err()).toContain(`port ${port}`);
      expect(r.out()).toBe('');
    } finally {
      blocker.close();
    }
  });

  it('refuses a --db that is not a Sitwell database (exit 2) and leaves it untouched', async () => {
    const h = home();
    const notDb = join(h.dir, 'notes.txt');
    writeFileSync(notDb, 'my precious notes, not SQLite at all'.repeat(10));
    const r = run(['--db', notDb, 'ui', '--no-open', '--static-dir', h.staticDir]);
    procs.push(r.proc);
    expect(await r.exit).toBe(2);
    expect(r.err()).toMatch(/not a Sitwell database|not an SQLite/);
    expect(readFileSync(notDb, 'utf8')).toBe('my precious notes, not SQLite at all'.repeat(10));
  });

  it('without a renderer build, the page says plainly to run npm run build', async () => {
    const h = home();
    const empty = join(h.dir, 'no-build');
    mkdirSync(empty);
    const r = run(['--db', h.dbPath, 'ui', '--no-open', '--static-dir', empty]);
    procs.push(r.proc);
    const [, url] = (await waitForLine(r)) as unknown as [string, string];
    const page = await fetch(url);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('npm run build');
    r.proc.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });
});
