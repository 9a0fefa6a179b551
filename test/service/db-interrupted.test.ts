/**
 * A PostgreSQL connection killed under a request (a restart, a failover, pg_terminate_backend)
 * is never a 500: a read is run again on a fresh connection, a write is answered 503 with
 * Retry-After, coded, so the client knows to try again.
 */
import pg from "pg";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, type WebServer } from "../../service/server";
import {
  ADMIN,
  bearer,
  createAssociation,
  PG_ADMIN_URL,
  postgresEngine,
  putReport,
  simpleBudget,
} from "./helpers";

describe("a PostgreSQL connection killed during a request (postgres)", () => {
  const engine = postgresEngine();
  let server: WebServer;
  let database: string;
  let ale: { id: string; token: string };
  /** A second connection, as an operator's or a failover's. */
  const other = new pg.Client({ connectionString: PG_ADMIN_URL });

  beforeAll(async () => {
    const options = (await engine.storeOptions()) as { databaseUrl: string };
    database = new URL(options.databaseUrl).pathname.slice(1);
    server = await startWebServer({
      port: 0,
      adminToken: ADMIN,
      authFailureLimit: 10_000,
      logger: pino({ level: "silent" }),
      ...options,
    });
    await other.connect();
    ale = await createAssociation(server.url, "Ale", 1);
    expect((await putReport(server.url, ale, "budget", "2015", simpleBudget(["2015"]))).status).toBe(201);
  });
  afterAll(async () => {
    await other.end();
    await server?.close();
    await engine.cleanup();
  });

  /**
   * Holds the revisions' table locked from another connection until the service's request
   * waits on it, then terminates that backend: the request's statement is killed mid-run.
   */
  async function killedWhileWaiting(request: () => Promise<Response>): Promise<Response> {
    const locker = new pg.Client({ connectionString: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`) });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE report_revisions IN ACCESS EXCLUSIVE MODE");
      const answer = request();
      let killed = 0;
      for (let i = 0; i < 200 && killed === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        const r = await other.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
            WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          [database],
        );
        killed = r.rows.filter((row: { done: boolean }) => row.done).length;
      }
      expect(killed).toBe(1);
      await locker.query("COMMIT");
      return await answer;
    } finally {
      await locker.end();
    }
  }

  it("When the connection of a read is killed mid-statement, then the read is run again and answered 200", async () => {
    const r = await killedWhileWaiting(() =>
      fetch(`${server.url}/api/associations/${ale.id}/reports/budget/2015`, { headers: bearer(ale.token) }),
    );
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBe('"1"');
  });

  it("When the connection of a write is killed mid-transaction, then 503 with Retry-After and a coded failure, and a retry succeeds", async () => {
    const r = await killedWhileWaiting(() =>
      putReport(server.url, ale, "budget", "2015", simpleBudget(["2015"], 2), { "If-Match": '"1"' }),
    );
    const body = (await r.json()) as { error: { code: string; message: string; messageEn: string } };
    expect([r.status, r.headers.get("retry-after"), body.error.code]).toEqual([
      503,
      "2",
      "database-interrupted",
    ]);
    expect(body.error.message).toBe("Förbindelsen med databasen bröts. Försök igen om en stund.");
    const again = await putReport(server.url, ale, "budget", "2015", simpleBudget(["2015"], 2), {
      "If-Match": '"1"',
    });
    expect(again.status).toBe(201);
  });

  it("When every connection is killed again and again under 600 reads and writes, then no answer is a 500", async () => {
    let stop = false;
    let terminated = 0;
    const killer = (async () => {
      while (!stop) {
        const r = await other.query(
          "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [database],
        );
        terminated += Number(r.rows[0].n);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    const statuses = new Map<number, number>();
    try {
      for (let round = 0; round < 60; round++) {
        const reads = Array.from({ length: 8 }, () =>
          fetch(`${server.url}/api/associations/${ale.id}/reports/budget/2015`, {
            headers: bearer(ale.token),
          }),
        );
        const writes = Array.from({ length: 2 }, (_, i) =>
          putReport(server.url, ale, "budget", "2016", simpleBudget(["2016"], round * 2 + i + 1)),
        );
        for (const r of await Promise.all([...reads, ...writes])) {
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 503) expect(r.headers.get("retry-after")).toBe("2");
          await r.arrayBuffer();
        }
      }
    } finally {
      stop = true;
      await killer;
    }
    const seen = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    expect(terminated).toBeGreaterThan(20);
    expect(Object.keys(seen).filter((s) => Number(s) >= 500 && s !== "503")).toEqual([]);
    expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(100);
  });
});
