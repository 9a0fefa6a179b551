/** The store on both engines: migrations, revisions, conflicts, idempotency, provenance, heads for the merge, tokens, overrides. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openStore } from "../../service/store/engines";
import { MIGRATIONS, migrate, SqlStore } from "../../service/store/sql";
import type { RevisionSource, Store } from "../../service/store/types";
import { engines, participantsReport, simpleBudget } from "./helpers";

/** Revisions written by the store tests come from these tokens, made in beforeAll. */
const fromAle: RevisionSource = { tokenId: "ale-1", client: "api", override: false };
const fromNora: RevisionSource = { tokenId: "nora-1", client: "api", override: false };

describe.each(engines())("store on $name", (engine) => {
  let store: Store;
  let options: Awaited<ReturnType<typeof engine.storeOptions>>;

  beforeAll(async () => {
    options = await engine.storeOptions();
    store = await openStore(options);
    await store.createAssociation({ id: "ale", name: "Ale", orgnr: "802000-0001" });
    await store.createAssociation({ id: "nora", name: "Nora", orgnr: "802000-0002" });
    await store.addToken({
      id: "ale-1",
      hash: "ha1",
      scope: "association",
      associationId: "ale",
      label: null,
    });
    await store.addToken({
      id: "nora-1",
      hash: "hn1",
      scope: "association",
      associationId: "nora",
      label: null,
    });
  });
  afterAll(async () => {
    await store?.close();
    await engine.cleanup();
  });

  it("When the store is opened again, then migrations do not run twice and the data is there", async () => {
    await store.close();
    store = await openStore(options);
    expect((await store.listAssociations()).map((a) => a.id)).toEqual(["ale", "nora"]);
    expect(await store.createAssociation({ id: "x", name: "X", orgnr: "802000-0001" })).toBe("orgnr-taken");
  });

  it("When revisions are written, then each is a new row and If-Match decides conflicts", async () => {
    const put = (base?: number, key?: string) =>
      store.putReport({
        associationId: "ale",
        kind: "budget",
        period: "2008",
        report: simpleBudget(["2008", "2009", "2010"]),
        ...(base !== undefined ? { base } : {}),
        ...(key !== undefined ? { idempotencyKey: key } : {}),
        source: fromAle,
      });
    expect([
      await put(),
      await put(1),
      await put(1),
      await put(undefined, "k1"),
      await put(undefined, "k1"),
    ]).toEqual([
      { status: "created", revision: 1 },
      { status: "created", revision: 2 },
      { status: "conflict", current: 2 },
      { status: "created", revision: 3 },
      { status: "replayed", revision: 3, kind: "budget", period: "2008", sameBody: true },
    ]);
    expect((await store.history("ale", "budget", "2008")).map((h) => h.revision)).toEqual([1, 2, 3]);
    expect((await store.getReport("ale", "budget", "2008"))?.revision).toBe(3);
    expect((await store.getReport("ale", "budget", "2008", 1))?.report).toEqual(
      simpleBudget(["2008", "2009", "2010"]),
    );
    expect(
      await store.putReport({
        associationId: "nora",
        kind: "budget",
        period: "2030",
        report: simpleBudget(["2030"]),
        base: 4,
        source: fromNora,
      }),
    ).toEqual({ status: "conflict", current: null });
  });

  it("When the writer saw no report (If-None-Match: *), then only the first write succeeds", async () => {
    const first = (base?: number | null) =>
      store.putReport({
        associationId: "nora",
        kind: "participants",
        period: "2016",
        report: participantsReport("2016"),
        ...(base !== undefined ? { base } : {}),
        source: fromNora,
      });
    expect([await first(null), await first(null), await first(1), await first(null)]).toEqual([
      { status: "created", revision: 1 },
      { status: "conflict", current: 1 },
      { status: "created", revision: 2 },
      { status: "conflict", current: 2 },
    ]);
  });

  it("When revisions are written, then the history names the token, its label, the program and an override", async () => {
    await store.addToken({
      id: "ale-2",
      hash: "ha2",
      scope: "association",
      associationId: "ale",
      label: "Ekonomi, Annas dator",
    });
    const put = (source: RevisionSource) =>
      store.putReport({
        associationId: "ale",
        kind: "budget",
        period: "2017",
        report: simpleBudget(["2017"]),
        source,
      });
    await put({ tokenId: "ale-2", client: "addin", override: false });
    await put({ tokenId: "ale-1", client: "cli", override: false });
    await put({ tokenId: "ale-2", client: "addin", override: true });
    const history = await store.history("ale", "budget", "2017");
    expect(history.map((h) => [h.revision, h.token, h.client, h.override])).toEqual([
      [1, { id: "ale-2", label: "Ekonomi, Annas dator" }, "addin", false],
      [2, { id: "ale-1", label: null }, "cli", false],
      [3, { id: "ale-2", label: "Ekonomi, Annas dator" }, "addin", true],
    ]);
    expect(history.every((h) => !Number.isNaN(Date.parse(h.createdAt)))).toBe(true);
  });

  it("When the merge asks for heads, then only the latest revision of each report counts, and only if it covers the year", async () => {
    // Nora's plan 2009 first covered 2009–2011; its latest revision covers only 2009.
    await store.putReport({
      associationId: "nora",
      kind: "budget",
      period: "2009",
      report: simpleBudget(["2009", "2010", "2011"]),
      source: fromNora,
    });
    await store.putReport({
      associationId: "nora",
      kind: "budget",
      period: "2009",
      report: simpleBudget(["2009"]),
      source: fromNora,
    });
    const heads = await store.latestHeads("budget", "2010");
    expect(heads.map((h) => [h.associationId, h.period, h.revision, h.years])).toEqual([
      ["ale", "2008", 3, ["2008", "2009", "2010"]],
    ]);
    const bodies = await store.getRevisions("budget", heads);
    expect(bodies.map((b) => [b.associationId, b.period, b.revision, JSON.parse(b.body).kind])).toEqual([
      ["ale", "2008", 3, "budget"],
    ]);
    await store.putReport({
      associationId: "ale",
      kind: "participants",
      period: "2014-H1",
      report: participantsReport("2014-H1"),
      source: fromAle,
    });
    expect((await store.latestHeads("participants", "2014")).map((h) => [h.period, h.years])).toEqual([
      ["2014-H1", ["2014"]],
    ]);
  });

  it("When the merge loads revisions it loaded before, then the database is asked only for the new one", async () => {
    const db = await openDatabase(await engine.storeOptions());
    let loads = 0;
    const counted = new SqlStore({
      ...db,
      query: (sql, params) => {
        if ((typeof sql === "string" ? sql : sql.text).includes("r.body::text")) loads++;
        return db.query(sql, params);
      },
    });
    try {
      await migrate(db);
      for (const id of ["ale", "nora"]) {
        await counted.createAssociation({
          id,
          name: id,
          orgnr: id === "ale" ? "802000-0001" : "802000-0002",
        });
        await counted.addToken({ id, hash: id, scope: "association", associationId: id, label: null });
        await counted.putReport({
          associationId: id,
          kind: "budget",
          period: "2009",
          report: simpleBudget(["2009"]),
          source: { tokenId: id, client: "api", override: false },
        });
      }
      const load = async () => {
        const heads = await counted.latestHeads("budget", "2009");
        return (await counted.getRevisions("budget", heads)).map((r) => [
          r.associationId,
          r.revision,
          JSON.parse(r.body).lines[0].amounts["2009"],
        ]);
      };
      expect([await load(), loads]).toEqual([
        [
          ["ale", 1, 1_440_000],
          ["nora", 1, 1_440_000],
        ],
        1,
      ]);
      expect([await load(), loads]).toEqual([
        [
          ["ale", 1, 1_440_000],
          ["nora", 1, 1_440_000],
        ],
        1,
      ]);
      await counted.putReport({
        associationId: "nora",
        kind: "budget",
        period: "2009",
        report: simpleBudget(["2009"], 2),
        source: { tokenId: "nora", client: "api", override: false },
      });
      expect([await load(), loads]).toEqual([
        [
          ["ale", 1, 1_440_000],
          ["nora", 2, 2_880_000],
        ],
        2,
      ]);
    } finally {
      await counted.close();
    }
  });

  it("When a token is revoked, then it is no longer found; network tokens have no association", async () => {
    await store.addToken({ id: "t1", hash: "h1", scope: "association", associationId: "ale", label: null });
    await store.addToken({ id: "t2", hash: "h2", scope: "network", associationId: null, label: "Väst" });
    expect([(await store.findToken("h1"))?.associationId, (await store.findToken("h2"))?.scope]).toEqual([
      "ale",
      "network",
    ]);
    expect([
      await store.revokeToken("t1", "nora"),
      await store.revokeToken("t1", "ale"),
      await store.revokeToken("t1", "ale"),
    ]).toEqual([false, true, false]);
    expect(await store.findToken("h1")).toBeNull();
    expect((await store.listTokens("ale")).map((t) => [t.id, t.revokedAt !== null])).toEqual([
      ["ale-1", false],
      ["ale-2", false],
      ["t1", true],
    ]);
  });

  it("When overrides are set, changed and removed, then the list follows", async () => {
    await store.setGroupOverride({ associationId: "ale", label: "Kansli", group: "ekonomiadministration" });
    await store.setGroupOverride({ associationId: "ale", label: "Kansli", group: "övrigt" });
    await store.setGroupOverride({ associationId: "nora", label: "Projekt X", group: "insatser" });
    expect((await store.groupOverrides()).map((o) => [o.associationId, o.label, o.group])).toEqual([
      ["ale", "Kansli", "övrigt"],
      ["nora", "Projekt X", "insatser"],
    ]);
    expect([
      await store.removeGroupOverride("ale", "Kansli"),
      await store.removeGroupOverride("ale", "Kansli"),
    ]).toEqual([true, false]);
    expect(await store.groupOverrides("ale")).toEqual([]);
  });

  it("When a database from before provenance is migrated, then its revisions have no token, client api and no override", async () => {
    const old = await engine.storeOptions();
    const db = await openDatabase(old);
    try {
      await migrate(db, MIGRATIONS.slice(0, 2));
      await db.query("INSERT INTO associations (id, name, orgnr) VALUES ('ale', 'Ale', '802000-0001')");
      await db.query(
        `INSERT INTO report_revisions (association_id, kind, period, revision, body, body_hash, years)
         VALUES ('ale', 'participants', '2014', 1, $1::jsonb, 'h', ARRAY['2014'])`,
        [JSON.stringify(participantsReport("2014"))],
      );
    } finally {
      await db.close();
    }
    const migrated = await openStore(old);
    try {
      expect(
        (await migrated.history("ale", "participants", "2014")).map((h) => [
          h.revision,
          h.token,
          h.client,
          h.override,
        ]),
      ).toEqual([[1, null, "api", false]]);
    } finally {
      await migrated.close();
    }
  });
});
