/**
 * Who has reported what (GET /api/status) and when each token was last used (lastUsedAt,
 * GET /api/tokens), on both engines: the store's one status query, the minute's resolution of
 * last use, and the HTTP contract — who may ask, exact answers.
 */
import type { Request } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { principalOf } from "../../service/auth";
import type { WebServer } from "../../service/server";
import { openDatabase } from "../../service/store/engines";
import { migrate, type SqlDb, SqlStore, sha256 } from "../../service/store/sql";
import type { RevisionSource, Store } from "../../service/store/types";
import { Status, TokenList } from "../../shared/api";
import {
  ADMIN,
  bearer,
  createAssociation,
  engines,
  orgnr,
  participantsReport,
  putReport,
  simpleBudget,
  startTestServer,
} from "./helpers";

const source = (tokenId: string, client: RevisionSource["client"] = "api"): RevisionSource => ({
  tokenId,
  client,
  override: false,
});

/** A request as principalOf reads it: only its Authorization header. */
const requestWith = (token: string) =>
  ({
    get: (name: string) => (name.toLowerCase() === "authorization" ? `Bearer ${token}` : undefined),
  }) as unknown as Request;

describe.each(engines())("status and token use in the store on $name", (engine) => {
  let db: SqlDb;
  let store: Store;

  beforeAll(async () => {
    // The store over a database the test can also query, to age a recorded use by hand.
    db = await openDatabase(await engine.storeOptions());
    await migrate(db);
    store = new SqlStore(db);
    await store.createAssociation({ id: "nora", name: "Nora", orgnr: "802000-0002" });
    await store.createAssociation({ id: "ale", name: "Ale", orgnr: "802000-0001" });
    await store.createAssociation({ id: "tjorn", name: "Tjörn", orgnr: "802000-0003" });
    await store.addToken({
      id: "ale-1",
      hash: "ha1",
      scope: "association",
      associationId: "ale",
      label: null,
    });
    await store.addToken({
      id: "ale-2",
      hash: "ha2",
      scope: "association",
      associationId: "ale",
      label: "Ekonomi, Annas dator",
    });
    await store.addToken({
      id: "nora-1",
      hash: "hn1",
      scope: "association",
      associationId: "nora",
      label: "Kansliet",
    });
    await store.addToken({ id: "net-1", hash: "hv1", scope: "network", associationId: null, label: "Väst" });
  });
  afterAll(async () => {
    await store?.close();
    await engine.cleanup();
  });

  it("When nothing is reported, then every association is listed, by name, and no report", async () => {
    expect(await store.status()).toEqual({
      associations: [
        { id: "ale", name: "Ale", orgnr: "802000-0001" },
        { id: "nora", name: "Nora", orgnr: "802000-0002" },
        { id: "tjorn", name: "Tjörn", orgnr: "802000-0003" },
      ],
      reports: [],
    });
  });

  it("When reports have several revisions, then the status has each report's latest, its sender and the years the merge compares it under", async () => {
    const put = (
      associationId: string,
      kind: "budget" | "participants",
      period: string,
      from: RevisionSource,
    ) =>
      store.putReport({
        associationId,
        kind,
        period,
        report:
          kind === "budget" ? simpleBudget([period, String(Number(period) + 1)]) : participantsReport(period),
        source: from,
      });
    await put("ale", "budget", "2008", source("ale-1", "cli"));
    await put("ale", "budget", "2008", source("ale-2", "addin"));
    await put("ale", "participants", "2014-H1", source("ale-1", "cli"));
    await put("nora", "budget", "2009", source("nora-1"));
    await put("nora", "budget", "2009", source("nora-1", "addin"));
    await put("nora", "budget", "2009", source("nora-1", "cli"));
    // A revision from before provenance was recorded names no token.
    await db.query(
      `INSERT INTO report_revisions (association_id, kind, period, revision, body, body_hash, years)
       VALUES ('nora', 'participants', '2013', 1, $1::jsonb, 'h', ARRAY['2013'])`,
      [JSON.stringify(participantsReport("2013"))],
    );
    const status = await store.status();
    const history = async (a: string, kind: "budget" | "participants", period: string) =>
      (await store.history(a, kind, period)).at(-1)!.createdAt;
    expect(status.reports).toEqual([
      {
        associationId: "ale",
        kind: "budget",
        period: "2008",
        years: ["2008", "2009"],
        revision: 2,
        createdAt: await history("ale", "budget", "2008"),
        token: { id: "ale-2", label: "Ekonomi, Annas dator" },
        client: "addin",
      },
      {
        associationId: "ale",
        kind: "participants",
        period: "2014-H1",
        years: ["2014"],
        revision: 1,
        createdAt: await history("ale", "participants", "2014-H1"),
        token: { id: "ale-1", label: null },
        client: "cli",
      },
      {
        associationId: "nora",
        kind: "budget",
        period: "2009",
        years: ["2009", "2010"],
        revision: 3,
        createdAt: await history("nora", "budget", "2009"),
        token: { id: "nora-1", label: "Kansliet" },
        client: "cli",
      },
      {
        associationId: "nora",
        kind: "participants",
        period: "2013",
        years: ["2013"],
        revision: 1,
        createdAt: await history("nora", "participants", "2013"),
        token: null,
        client: "api",
      },
    ]);
    expect(status.associations.map((a) => a.id)).toEqual(["ale", "nora", "tjorn"]);
    expect(Status.parse(status)).toEqual(status);
  });

  it("When a token is used, then its last use is recorded once, and again only when the recorded one is a minute old", async () => {
    const lastUsed = async (id: string) => (await store.listAllTokens()).find((t) => t.id === id)?.lastUsedAt;
    expect([await lastUsed("ale-1"), (await store.findToken("ha1"))?.usedWithinMinute]).toEqual([
      null,
      false,
    ]);

    await store.recordTokenUse("ale-1");
    const first = await lastUsed("ale-1");
    expect(typeof first).toBe("string");
    expect((await store.findToken("ha1"))?.usedWithinMinute).toBe(true);
    expect((await store.findToken("ha1"))?.lastUsedAt).toBe(first);
    await store.recordTokenUse("ale-1");
    expect(await lastUsed("ale-1")).toBe(first);

    // 59 seconds ago: still within the minute, nothing is written.
    await db.query("UPDATE tokens SET last_used_at = now() - interval '59 seconds' WHERE id = 'ale-1'");
    const aged = await lastUsed("ale-1");
    expect((await store.findToken("ha1"))?.usedWithinMinute).toBe(true);
    await store.recordTokenUse("ale-1");
    expect(await lastUsed("ale-1")).toBe(aged);

    // 61 seconds ago: the next use is recorded.
    await db.query("UPDATE tokens SET last_used_at = now() - interval '61 seconds' WHERE id = 'ale-1'");
    const old = (await lastUsed("ale-1"))!;
    expect((await store.findToken("ha1"))?.usedWithinMinute).toBe(false);
    await store.recordTokenUse("ale-1");
    const renewed = (await lastUsed("ale-1"))!;
    expect(Date.parse(renewed) - Date.parse(old)).toBeGreaterThanOrEqual(60_000);
    expect(await lastUsed("ale-2")).toBeNull();
  });

  it("When a token authenticates 20 times within a minute, then its use is written once", async () => {
    let writes = 0;
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        if (key === "recordTokenUse")
          return (id: string) => {
            writes++;
            return target.recordTokenUse(id);
          };
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await store.addToken({ id: "net-2", hash: "hv2", scope: "network", associationId: null, label: "Öst" });
    const secret = "samsyn_net2_secret";
    await db.query("UPDATE tokens SET hash = $1 WHERE id = 'net-2'", [sha256(secret)]);
    for (let i = 0; i < 20; i++) await principalOf(requestWith(secret), counting, ADMIN);
    expect(writes).toBe(1);
    expect((await store.listAllTokens()).find((t) => t.id === "net-2")?.lastUsedAt).not.toBeNull();
    // The admin token is no stored token: nothing to record.
    await principalOf(requestWith(ADMIN), counting, ADMIN);
    expect(writes).toBe(1);
  });

  it("When all tokens are listed, then association and network tokens come together, oldest first, revoked ones too", async () => {
    await store.revokeToken("ale-2", "ale");
    const all = await store.listAllTokens();
    const created = all.map((t) => t.createdAt);
    expect(created).toEqual([...created].sort());
    expect(
      all
        .map((t) => [t.id, t.scope, t.associationId, t.label, t.revokedAt !== null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["ale-1", "association", "ale", null, false],
      ["ale-2", "association", "ale", "Ekonomi, Annas dator", true],
      ["net-1", "network", null, "Väst", false],
      ["net-2", "network", null, "Öst", false],
      ["nora-1", "association", "nora", "Kansliet", false],
    ]);
    expect(TokenList.parse(all)).toEqual(all);
  });
});

describe.each(engines())("GET /api/status and /api/tokens on $name", (engine) => {
  let server: WebServer;
  let url: string;
  let ale: { id: string; token: string; tokenId: string };
  let nora: { id: string; token: string; tokenId: string };
  let network: { tokenId: string; token: string };

  const get = async (path: string, token?: string) => {
    const r = await fetch(`${url}${path}`, token ? { headers: bearer(token) } : {});
    return { status: r.status, body: (await r.json()) as unknown };
  };
  const codeOf = (body: unknown) => (body as { error: { code: string } }).error.code;

  beforeAll(async () => {
    server = await startTestServer(engine);
    url = server.url;
    ale = await createAssociation(url, "Samordningsförbundet Ale", 1);
    nora = await createAssociation(url, "Samordningsförbundet Nora", 2);
    const r = await fetch(`${url}/api/network-tokens`, {
      method: "POST",
      headers: bearer(ADMIN),
      body: JSON.stringify({ label: "Nätverksträff Väst" }),
    });
    network = (await r.json()) as { tokenId: string; token: string };
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When any token asks for the status, then association, network and admin get the same answer; no token gets 401", async () => {
    expect(
      (
        await putReport(url, ale, "budget", "2008", simpleBudget(["2008", "2009", "2010"]), {
          "x-samsyn-client": "cli",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await putReport(url, ale, "budget", "2008", simpleBudget(["2008", "2009", "2010"], 2), {
          "x-samsyn-client": "addin",
        })
      ).status,
    ).toBe(201);
    expect((await putReport(url, nora, "participants", "2014", participantsReport("2014"))).status).toBe(201);
    const history = (await get(`/api/associations/${ale.id}/reports/budget/2008/revisions`, ADMIN)).body as {
      revisions: { createdAt: string }[];
    };
    const noraHistory = (await get(`/api/associations/${nora.id}/reports/participants/2014/revisions`, ADMIN))
      .body as { revisions: { createdAt: string }[] };
    const expected: Status = {
      associations: [
        { id: ale.id, name: "Samordningsförbundet Ale", orgnr: orgnr(1) },
        { id: nora.id, name: "Samordningsförbundet Nora", orgnr: orgnr(2) },
      ],
      reports: [
        {
          associationId: ale.id,
          kind: "budget",
          period: "2008",
          years: ["2008", "2009", "2010"],
          revision: 2,
          createdAt: history.revisions[1]!.createdAt,
          token: { id: ale.tokenId, label: null },
          client: "addin",
        },
        {
          associationId: nora.id,
          kind: "participants",
          period: "2014",
          years: ["2014"],
          revision: 1,
          createdAt: noraHistory.revisions[0]!.createdAt,
          token: { id: nora.tokenId, label: null },
          client: "api",
        },
      ],
    };
    for (const token of [ale.token, nora.token, network.token, ADMIN])
      expect(await get("/api/status", token)).toEqual({ status: 200, body: expected });
    const none = await get("/api/status");
    expect([none.status, codeOf(none.body)]).toEqual([401, "unauthenticated"]);
    const wrong = await get("/api/status", "samsyn_nope_nope");
    expect([wrong.status, codeOf(wrong.body)]).toEqual([401, "unauthenticated"]);
  });

  it("When tokens are used, then every token list shows lastUsedAt: null before the first use, then the time, unchanged by a second use within the minute", async () => {
    const extra = (await (
      await fetch(`${url}/api/associations/${ale.id}/tokens`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ label: "Kansliet" }),
      })
    ).json()) as { tokenId: string; token: string };
    const listed = async (path: string, id: string) => {
      const r = await get(path, ADMIN);
      expect(r.status).toBe(200);
      return TokenList.parse(r.body).find((t) => t.id === id)!.lastUsedAt;
    };
    expect(await listed(`/api/associations/${ale.id}/tokens`, extra.tokenId)).toBeNull();
    expect(await listed("/api/tokens", extra.tokenId)).toBeNull();

    const before = Date.now();
    expect((await get("/api/me", extra.token)).status).toBe(200);
    const used = await listed(`/api/associations/${ale.id}/tokens`, extra.tokenId);
    expect(used).not.toBeNull();
    expect(Math.abs(Date.parse(used!) - before)).toBeLessThan(30_000);
    expect(await listed("/api/tokens", extra.tokenId)).toBe(used);

    // A forbidden request still authenticated: it counts as use, but within the minute nothing is written.
    expect((await get(`/api/associations/${nora.id}/reports/budget/2008`, extra.token)).status).toBe(403);
    expect(await listed("/api/tokens", extra.tokenId)).toBe(used);

    const networkUse = await listed("/api/network-tokens", network.tokenId);
    expect(networkUse).not.toBeNull(); // it asked for the status above
    expect(await listed("/api/tokens", network.tokenId)).toBe(networkUse);
  });

  it("When the admin lists all tokens, then association and network tokens come with their scope, association, label, dates; others get 403", async () => {
    const all = await get("/api/tokens", ADMIN);
    expect(all.status).toBe(200);
    const tokens = TokenList.parse(all.body);
    expect(tokens.map((t) => [t.id, t.scope, t.associationId, t.label, t.revokedAt])).toEqual([
      [ale.tokenId, "association", ale.id, null, null],
      [nora.tokenId, "association", nora.id, null, null],
      [network.tokenId, "network", null, "Nätverksträff Väst", null],
      [expect.any(String), "association", ale.id, "Kansliet", null],
    ]);
    expect(tokens.every((t) => !Number.isNaN(Date.parse(t.createdAt)))).toBe(true);
    expect(JSON.stringify(all.body)).not.toMatch(/samsyn_/);
    for (const token of [ale.token, network.token]) {
      const r = await get("/api/tokens", token);
      expect([r.status, codeOf(r.body)]).toEqual([403, "forbidden"]);
    }
    expect((await get("/api/tokens")).status).toBe(401);
  });

  it("When the OpenAPI document is fetched, then it documents /api/status, /api/tokens, lastUsedAt and NetworkCount", async () => {
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; items?: unknown }> };
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/status", "/api/tokens"]));
    expect(Object.keys(doc.paths["/api/status"]!.get!.responses)).toEqual(["200", "401", "429"]);
    expect(Object.keys(doc.paths["/api/tokens"]!.get!.responses)).toEqual(["200", "401", "403", "429"]);
    expect(Object.keys(doc.components.schemas.Status!.properties!)).toEqual(["associations", "reports"]);
    expect(JSON.stringify(doc.components.schemas.TokenList)).toContain('"lastUsedAt"');
    // The merged view's network counts: one named schema, referred to from every count.
    expect(doc.components.schemas.NetworkCount).toMatchObject({
      type: "object",
      required: ["value", "lowerBound", "suppressedIn"],
    });
    // The network's key figures, one named schema: seven counts, and the value of every
    // byHemkommun and byAgeBand key; the merged view refers to it (the network, an association's insatser added up).
    const figures = JSON.stringify(doc.components.schemas.NetworkKeyFigures);
    expect(figures.match(/#\/components\/schemas\/NetworkCount/g)?.length).toBe(9);
    const merged = JSON.stringify(doc.components.schemas.MergedView);
    expect(merged.match(/#\/components\/schemas\/NetworkKeyFigures/g)?.length).toBe(2);
  });
});
