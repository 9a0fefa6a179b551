/** The HTTP contract on both engines: access, who a token is, revisions and their provenance, conflicts, idempotency, bad input, the merge. */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../service/server";
import {
  CLIENT_HEADER,
  ErrorBody,
  Me,
  OVERRIDE_HEADER,
  PutConflictCode,
  RevisionList,
} from "../../shared/api";
import { MergedParticipants } from "../../shared/merge";
import {
  ADMIN,
  bearer,
  budgetReport,
  createAssociation,
  engines,
  orgnr,
  participantsReport,
  putReport,
  simpleBudget,
  startTestServer,
} from "./helpers";

describe.each(engines())("service API on $name", (engine) => {
  let server: WebServer;
  let url: string;
  let ale: { id: string; token: string; tokenId: string };
  let nora: { id: string; token: string; tokenId: string };

  beforeAll(async () => {
    server = await startTestServer(engine, { bodyLimit: "200kb" });
    url = server.url;
    ale = await createAssociation(url, "Samordningsförbundet Ale Kungälv Stenungsund Tjörn", 1);
    nora = await createAssociation(url, "Samordningsförbundet Nora", 2);
  });
  afterAll(async () => {
    await server?.close();
    await engine.cleanup();
  });

  it("When a report is PUT, then GET returns it with its revision as ETag and it can be PUT back as it is", async () => {
    const first = await putReport(url, ale, "budget", "2008", simpleBudget(["2008", "2009", "2010"]));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ revision: 1 });

    const got = await fetch(`${url}/api/associations/${ale.id}/reports/budget/2008`, {
      headers: bearer(ale.token),
    });
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    const body = await got.text();
    expect(JSON.parse(body)).toEqual(simpleBudget(["2008", "2009", "2010"]));

    const again = await putReport(url, ale, "budget", "2008", body, { "if-match": got.headers.get("etag")! });
    expect([again.status, await again.json()]).toEqual([201, { revision: 2 }]);
  });

  it("When If-Match names a revision that is no longer the latest, then 409 with the current revision", async () => {
    await putReport(url, nora, "budget", "2009", simpleBudget(["2009"]));
    await putReport(url, nora, "budget", "2009", simpleBudget(["2009"], 2));
    const stale = await putReport(url, nora, "budget", "2009", simpleBudget(["2009"], 3), {
      "if-match": '"1"',
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as {
      error: { code: string; currentRevision: number; message: string };
    };
    expect([body.error.code, body.error.currentRevision]).toEqual(["stale-revision", 2]);
    expect(body.error.message).toMatch(/senaste versionen är 2/);
  });

  it("When 50 writers PUT on the same base revision at once, then exactly one wins and the others get 409", async () => {
    const base = await putReport(url, ale, "participants", "2014", participantsReport("2014"));
    const { revision } = (await base.json()) as { revision: number };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        // 100 participants: new from 5 to 54 leaves a remainder of 46 or more, never a small one.
        putReport(
          url,
          ale,
          "participants",
          "2014",
          participantsReport("2014", { participants: 100, new: i + 5 }),
          {
            "if-match": `"${revision}"`,
          },
        ).then(async (r) => ({ status: r.status, body: (await r.json()) as { revision?: number } })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.find((r) => r.status === 201)!;
    expect(winner.body.revision).toBe(revision + 1);
    const history = await fetch(`${url}/api/associations/${ale.id}/reports/participants/2014/revisions`, {
      headers: bearer(ale.token),
    });
    const revisions = ((await history.json()) as { revisions: { revision: number }[] }).revisions;
    expect(revisions.map((r) => r.revision)).toEqual([revision, revision + 1]);
  });

  it("When 20 writers PUT without If-Match at once, then every one gets its own revision, none lost or doubled", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putReport(url, nora, "participants", "2015", participantsReport("2015", { new: i + 5 })).then(
          async (r) => [r.status, ((await r.json()) as { revision: number }).revision] as const,
        ),
      ),
    );
    expect(results.every(([s]) => s === 201)).toBe(true);
    expect(results.map(([, r]) => r).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("When the same Idempotency-Key is sent twice, then the same revision comes back and no second one is made", async () => {
    const key = { "idempotency-key": "push-7f3a" };
    const a = await putReport(url, ale, "budget", "2011", simpleBudget(["2011"]), key);
    const b = await putReport(url, ale, "budget", "2011", simpleBudget(["2011"]), key);
    expect([a.status, await a.json()]).toEqual([201, { revision: 1 }]);
    expect([b.status, await b.json()]).toEqual([200, { revision: 1, replayed: true }]);
    const reused = await putReport(url, ale, "budget", "2011", simpleBudget(["2011"], 2), key);
    expect([reused.status, ((await reused.json()) as { error: { code: string } }).error.code]).toEqual([
      422,
      "idempotency-key-reused",
    ]);
    const history = await fetch(`${url}/api/associations/${ale.id}/reports/budget/2011/revisions`, {
      headers: bearer(ale.token),
    });
    expect(((await history.json()) as { revisions: unknown[] }).revisions).toHaveLength(1);
  });

  it("When two revisions differ, then the diff lists lines added, removed and changed", async () => {
    const before = budgetReport({
      years: ["2012"],
      lines: [
        ["income", "medlemsbidrag", "Medlemsbidrag", 1000],
        ["cost", "insatser", "Samverkansteamet", 700],
        ["cost", "styrelse", "Styrelsen", 50],
      ],
    });
    const after = budgetReport({
      years: ["2012"],
      lines: [
        ["income", "medlemsbidrag", "Medlemsbidrag", 1200],
        ["cost", "insatser", "Samverkansteamet", 700],
        ["cost", "utvärdering", "Utvärdering", 80],
      ],
    });
    await putReport(url, nora, "budget", "2012", before);
    await putReport(url, nora, "budget", "2012", after);
    const r = await fetch(`${url}/api/associations/${nora.id}/reports/budget/2012/diff?from=1&to=2`, {
      headers: bearer(nora.token),
    });
    const diff = (await r.json()) as Record<"added" | "removed" | "changed", { key: string }[]>;
    expect([
      diff.added.map((d) => d.key),
      diff.removed.map((d) => d.key),
      diff.changed.map((d) => d.key),
    ]).toEqual([["cost|Utvärdering"], ["cost|Styrelsen"], ["income|Medlemsbidrag"]]);
  });

  it("When tokens are missing, wrong or another association's, then 401 or 403 — and a revoked token stops working", async () => {
    const path = `${url}/api/associations/${ale.id}/reports/budget/2008`;
    const statuses = [
      (await fetch(path)).status,
      (await fetch(path, { headers: bearer("samsyn_nope_nope") })).status,
      (await fetch(path, { headers: bearer(nora.token) })).status,
      (await putReport(url, { id: ale.id, token: nora.token }, "budget", "2008", simpleBudget(["2008"])))
        .status,
      (await fetch(`${url}/api/associations`, { headers: bearer(ale.token) })).status,
      (
        await fetch(`${url}/api/associations`, {
          method: "POST",
          headers: bearer(ale.token),
          body: JSON.stringify({ name: "X", orgnr: "802000-1601" }),
        })
      ).status,
    ];
    expect(statuses).toEqual([401, 401, 403, 403, 403, 403]);

    const extra = (await (
      await fetch(`${url}/api/associations/${nora.id}/tokens`, { method: "POST", headers: bearer(ADMIN) })
    ).json()) as { tokenId: string; token: string };
    const mine = `${url}/api/associations/${nora.id}/reports/budget/2009`;
    expect((await fetch(mine, { headers: bearer(extra.token) })).status).toBe(200);
    const revoke = await fetch(`${url}/api/associations/${nora.id}/tokens/${extra.tokenId}`, {
      method: "DELETE",
      headers: bearer(ADMIN),
    });
    expect(revoke.status).toBe(204);
    expect((await fetch(mine, { headers: bearer(extra.token) })).status).toBe(401);
    expect((await fetch(mine, { headers: bearer(nora.token) })).status).toBe(200);
  });

  it("When GET /api/me is asked, then it says who the token is: the association and its token, a network token, the admin", async () => {
    const labelled = (await (
      await fetch(`${url}/api/associations/${nora.id}/tokens`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ label: "  Ekonomi, Annas dator " }),
      })
    ).json()) as { tokenId: string; token: string };
    const network = (await (
      await fetch(`${url}/api/network-tokens`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ label: "Nätverksträff Väst" }),
      })
    ).json()) as { tokenId: string; token: string };
    const me = async (token?: string) => {
      const r = await fetch(`${url}/api/me`, token ? { headers: bearer(token) } : {});
      const body = (await r.json()) as unknown;
      return [r.status, r.status === 200 ? Me.parse(body) : (body as { error: { code: string } }).error.code];
    };
    expect(await me(labelled.token)).toEqual([
      200,
      {
        kind: "association",
        association: { id: nora.id, name: "Samordningsförbundet Nora", orgnr: orgnr(2) },
        token: { id: labelled.tokenId, label: "Ekonomi, Annas dator" },
      },
    ]);
    expect(await me(ale.token)).toEqual([
      200,
      {
        kind: "association",
        association: {
          id: ale.id,
          name: "Samordningsförbundet Ale Kungälv Stenungsund Tjörn",
          orgnr: orgnr(1),
        },
        token: { id: ale.tokenId, label: null },
      },
    ]);
    expect(await me(network.token)).toEqual([
      200,
      { kind: "network", token: { id: network.tokenId, label: "Nätverksträff Väst" } },
    ]);
    expect(await me(ADMIN)).toEqual([200, { kind: "admin" }]);
    expect(await me()).toEqual([401, "unauthenticated"]);
    expect(await me("samsyn_nope_nope")).toEqual([401, "unauthenticated"]);
    await fetch(`${url}/api/network-tokens/${network.tokenId}`, { method: "DELETE", headers: bearer(ADMIN) });
    expect(await me(network.token)).toEqual([401, "unauthenticated"]);
  });

  it("When an association's token is issued with or without a label, then the label is trimmed and listed; a bad one is a 400", async () => {
    type Answer = { tokenId?: string; error?: { code: string; fields?: { path: string }[] } };
    const issue = (init: RequestInit) =>
      fetch(`${url}/api/associations/${ale.id}/tokens`, { method: "POST", ...init }).then(
        async (r): Promise<[number, Answer]> => [r.status, (await r.json()) as Answer],
      );
    const [noBody, plain] = await issue({ headers: { authorization: `Bearer ${ADMIN}` } });
    const [emptyObject, unlabelled] = await issue({ headers: bearer(ADMIN), body: "{}" });
    const [withLabel, labelled] = await issue({
      headers: bearer(ADMIN),
      body: JSON.stringify({ label: " Kansliet " }),
    });
    expect([noBody, emptyObject, withLabel]).toEqual([201, 201, 201]);
    const bad = await Promise.all(
      [{ label: "   " }, { label: "x".repeat(201) }, { label: 7 }, { label: "ok", scope: "network" }].map(
        (body) => issue({ headers: bearer(ADMIN), body: JSON.stringify(body) }),
      ),
    );
    expect(bad.map(([status, body]) => [status, body.error?.code, body.error?.fields?.[0]?.path])).toEqual([
      [400, "invalid-body", "label"],
      [400, "invalid-body", "label"],
      [400, "invalid-body", "label"],
      [400, "invalid-body", "(body)"],
    ]);
    const [notJson] = await issue({
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "text/plain" },
      body: "Kansliet",
    });
    expect(notJson).toBe(415);
    const listed = (await (
      await fetch(`${url}/api/associations/${ale.id}/tokens`, { headers: bearer(ADMIN) })
    ).json()) as { id: string; label: string | null }[];
    const labelOf = (id: string | undefined) => listed.find((t) => t.id === id)?.label;
    expect([labelOf(plain.tokenId), labelOf(unlabelled.tokenId), labelOf(labelled.tokenId)]).toEqual([
      null,
      null,
      "Kansliet",
    ]);
    expect(listed).toHaveLength(4);
  });

  it("When the first send goes with If-None-Match: *, then it is created; once any revision exists, 409 report-exists with it", async () => {
    const first = { "if-none-match": "*" };
    const a = await putReport(url, ale, "participants", "2016", participantsReport("2016"), first);
    expect([a.status, await a.json(), a.headers.get("etag")]).toEqual([201, { revision: 1 }, '"1"']);
    await putReport(url, ale, "participants", "2016", participantsReport("2016", { new: 13 }), {
      "if-match": '"1"',
    });
    const again = await putReport(
      url,
      ale,
      "participants",
      "2016",
      participantsReport("2016", { new: 9 }),
      first,
    );
    const body = (await again.json()) as {
      error: { code: string; currentRevision: number; message: string };
    };
    expect([again.status, body.error.code, body.error.currentRevision, again.headers.get("etag")]).toEqual([
      409,
      "report-exists",
      2,
      '"2"',
    ]);
    expect(PutConflictCode.parse(body.error.code)).toBe("report-exists");
    expect(body.error.message).toMatch(/finns redan/);
    // The same Idempotency-Key sent again after a lost answer is a replay, not a conflict.
    const key = { ...first, "idempotency-key": "first-send-2017" };
    const sent = await putReport(url, ale, "participants", "2017", participantsReport("2017"), key);
    const resent = await putReport(url, ale, "participants", "2017", participantsReport("2017"), key);
    expect([sent.status, resent.status, await resent.json()]).toEqual([
      201,
      200,
      { revision: 1, replayed: true },
    ]);
  });

  it("When 20 first sends with If-None-Match: * race, then exactly one gets 201 and the rest 409 report-exists", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putReport(url, nora, "participants", "2018", participantsReport("2018", { new: i + 5 }), {
          "if-none-match": "*",
        }).then(async (r) => [
          r.status,
          ((await r.json()) as { error?: { code: string } }).error?.code ?? null,
        ]),
      ),
    );
    expect(results.filter(([s]) => s === 201)).toHaveLength(1);
    expect(results.filter(([s, code]) => s === 409 && code === "report-exists")).toHaveLength(19);
    const history = await fetch(`${url}/api/associations/${nora.id}/reports/participants/2018/revisions`, {
      headers: bearer(nora.token),
    });
    expect(RevisionList.parse(await history.json()).revisions.map((r) => r.revision)).toEqual([1]);
  });

  it("When revisions come from the add-in, the CLI and elsewhere, then the history names the token, the program and an override", async () => {
    const laptop = (await (
      await fetch(`${url}/api/associations/${nora.id}/tokens`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ label: "Förbundschefens dator" }),
      })
    ).json()) as { tokenId: string; token: string };
    const send = (token: string, headers: Record<string, string>) =>
      putReport(url, { id: nora.id, token }, "budget", "2019", simpleBudget(["2019"]), headers);
    const statuses = [
      (await send(laptop.token, { [CLIENT_HEADER]: "addin", "if-none-match": "*" })).status,
      (await send(nora.token, { [CLIENT_HEADER]: "cli" })).status,
      (await send(laptop.token, { [CLIENT_HEADER]: "addin", [OVERRIDE_HEADER]: "1" })).status,
      (await send(nora.token, { [CLIENT_HEADER]: "excel" })).status,
      (await send(nora.token, { [OVERRIDE_HEADER]: "yes" })).status,
    ];
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const r = await fetch(`${url}/api/associations/${nora.id}/reports/budget/2019/revisions`, {
      headers: bearer(ADMIN),
    });
    const { revisions } = RevisionList.parse(await r.json());
    const mine = { id: laptop.tokenId, label: "Förbundschefens dator" };
    const first = { id: nora.tokenId, label: null };
    expect(revisions.map((v) => [v.revision, v.token, v.client, v.override])).toEqual([
      [1, mine, "addin", false],
      [2, first, "cli", false],
      [3, mine, "addin", true],
      [4, first, "api", false],
      [5, first, "api", false],
    ]);
    const text = JSON.stringify(revisions);
    expect([text.includes(laptop.token), text.includes(nora.token)]).toEqual([false, false]);
  });

  it("When any token reads the merged view, then association, network and admin get it; no token or a revoked one gets 401", async () => {
    const network = (await (
      await fetch(`${url}/api/network-tokens`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ label: "Regionalt nätverk" }),
      })
    ).json()) as { tokenId: string; token: string };
    const spare = (await (
      await fetch(`${url}/api/associations/${ale.id}/tokens`, { method: "POST", headers: bearer(ADMIN) })
    ).json()) as { tokenId: string; token: string };
    await fetch(`${url}/api/associations/${ale.id}/tokens/${spare.tokenId}`, {
      method: "DELETE",
      headers: bearer(ADMIN),
    });
    const read = async (suffix: string, token?: string) =>
      (await fetch(`${url}/api/merged/budget/2009${suffix}`, token ? { headers: bearer(token) } : {})).status;
    const matrix = [];
    for (const suffix of ["", ".xlsx"])
      matrix.push([
        suffix,
        await read(suffix, ale.token),
        await read(suffix, nora.token),
        await read(suffix, network.token),
        await read(suffix, ADMIN),
        await read(suffix),
        await read(suffix, spare.token),
      ]);
    expect(matrix).toEqual([
      ["", 200, 200, 200, 200, 401, 401],
      [".xlsx", 200, 200, 200, 200, 401, 401],
    ]);
    // Reading the comparison is all: an association's token still cannot list the associations or read another's report.
    const other = await fetch(`${url}/api/associations/${nora.id}/reports/budget/2009`, {
      headers: bearer(ale.token),
    });
    expect(other.status).toBe(403);
  });

  it("When input is bad, then a clear status and a JSON error, never a 500", async () => {
    const cases: [string, Promise<Response>, number, string][] = [
      ["broken JSON", putReport(url, ale, "budget", "2008", '{"kind": "budget",'), 400, "invalid-json"],
      [
        "too large",
        putReport(url, ale, "budget", "2008", { pad: "x".repeat(300_000) }),
        413,
        "body-too-large",
      ],
      ["unknown kind", putReport(url, ale, "forecast", "2008", simpleBudget(["2008"])), 404, "unknown-kind"],
      [
        "malformed period",
        putReport(url, ale, "budget", "20x8", simpleBudget(["2008"])),
        400,
        "invalid-period",
      ],
      [
        "kind mismatch",
        putReport(url, ale, "participants", "2014", simpleBudget(["2014"])),
        400,
        "kind-mismatch",
      ],
      [
        "bad If-Match",
        putReport(url, ale, "budget", "2008", simpleBudget(["2008"]), { "if-match": "abc" }),
        400,
        "invalid-if-match",
      ],
      [
        "If-None-Match not *",
        putReport(url, ale, "budget", "2008", simpleBudget(["2008"]), { "if-none-match": '"1"' }),
        400,
        "invalid-if-none-match",
      ],
      [
        "If-Match and If-None-Match",
        putReport(url, ale, "budget", "2008", simpleBudget(["2008"]), {
          "if-match": '"1"',
          "if-none-match": "*",
        }),
        400,
        "conflicting-preconditions",
      ],
      [
        "not JSON",
        fetch(`${url}/api/associations/${ale.id}/reports/budget/2008`, {
          method: "PUT",
          headers: { authorization: `Bearer ${ale.token}`, "content-type": "text/plain" },
          body: "hello",
        }),
        415,
        "json-required",
      ],
      ["unknown route", fetch(`${url}/api/nothing`, { headers: bearer(ADMIN) }), 404, "not-found"],
      [
        "merged not a year",
        fetch(`${url}/api/merged/budget/2009-H1`, { headers: bearer(ADMIN) }),
        400,
        "invalid-period",
      ],
    ];
    const seen = [];
    for (const [name, response, ,] of cases) {
      const r = await response;
      const body = ErrorBody.parse(await r.json());
      // Swedish and English, each in its own words, every part filled in.
      expect(body.error.message, name).not.toBe(body.error.messageEn);
      expect(`${body.error.message} ${body.error.messageEn}`, name).not.toMatch(/undefined|NaN|\[object/);
      seen.push([name, r.status, body.error.code, body.error.fields?.[0]?.path]);
    }
    const header: Record<string, string> = {
      "kind mismatch": "kind",
      "bad If-Match": "If-Match",
      "If-None-Match not *": "If-None-Match",
      "If-Match and If-None-Match": "If-None-Match",
    };
    expect(seen).toEqual(cases.map(([name, , status, code]) => [name, status, code, header[name]]));
  });

  it("When a report fails the schema, then 400 names the fields", async () => {
    const bad = { ...simpleBudget(["2008"]), unit: "dollar", periods: [] as string[] };
    const r = await putReport(url, ale, "budget", "2008", bad);
    const body = (await r.json()) as { error: { code: string; fields: { path: string }[] } };
    expect([r.status, body.error.code, body.error.fields.map((f) => f.path)]).toEqual([
      400,
      "invalid-body",
      ["unit", "periods"],
    ]);
    const leaky = { ...participantsReport("2014"), rows: [{ personnummer: "19121212-1212" }] };
    const r2 = await putReport(url, ale, "participants", "2014", leaky);
    expect([
      r2.status,
      ((await r2.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path,
    ]).toEqual([400, "(body)"]);
  });

  it("When the admin creates an association with a bad or taken orgnr, then 400 or 409 naming orgnr", async () => {
    const post = (orgnr: string) =>
      fetch(`${url}/api/associations`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ name: "Förbundet", orgnr }),
      }).then(async (r) => [
        r.status,
        ((await r.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path,
      ]);
    expect(await post("802000-1602")).toEqual([400, "orgnr"]);
    expect(await post("801000-1600")).toEqual([400, "orgnr"]);
    // Ale was created with orgnr(1); the same number without the dash is the same organisation.
    expect(await post(orgnr(1).replace("-", ""))).toEqual([409, "orgnr"]);
  });

  it("When the network merges budgets, then a plan covering the year answers for it, with groups, overrides and totals", async () => {
    const network = (await (
      await fetch(`${url}/api/network-tokens`, {
        method: "POST",
        headers: bearer(ADMIN),
        body: JSON.stringify({ label: "Nätverksträff Väst" }),
      })
    ).json()) as { token: string };
    // Ale: plan 2008 (revision 2, columns 2008–2010) covers 2010; Nora has nothing covering 2010.
    const override = await fetch(`${url}/api/associations/${ale.id}/group-overrides`, {
      method: "PUT",
      headers: bearer(ale.token),
      body: JSON.stringify({ label: "Kansli", group: "ekonomiadministration" }),
    });
    expect(override.status).toBe(200);
    const r = await fetch(`${url}/api/merged/budget/2010`, { headers: bearer(network.token) });
    expect(r.status).toBe(200);
    const view = (await r.json()) as {
      kind: string;
      period: string;
      associations: {
        name: string;
        revision: number | null;
        income: number | null;
        costByGroup: Record<string, number>;
        surplus: number | null;
      }[];
      network: { income: number; cost: number; surplus: number; reporting: number };
    };
    const aleRow = view.associations.find((a) => a.name.includes("Ale"))!;
    const noraRow = view.associations.find((a) => a.name.includes("Nora"))!;
    expect([view.kind, view.period, aleRow.revision, aleRow.income, aleRow.surplus]).toEqual([
      "budget",
      "2010",
      2,
      1_540_000,
      150_000,
    ]);
    expect([
      aleRow.costByGroup.ekonomiadministration,
      aleRow.costByGroup["kansli och administration"],
    ]).toEqual([400_000, 0]);
    expect([noraRow.revision, noraRow.income]).toEqual([null, null]);
    expect(view.network).toMatchObject({
      reporting: 1,
      income: 1_540_000,
      cost: 1_390_000,
      surplus: 150_000,
    });

    const xlsx = await fetch(`${url}/api/merged/budget/2010.xlsx`, { headers: bearer(network.token) });
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Jämförelse", "Ale Kungälv Stenungsund Tjörn"]);
  });

  it("When the merged participants view is read, then a network total over a suppressed count is the known sum, a lower bound, with how many hide it", async () => {
    await putReport(
      url,
      nora,
      "participants",
      "2014",
      participantsReport("2014", { byKon: { kvinna: null, man: null } }, ["byKon.kvinna", "byKon.man"]),
    );
    const r = await fetch(`${url}/api/merged/participants/2014`, { headers: bearer(ADMIN) });
    const view = MergedParticipants.parse(await r.json());
    expect(view.network.keyFigures.byKon).toEqual({
      kvinna: { value: 22, lowerBound: true, suppressedIn: 1 },
      man: { value: 18, lowerBound: true, suppressedIn: 1 },
    });
    // Ale's latest 2014 report is the 100-participant one the concurrent writers above left; Nora's has 40.
    expect(view.network.keyFigures.participants).toEqual({ value: 140, lowerBound: false, suppressedIn: 0 });
    expect(Object.keys(view.network)).toEqual(["reporting", "keyFigures"]);
  });

  it("When the OpenAPI document is fetched, then it lists the contract's paths", async () => {
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/associations",
        "/api/associations/{id}/reports/{kind}/{period}",
        "/api/merged/{kind}/{period}",
        "/api/merged/{kind}/{period}.xlsx",
        "/api/me",
      ]),
    );
  });

  it("When /healthz and /addin/ are asked, then security headers fit each: no framing ban on the task pane", async () => {
    const health = await fetch(`${url}/healthz`);
    expect([
      health.status,
      health.headers.get("x-frame-options"),
      health.headers.get("x-content-type-options"),
    ]).toEqual([200, "SAMEORIGIN", "nosniff"]);
    const addin = await fetch(`${url}/addin/taskpane.html`);
    expect(addin.headers.get("x-frame-options")).toBeNull();
    expect(addin.headers.get("content-security-policy")).toMatch(
      /script-src 'self' https:\/\/appsforoffice\.microsoft\.com/,
    );
    expect(addin.headers.get("content-security-policy")).not.toMatch(/frame-ancestors/);
  });
});
