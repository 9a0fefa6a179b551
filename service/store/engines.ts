/**
 * The two engines under the SQL store: PGlite (embedded PostgreSQL in a data folder, the
 * default) and a PostgreSQL server over `pg` (when DATABASE_URL is set). `openStore` picks one
 * and runs the migrations.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate, type Row, type SqlDb, SqlStore } from "./sql";
import type { Store } from "./types";

export interface StoreOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; "memory://" for a throwaway in-memory database. */
  readonly dataDir?: string | undefined;
}

async function pgliteDb(dataDir: string): Promise<SqlDb> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
  return {
    engine: "pglite",
    query: async (sql, params) => (await db.query<Row>(sql, params ? [...params] : undefined)).rows,
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (sql, params) => (await tx.query<Row>(sql, params ? [...params] : undefined)).rows,
        }),
      ),
    close: () => db.close(),
  };
}

function postgresDb(connectionString: string): SqlDb {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not take the process down; the next query reconnects.
  pool.on("error", () => {});
  return {
    engine: "postgres",
    query: async (sql, params) => (await pool.query(sql, params ? [...params] : undefined)).rows as Row[],
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          query: async (sql, params) =>
            (await client.query(sql, params ? [...params] : undefined)).rows as Row[],
        });
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const db = options.databaseUrl
    ? postgresDb(options.databaseUrl)
    : await pgliteDb(options.dataDir ?? "./data");
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return new SqlStore(db);
}
