import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { openStore, SCHEMA_VERSION } from '/work/main/main/store/index.ts';
const db = '/tmp/rh/nv/s.db';
const s = openStore(db); s.close();
const w = new Database(db); w.pragma(`user_version = ${SCHEMA_VERSION + 1}`); w.close();
console.log(readdirSync('/tmp/rh/nv'));
try { openStore(db); } catch (e) { console.log((e as Error).message); }
console.log(readdirSync('/tmp/rh/nv'));
