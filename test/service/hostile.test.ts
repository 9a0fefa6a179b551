/**
 * The service under hostile input, on both engines: text the database cannot store, amounts
 * and key sets without bounds, counts that should have been suppressed, the failed-login
 * limit under load, bodies from strangers, a merged workbook that must not stall the server.
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, startWebServer, type WebServer } from "../../service/server";
import { openStore } from "../../service/store/engines";
import type { Store } from "../../service/store/types";
import { SamsynError } from "../../shared/failures";
import {
  BudgetReport,
  MISSING_HEMKOMMUN,
  OTHER_HEMKOMMUN,
  ParticipantsReport,
  SHARED_HEMKOMMUN,
  WHOLE_HEMKOMMUN,
} from "../../shared/report";
import {
  ADMIN,
  bearer,
  budgetReport,
  createAssociation,
  engines,
  participantsReport,
  pgliteEngine,
  putReport,
  runCli,
  simpleBudget,
} from "./helpers";

interface ErrorJson {
  error: { code: string; message: string; messageEn: string; fields?: { path: string }[] };
}

const errorOf = async (r: Response): Promise<[number, string, string[]]> => {
  const body = (await r.json()) as ErrorJson;
  return [r.status, body.error.code, (body.error.fields ?? []).map((f) => f.path)];
};

const SECRET = "HEMLIG-uppgift-som-aldrig-far-loggas";

describe.each(engines())("hostile input on $name", (engine) => {
  let server: WebServer;
  let url: string;
  let ale: { id: string; token: string; tokenId: string };
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startWebServer({
      port: 0,
      adminToken: ADMIN,
      authFailureLimit: 10_000,
      logger: pino({ level: "info" }, { write: (line: string) => void lines.push(line) }),
      ...(await engine.storeOptions()),
    });
    url = server.url;
    ale = await createAssociation(url, "Samordningsförbundet Ale", 1);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When NUL or a lone surrogate comes in a label, a name, an id or a parameter, then 400 names the field and the log holds none of it", async () => {
    const nul = `${SECRET}\u0000x`;
    const high = `${SECRET}\ud800x`;
    const low = `x\udc00${SECRET}`;
    const budget = (label: string) =>
      budgetReport({ years: ["2009"], lines: [["cost", "insatser", label, 100]] });
    const send = (method: string, path: string, body?: unknown, token = ADMIN) =>
      fetch(`${url}${path}`, {
        method,
        headers: bearer(token),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    const answers = [
      await send("POST", "/api/associations", { name: nul, orgnr: "222000-1289" }),
      await send("POST", "/api/network-tokens", { label: high }),
      await send("POST", `/api/associations/${ale.id}/tokens`, { label: low }),
      await send("PUT", `/api/associations/${ale.id}/group-overrides`, { label: nul, group: "styrelse" }),
      await putReport(url, ale, "budget", "2009", budget(nul)),
      await putReport(url, ale, "budget", "2009", budget(high)),
      await putReport(url, ale, "participants", "2014", { ...participantsReport("2014"), insats: low }),
      await putReport(url, ale, "budget", "2009", { ...simpleBudget(["2009"]), sheet: `Budget\u0000` }),
      await send("GET", `/api/associations/${ale.id}%00/reports/budget/2009`),
      await send("DELETE", `/api/associations/${ale.id}/group-overrides?label=${encodeURIComponent(nul)}`),
      await send("DELETE", `/api/associations/${ale.id}/tokens/%00`),
    ];
    const got = await Promise.all(answers.map(errorOf));
    expect(got).toEqual([
      [400, "invalid-text", ["name"]],
      [400, "invalid-text", ["label"]],
      [400, "invalid-text", ["label"]],
      [400, "invalid-text", ["label"]],
      [400, "invalid-text", ["lines.0.label"]],
      [400, "invalid-text", ["lines.0.label"]],
      [400, "invalid-text", ["insats"]],
      [400, "invalid-text", ["sheet"]],
      [400, "invalid-text", ["(path)"]],
      [400, "invalid-text", ["label"]],
      [400, "invalid-text", ["(path)"]],
    ]);
    // A key of the body is refused by its path too.
    const key = await putReport(url, ale, "budget", "2009", {
      ...simpleBudget(["2009"]),
      totals: { income: { "2009\u0000": 1 }, cost: {}, surplus: {} },
    });
    expect((await errorOf(key)).slice(0, 2)).toEqual([400, "invalid-text"]);
    expect(lines.join("").includes(SECRET)).toBe(false);
    expect(lines.join("")).not.toMatch(/"status":500/);
  });

  it("When amounts are huge, then 400 names them: finite and less than 10^13 kr; 9.99 × 10^12 is still taken", async () => {
    const withAmount = (amount: number) =>
      JSON.stringify(
        budgetReport({ years: ["2009"], lines: [["cost", "insatser", "Insats", 1] as const] }),
      ).replace(/"2009":1\b/g, `"2009":${amount}`);
    const refused = await Promise.all(
      [1.7e308, 1e13, -1e13, 1e300].map(async (n) =>
        errorOf(await putReport(url, ale, "budget", "2010", withAmount(n))),
      ),
    );
    expect(
      refused.map(([status, code, fields]) => [status, code, fields.includes("lines.0.amounts.2009")]),
    ).toEqual(Array(4).fill([400, "invalid-body", true]));
    const taken = await putReport(url, ale, "budget", "2010", withAmount(9.99e12));
    expect(taken.status).toBe(201);
    const merged = (await (
      await fetch(`${url}/api/merged/budget/2009`, { headers: bearer(ADMIN) })
    ).json()) as { network: { cost: number } };
    expect(merged.network.cost).toBe(9.99e12);
  });

  it("When a shared report publishes a count from 1 to 4, then 422 names each such field; suppressed (null) it is taken", async () => {
    const small = participantsReport("2015", {
      byHemkommun: { Nora: 1, Lindesberg: 39 },
      byKon: { kvinna: 3, man: 37 },
    });
    const refused = await putReport(url, ale, "participants", "2015", {
      ...small,
      suppression: { threshold: 1, suppressed: [] },
    });
    expect(await errorOf(refused)).toEqual([
      422,
      "unsuppressed-count",
      ["keyFigures.byKon.kvinna", "keyFigures.byHemkommun.Nora"],
    ]);
    // Suppressed cell by cell, the others published: Nora = 40 − 39 and kvinna = 40 − 37 to anyone.
    const cellByCell = participantsReport(
      "2015",
      { byHemkommun: { Nora: null, Lindesberg: 39 }, byKon: { kvinna: null, man: 37 } },
      ["byHemkommun.Nora", "byKon.kvinna"],
    );
    expect(await errorOf(await putReport(url, ale, "participants", "2015", cellByCell))).toEqual([
      422,
      "unprotected-count",
      ["keyFigures.byKon.man", "keyFigures.byHemkommun.Nora", "keyFigures.byHemkommun.Lindesberg"],
    ]);
    // As the rule withholds them: the breakdowns whole, the hemkommun map empty and marked.
    const hidden = participantsReport("2015", { byHemkommun: {}, byKon: { kvinna: null, man: null } }, [
      WHOLE_HEMKOMMUN,
      "byKon.kvinna",
      "byKon.man",
    ]);
    expect((await putReport(url, ale, "participants", "2015", hidden)).status).toBe(201);
    // Zero describes nobody and is published.
    const zero = participantsReport("2016", { staysOverLimit: 0 });
    expect((await putReport(url, ale, "participants", "2016", zero)).status).toBe(201);
  });

  it("When byHemkommun has 150 000 keys or a key that is no municipality, then 400 at once naming the field", async () => {
    const many: Record<string, number> = {};
    for (let i = 0; i < 150_000; i++) many[`K${i}`] = 5;
    const started = performance.now();
    const huge = await putReport(url, ale, "participants", "2017", {
      ...participantsReport("2017"),
      keyFigures: { ...participantsReport("2017").keyFigures, byHemkommun: many },
    });
    const ms = performance.now() - started;
    expect(await errorOf(huge)).toEqual([400, "invalid-body", ["keyFigures.byHemkommun"]]);
    expect(ms).toBeLessThan(5_000);
    const stranger = await putReport(
      url,
      ale,
      "participants",
      "2017",
      participantsReport("2017", { byHemkommun: { Ale: 25, Kungälv: 10, Övriga: 5 } }),
    );
    expect(stranger.status).toBe(201);
    const bad = structuredClone(participantsReport("2017")) as { keyFigures: { byHemkommun: object } };
    bad.keyFigures.byHemkommun = { Ale: 25, "Anna Andersson": 15 };
    expect(await errorOf(await putReport(url, ale, "participants", "2017", bad))).toEqual([
      400,
      "invalid-body",
      ["keyFigures.byHemkommun.Anna Andersson"],
    ]);
  });

  it("When a large merged workbook is built, then the event loop is never held long and /healthz keeps answering", async () => {
    const lines = Array.from(
      { length: 1500 },
      (_, i) => ["cost", "insatser", `Insats ${i}`, 1000 + i] as ["cost", "insatser", string, number],
    );
    const big = budgetReport({ years: ["2020", "2021"], lines });
    const members = await Promise.all(
      Array.from({ length: 30 }, (_, i) => createAssociation(url, `Samordningsförbundet Stor ${i}`, 100 + i)),
    );
    for (const m of members) expect((await putReport(url, m, "budget", "2020", big)).status).toBe(201);
    let building = true;
    const pings: number[] = [];
    const watch = (async () => {
      while (building) {
        const t = performance.now();
        const r = await fetch(`${url}/healthz`);
        await r.arrayBuffer();
        pings.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    // The server runs in this process: its event loop is this one.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const workbook = await fetch(`${url}/api/merged/budget/2020.xlsx`, { headers: bearer(ADMIN) });
    const bytes = (await workbook.arrayBuffer()).byteLength;
    delay.disable();
    building = false;
    await watch;
    const blockedMs = delay.max / 1e6;
    expect([workbook.status, bytes > 10_000]).toEqual([200, true]);
    expect(pings.length).toBeGreaterThan(5);
    // 50 ms is the aim, measured by npm run bench; a test on a shared machine gets slack — on the
    // main thread this build held the loop for 12 s.
    expect({ blockedMs: Math.round(blockedMs), slowestPing: Math.round(Math.max(...pings)) }).toEqual({
      blockedMs: expect.toSatisfy((ms: number) => ms < 300),
      slowestPing: expect.toSatisfy((ms: number) => ms < 500),
    });
  }, 180_000);
});

describe("the failed-login limit and who gets a body read", () => {
  const engine = pgliteEngine();
  let server: WebServer;
  let ale: { id: string; token: string };

  beforeAll(async () => {
    server = await startWebServer({
      port: 0,
      adminToken: ADMIN,
      authFailureLimit: 5,
      logger: pino({ level: "silent" }),
      ...(await engine.storeOptions()),
    });
    ale = await createAssociation(server.url, "Ale", 1);
    await putReport(server.url, ale, "budget", "2009", simpleBudget(["2009"]));
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When 12 valid requests from one address are in flight at once, then a 13th gets no 429; five failed logins then do", async () => {
    // Twelve uploads whose bodies are still arriving: in flight, but no failed login among them.
    const body = JSON.stringify(simpleBudget(["2011"]));
    const { port } = new URL(server.url);
    const uploads = Array.from({ length: 12 }, (_, i) => {
      const req = request({
        host: "127.0.0.1",
        port: Number(port),
        method: "PUT",
        path: `/api/associations/${ale.id}/reports/budget/${2011 + i}`,
        headers: { ...bearer(ale.token), "content-length": Buffer.byteLength(body) },
      });
      const answered = new Promise<number>((resolve, reject) => {
        req.on("response", (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
      });
      req.write(body.slice(0, 10));
      return { req, answered };
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const meanwhile = await fetch(`${server.url}/api/me`, { headers: bearer(ale.token) });
    for (const u of uploads) u.req.end(body.slice(10));
    const statuses = await Promise.all(uploads.map((u) => u.answered));
    expect([meanwhile.status, statuses.filter((s) => s !== 201)]).toEqual([200, []]);
    const failed: number[] = [];
    for (let i = 0; i < 7; i++)
      failed.push((await fetch(`${server.url}/api/me`, { headers: bearer(`samsyn_x_${i}`) })).status);
    expect(failed).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Past the limit a valid token is still answered: the failures were others'.
    expect((await fetch(`${server.url}/api/me`, { headers: bearer(ale.token) })).status).toBe(200);
  });

  it("When strangers send large invalid bodies, then they are not read: 401 until the limit, then 429 — never 400", async () => {
    const own = pgliteEngine();
    const limited = await startWebServer({
      port: 0,
      adminToken: ADMIN,
      authFailureLimit: 5,
      logger: pino({ level: "silent" }),
      ...(await own.storeOptions()),
    });
    try {
      const body = `{"kind":"budget","lines":[${'"x",'.repeat(470_000)}"x"]`;
      expect(body.length).toBeGreaterThan(1_800_000);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await fetch(`${limited.url}/api/associations/x/reports/budget/2009`, {
          method: "PUT",
          headers: { "content-type": "application/json", authorization: "Bearer samsyn_nobody" },
          body,
        });
        await r.arrayBuffer();
        statuses.push(r.status);
      }
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    } finally {
      await limited.close();
      await own.cleanup();
    }
  });
});

describe("settings refused at start", () => {
  it("When the admin token is shorter than 32 characters or the suppression threshold below 3, then the service does not start", async () => {
    const attempts = [
      startWebServer({ port: 0, dataDir: "memory://", adminToken: "a", logger: pino({ level: "silent" }) }),
      startWebServer({
        port: 0,
        dataDir: "memory://",
        adminToken: "x".repeat(31),
        logger: pino({ level: "silent" }),
      }),
      startWebServer({
        port: 0,
        dataDir: "memory://",
        adminToken: ADMIN,
        suppressionThreshold: 2,
        logger: pino({ level: "silent" }),
      }),
    ];
    const results = await Promise.allSettled(attempts);
    expect(
      results.map((r) => (r.status === "rejected" && r.reason instanceof SamsynError ? r.reason.failure : r)),
    ).toEqual([
      { code: "admin-token-too-short", length: 1, min: 32 },
      { code: "admin-token-too-short", length: 31, min: 32 },
      { code: "invalid-suppression-threshold", value: "2", min: 3 },
    ]);
    const ok = await startWebServer({
      port: 0,
      dataDir: "memory://",
      adminToken: "x".repeat(32),
      logger: pino({ level: "silent" }),
    });
    await ok.close();
  });

  it("When samsyn serve starts with SAMSYN_ADMIN_TOKEN=a or a threshold of 2, then exit 2 with one clear line", async () => {
    const short = await runCli(["serve", "--port", "0", "--data", "memory://"], { SAMSYN_ADMIN_TOKEN: "a" });
    const low = await runCli(["serve", "--port", "0", "--data", "memory://"], {
      SAMSYN_ADMIN_TOKEN: ADMIN,
      SAMSYN_SUPPRESSION_THRESHOLD: "2",
    });
    expect([
      short.code,
      short.stderr.trim().split("\n").length,
      low.code,
      low.stderr.trim().split("\n").length,
    ]).toEqual([2, 1, 2, 1]);
    expect(short.stderr).toMatch(/SAMSYN_ADMIN_TOKEN .*minst 32/);
    expect(low.stderr).toMatch(/SAMSYN_SUPPRESSION_THRESHOLD/);
  });

  it("When the threshold is 10, then a count of 7 must be suppressed", async () => {
    const server = await startWebServer({
      port: 0,
      dataDir: "memory://",
      adminToken: ADMIN,
      suppressionThreshold: 10,
      logger: pino({ level: "silent" }),
    });
    try {
      const ale = await createAssociation(server.url, "Ale", 1);
      const r = await putReport(
        server.url,
        ale,
        "participants",
        "2014",
        participantsReport("2014", { byHemkommun: { Ale: 33, Kungälv: 7 } }),
      );
      expect(await errorOf(r)).toEqual([
        422,
        "unsuppressed-count",
        ["keyFigures.closedToWorkOrStudies", "keyFigures.byHemkommun.Kungälv"],
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("logs of an unexpected error", () => {
  it("When the store fails with the statement's parameters on the error, then the 500 logs neither them nor the body", async () => {
    const real = await openStore({ dataDir: "memory://" });
    const failing: Store = Object.create(real) as Store;
    // As PGlite's errors are: the parameters, the statement and a "where" quoting them.
    failing.putReport = async (input) => {
      const e = Object.assign(new Error(`value "${SECRET}" too long`), {
        code: "22001",
        params: [JSON.stringify(input.report)],
        query: "INSERT INTO report_revisions …",
        where: `unnamed portal parameter $1 = '${SECRET}'`,
      });
      throw e;
    };
    const lines: string[] = [];
    const app = createApp({
      store: failing,
      adminToken: ADMIN,
      logger: pino({ level: "info" }, { write: (line: string) => void lines.push(line) }),
    });
    const http = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => http.once("listening", resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const ale = await createAssociation(url, "Ale", 1);
      const r = await putReport(url, ale, "budget", "2009", {
        ...simpleBudget(["2009"]),
        title: SECRET,
      });
      expect(r.status).toBe(500);
      expect(JSON.stringify(await r.json())).not.toContain(SECRET);
      const log = lines.join("");
      expect(log).toContain('"code":"22001"');
      expect([log.includes(SECRET), log.includes("params"), log.includes("INSERT")]).toEqual([
        false,
        false,
        false,
      ]);
    } finally {
      await new Promise((resolve) => http.close(resolve));
      await real.close();
    }
  });
});

describe("the bounds in the core", () => {
  it("When a report is parsed anywhere, then amounts, counts, days and key sets are bounded by the one schema", () => {
    const budget = simpleBudget(["2009"]);
    const withCost = (n: number) => ({ ...budget, totals: { ...budget.totals, cost: { "2009": n } } });
    expect(
      [1.7e308, 1e13, Number.NaN, Number.POSITIVE_INFINITY].map(
        (n) => BudgetReport.safeParse(withCost(n)).success,
      ),
    ).toEqual([false, false, false, false]);
    expect(BudgetReport.safeParse(withCost(-9.99e12)).success).toBe(true);
    const p = participantsReport("2014");
    const kf = (patch: object) =>
      ParticipantsReport.safeParse({ ...p, keyFigures: { ...p.keyFigures, ...patch } }).success;
    expect([
      kf({ averageStayDays: 1e308 }),
      kf({ participants: 1e300 }),
      kf({ byAgeBand: { "18–24": 40 } }),
      kf({ byHemkommun: { Övriga: 40 } }),
    ]).toEqual([false, false, false, true]);
    // The hemkommun keys: the 290 municipalities and the core's two buckets.
    expect([
      SHARED_HEMKOMMUN.length,
      SHARED_HEMKOMMUN.includes(OTHER_HEMKOMMUN),
      SHARED_HEMKOMMUN.includes(MISSING_HEMKOMMUN),
    ]).toEqual([292, true, true]);
  });
});
