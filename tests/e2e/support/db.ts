import Database from 'better-sqlite3';

/** Reads the real database file the server writes, read-only, to check what a flow stored. */
export function queryDb<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
