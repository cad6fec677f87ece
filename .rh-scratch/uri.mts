import Database from 'better-sqlite3';
import { readdirSync, rmSync, mkdirSync } from 'node:fs';
rmSync('/tmp/rh/u', { recursive: true, force: true }); mkdirSync('/tmp/rh/u');
const w = new Database('/tmp/rh/u/s.db'); w.pragma('journal_mode = WAL'); w.exec('create table t(x); insert into t values (1)'); w.close();
console.log(readdirSync('/tmp/rh/u'));
try {
  const d = new Database('file:/tmp/rh/u/s.db?immutable=1', { readonly: true, fileMustExist: true });
  console.log(d.pragma('quick_check'), d.pragma('user_version', { simple: true }));
  d.close();
} catch (e) { console.log('ERR', (e as Error).message); }
console.log(readdirSync('/tmp/rh/u'));
