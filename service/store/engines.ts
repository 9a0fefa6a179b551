/**
 * The two engines under the SQL store: PGlite (embedded PostgreSQL in a data folder, the
 * default) and a PostgreSQL server over `pg` (when DATABASE_URL is set). `openStore` picks one
 * and runs the migrations.
 */
import {
  chmodSync,
  closeSync,
  constants,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import fsx from "fs-native-extensions";
import pg from "pg";
import { SamsynError } from "../../shared/failures";
import { migrate, type Prepared, type Row, type SqlDb, SqlStore } from "./sql";
import type { Store } from "./types";

export interface StoreOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; "memory://" for a throwaway in-memory database. */
  readonly dataDir?: string | undefined;
}

/** Thrown when another live process has the PGlite data folder open. */
export class StoreLockedError extends Error {
  override readonly name = "StoreLockedError";
  constructor(
    readonly dataDir: string,
    /** The holder's process id as it wrote it (in its own PID namespace), if readable. */
    readonly pid: number | null,
  ) {
    super(`The data folder ${dataDir} is in use by another process${pid === null ? "" : ` (pid ${pid})`}`);
  }
}

/**
 * PGlite is one process's database: two processes on one folder would corrupt it. An
 * exclusive OS lock on samsyn.lock (flock/OFD lock, LockFileEx on Windows) keeps a second one
 * out for as long as the first lives: the kernel lets go when it exits, however it exits, so
 * no process id is ever trusted (in a container every server is pid 1). The file is never
 * removed: a process waiting on the old file and one creating a new one would both hold "it".
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, "samsyn.lock");
  const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  let locked = false;
  try {
    locked = fsx.tryLock(fd);
  } finally {
    if (!locked) closeSync(fd);
  }
  if (!locked) {
    let pid: number | null = null;
    try {
      const text = readFileSync(file, "utf8").trim();
      pid = /^\d{1,10}$/.test(text) ? Number(text) : null;
    } catch {}
    throw new StoreLockedError(dir, pid);
  }
  // For the operator reading the file; the lock, not this number, is what keeps others out.
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  return () => closeSync(fd);
}

/**
 * The data folder holds the tokens' table and PGlite's own pg_hba.conf: only its owner may
 * read or write it. A folder others can write is refused, as PostgreSQL's initdb refuses one
 * (they could have replaced any file in it); a folder others can only read is closed.
 */
export function checkDataDir(dir: string): void {
  // Windows keeps access in ACLs, not in these mode bits (a folder reads as 0777 there).
  if (process.platform === "win32") {
    mkdirSync(dir, { recursive: true });
    return;
  }
  // Files PGlite creates while it runs (WAL segments, tables) are created with the process umask.
  process.umask(0o077);
  let mode: number | null = null;
  try {
    mode = statSync(dir).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (mode === null) mkdirSync(dir, { recursive: true, mode: 0o700 });
  else if ((mode & 0o022) !== 0)
    throw new SamsynError({ code: "data-folder-open", dataDir: dir, mode: (mode & 0o777).toString(8) });
  closeDataDir(dir);
}

/**
 * Every file and folder in the data folder kept to its owner. PGlite writes a new database's
 * files 0666 whatever the umask, and folders made before this check were left 0755, so this
 * runs when the folder is opened, once PGlite has made its files, and when it is closed.
 */
export function closeDataDir(dir: string): void {
  if (process.platform === "win32") return;
  const own = (file: string) => {
    const stat = lstatSync(file);
    // A link is not followed: what it points to is not the service's to change.
    if (!stat.isSymbolicLink() && (stat.mode & 0o077) !== 0) chmodSync(file, stat.mode & 0o700);
  };
  own(dir);
  for (const entry of readdirSync(dir, { recursive: true })) own(path.join(dir, String(entry)));
}

const textOf = (sql: string | Prepared): string => (typeof sql === "string" ? sql : sql.text);

/** A query for pg: a prepared one by its name, which pg parses once per connection. */
const pgQuery = (sql: string | Prepared, params: readonly unknown[] | undefined): pg.QueryConfig => ({
  ...(typeof sql === "string" ? { text: sql } : { name: sql.name, text: sql.text }),
  ...(params ? { values: [...params] } : {}),
});

async function pgliteDb(dataDir: string): Promise<SqlDb> {
  const inMemory = dataDir.startsWith("memory://");
  let unlock = () => {};
  if (!inMemory) {
    checkDataDir(dataDir);
    unlock = lockDataDir(path.resolve(dataDir));
  }
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
    if (!inMemory) closeDataDir(dataDir);
  } catch (e) {
    await db?.close().catch(() => {});
    unlock();
    throw e;
  }
  const opened = db;
  return {
    engine: "pglite",
    // In process, with nothing to parse twice over a wire: a prepared statement is run as text.
    query: async (sql, params) =>
      (await opened.query<Row>(textOf(sql), params ? [...params] : undefined)).rows,
    transaction: (fn) =>
      opened.transaction((tx) =>
        fn({
          query: async (sql, params) =>
            (await tx.query<Row>(textOf(sql), params ? [...params] : undefined)).rows,
        }),
      ),
    close: async () => {
      try {
        await opened.close();
        if (!inMemory) closeDataDir(dataDir);
      } finally {
        unlock();
      }
    },
  };
}

/**
 * Whether an error says the connection to PostgreSQL was lost (the server restarted, a
 * backend was terminated, the network dropped) rather than anything about the statement.
 */
export function connectionLost(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") {
    // Class 08: connection exception; 57P01–57P03: terminated by the administrator, crash, starting up.
    if (/^08...$|^57P0[1-3]$/.test(code)) return true;
    if (["ECONNRESET", "EPIPE", "ECONNREFUSED", "ETIMEDOUT"].includes(code)) return true;
  }
  return /^Connection terminated|is not queryable$/.test(e.message);
}

const interrupted = () => new SamsynError({ code: "database-interrupted" });

/** A statement that only reads: run again once when its connection was lost, since a second run changes nothing. */
const readsOnly = (sql: string | Prepared): boolean => /^\s*select\b/i.test(textOf(sql));

/**
 * A lost connection as a failure a client can act on (503 with Retry-After), never a 500: a
 * read is tried once more on a fresh connection first; a write or a transaction is not, since
 * it may have been committed before the connection went (a client's retry then gets 409).
 */
export function survivingLostConnections(db: SqlDb): SqlDb {
  return {
    ...db,
    engine: db.engine,
    query: async (sql, params) => {
      try {
        return await db.query(sql, params);
      } catch (e) {
        if (!connectionLost(e)) throw e;
        if (!readsOnly(sql)) throw interrupted();
      }
      try {
        return await db.query(sql, params);
      } catch (e) {
        throw connectionLost(e) ? interrupted() : e;
      }
    },
    transaction: async (fn) => {
      try {
        return await db.transaction(fn);
      } catch (e) {
        throw connectionLost(e) ? interrupted() : e;
      }
    },
    close: () => db.close(),
  };
}

function postgresDb(connectionString: string): SqlDb {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not take the process down; the next query reconnects.
  pool.on("error", () => {});
  return {
    engine: "postgres",
    query: async (sql, params) => (await pool.query(pgQuery(sql, params))).rows as Row[],
    transaction: async (fn) => {
      const client = await pool.connect();
      let lost: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async (sql, params) => (await client.query(pgQuery(sql, params))).rows as Row[],
        });
        await client.query("COMMIT");
        return result;
      } catch (e) {
        if (connectionLost(e)) lost = e as Error;
        else await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        // A client whose connection was lost is dropped, not handed to the next request.
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}

/** The database the options name, not yet migrated (tests build older schemas on it). */
export async function openDatabase(options: StoreOptions): Promise<SqlDb> {
  return options.databaseUrl
    ? survivingLostConnections(postgresDb(options.databaseUrl))
    : await pgliteDb(options.dataDir ?? "./data");
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return new SqlStore(db);
}
