/**
 * Two services on one PostgreSQL, as run behind one address for availability: the database,
 * not either process, decides concurrent writers; neither keeps an answer the other's writes
 * would make stale; a key revoked through one is refused by both.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebServer, type WebServer } from "../../service/server";
import { ADMIN, bearer, createAssociation, postgresEngine, putReport, simpleBudget } from "./helpers";

interface MergedBudget {
  readonly associations: readonly { name: string; revision: number | null; income: number | null }[];
}

describe("two services on one PostgreSQL (postgres)", () => {
  const engine = postgresEngine();
  let a: WebServer;
  let b: WebServer;
  let ale: { id: string; token: string; tokenId: string };
  let network: string;

  beforeAll(async () => {
    const options = await engine.storeOptions();
    const start = () =>
      startWebServer({
        port: 0,
        adminToken: ADMIN,
        authFailureLimit: 10_000,
        logger: pino({ level: "silent" }),
        ...options,
      });
    // Started at once, as an orchestrator starts them: one migrates, the other waits and finds it done.
    [a, b] = await Promise.all([start(), start()]);
    ale = await createAssociation(a.url, "Ale", 1);
    const n = await fetch(`${b.url}/api/network-tokens`, {
      method: "POST",
      headers: bearer(ADMIN),
      body: JSON.stringify({ label: "Nätverksträff" }),
    });
    network = ((await n.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await engine.cleanup();
  });

  it("When 50 writers spread over both send on one base, then exactly one gets 201 and the rest 409", async () => {
    const first = await putReport(a.url, ale, "budget", "2015", simpleBudget(["2015"]), {
      "If-None-Match": "*",
    });
    expect(first.status).toBe(201);
    const writes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        putReport(i % 2 === 0 ? a.url : b.url, ale, "budget", "2015", simpleBudget(["2015"], i + 2), {
          "If-Match": '"1"',
        }),
      ),
    );
    const statuses = writes.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const codes = await Promise.all(
      writes
        .filter((r) => r.status === 409)
        .map(async (r) => (await r.json()) as { error: { code: string; currentRevision: number } }),
    );
    expect(new Set(codes.map((c) => `${c.error.code} ${c.error.currentRevision}`))).toEqual(
      new Set(["stale-revision 2"]),
    );
    // Both read the one winner.
    for (const url of [a.url, b.url]) {
      const r = await fetch(`${url}/api/associations/${ale.id}/reports/budget/2015`, {
        headers: bearer(ale.token),
      });
      expect([r.status, r.headers.get("etag")]).toEqual([200, '"2"']);
    }
  });

  it("When one service writes, then a merge on the other sees it at once, both ways", async () => {
    const merged = async (url: string) => {
      const r = await fetch(`${url}/api/merged/budget/2016`, { headers: bearer(network) });
      expect(r.status).toBe(200);
      return ((await r.json()) as MergedBudget).associations.find((x) => x.name === "Ale")!;
    };
    // Each service has computed (and kept) the merge before the writes.
    expect((await merged(a.url)).revision).toBeNull();
    expect((await merged(b.url)).revision).toBeNull();
    expect((await putReport(a.url, ale, "budget", "2016", simpleBudget(["2016"]))).status).toBe(201);
    expect(await merged(b.url)).toMatchObject({ revision: 1, income: 1_540_000 });
    expect((await putReport(b.url, ale, "budget", "2016", simpleBudget(["2016"], 2))).status).toBe(201);
    expect(await merged(a.url)).toMatchObject({ revision: 2, income: 3_080_000 });
    expect(await merged(b.url)).toMatchObject({ revision: 2, income: 3_080_000 });
  });

  it("When a send is retried with its Idempotency-Key through both at once, then one revision is made and every answer names it", async () => {
    const key = { "Idempotency-Key": "push-failover-1" };
    const sends = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putReport(i % 2 === 0 ? a.url : b.url, ale, "budget", "2017", simpleBudget(["2017"]), key),
      ),
    );
    const answers = await Promise.all(sends.map(async (r) => [r.status, await r.json()] as const));
    expect(answers.filter(([s]) => s === 201)).toEqual([[201, { revision: 1 }]]);
    expect(answers.filter(([s]) => s !== 201)).toEqual(
      Array.from({ length: 19 }, () => [200, { revision: 1, replayed: true }]),
    );
    const history = await fetch(`${b.url}/api/associations/${ale.id}/reports/budget/2017/revisions`, {
      headers: bearer(ale.token),
    });
    expect(((await history.json()) as { revisions: unknown[] }).revisions).toHaveLength(1);
  });

  it("When a key is revoked through one service, then both refuse it at once", async () => {
    const kungalv = await createAssociation(b.url, "Kungälv", 2);
    for (const url of [a.url, b.url])
      expect((await fetch(`${url}/api/me`, { headers: bearer(kungalv.token) })).status).toBe(200);
    const revoked = await fetch(`${a.url}/api/associations/${kungalv.id}/tokens/${kungalv.tokenId}`, {
      method: "DELETE",
      headers: bearer(ADMIN),
    });
    expect(revoked.status).toBe(204);
    for (const url of [a.url, b.url]) {
      expect((await fetch(`${url}/api/me`, { headers: bearer(kungalv.token) })).status).toBe(401);
      const put = await putReport(url, kungalv, "budget", "2015", simpleBudget(["2015"]));
      expect(put.status).toBe(401);
    }
  });
});
