/**
 * Sending from the pane, through the fake Excel and the real service on PGlite: first sends go
 * with If-None-Match: *, later ones with If-Match; a copy of the workbook sending from a stale
 * base gets a conflict with who sent what and the differing lines; an unreachable service
 * leaves the report waiting in the workbook, sent exactly once later; every failure is a coded
 * ClientFailure. Every body the client sends is read and searched for personal data.
 */

import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importSource } from "../../addin/convert";
import type { ExcelHost } from "../../addin/excel/host";
import { readSyncSettings } from "../../addin/excel/sync-memory";
import { fetchComparison, keepTheirsInSheet } from "../../addin/sync/comparison";
import {
  budgetChoice,
  keepTheirs,
  reportsToSend,
  sendMineAnyway,
  sendReports,
  sendWaiting,
} from "../../addin/sync/flow";
import { listPeriods } from "../../addin/sync/periods";
import { ServiceClient } from "../../addin/sync/service";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook } from "../../playground/fake-excel/xlsx";
import { startWebServer, type WebServer } from "../../service/server";
import { ClientFailure } from "../../shared/client";
import { parseA1 } from "../../shared/grid";
import { orgnr } from "../service/helpers";

const FIXTURES = resolve("../shared/fixtures");
const ADMIN = "sync-test-admin-token-0123456789";

let service: WebServer;
let dataDir: string;
const sentBodies: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "samsyn-sync-"));
  service = await startWebServer({ port: 0, dataDir, adminToken: ADMIN, logger: pino({ level: "silent" }) });
  // Every body the pane's client sends passes here and is kept for the privacy check.
  globalThis.fetch = async (input, init) => {
    if (typeof init?.body === "string") sentBodies.push(init.body);
    return realFetch(input, init);
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await service?.close();
});

let orgSeq = 800;

async function newAssociation(name: string): Promise<{ id: string; token: string }> {
  const res = await realFetch(`${service.url}/api/associations`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify({ name, orgnr: orgnr(++orgSeq) }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

async function historyOf(id: string, token: string, kind: string, period: string) {
  const res = await realFetch(`${service.url}/api/associations/${id}/reports/${kind}/${period}/revisions`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status === 200
    ? ((await res.json()) as { revisions: { revision: number; client: string; override: boolean }[] })
        .revisions
    : [];
}

async function readAndPlan(host: ExcelHost, associationId: string) {
  const imported = await importSource(host, { kind: "active" });
  return reportsToSend(imported.reading, associationId);
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
});

/** A local HTTP server answering every request the same way (or never). */
async function fakeService(
  answer: ((res: import("node:http").ServerResponse) => void) | "hang",
): Promise<string> {
  const server = createServer((_req, res) => {
    if (answer !== "hang") answer(res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("when the bookkeeper sends from Excel", () => {
  it("then the first send creates revision 1 (If-None-Match: *), the next builds on it (If-Match), and the workbook remembers", async () => {
    const a = await newAssociation("Samordningsförbundet Ale Kungälv");
    const book = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const host = fakeHost(book);
    const client = new ServiceClient({ serviceUrl: service.url, token: a.token });
    const items = await readAndPlan(host, a.id);
    expect(items.map((i) => `${i.address.kind}/${i.address.period}`)).toEqual(["budget/2008"]);

    const first = await sendReports(host, client, items);
    expect(first.results.map((r) => [r.status, r.status === "sent" ? r.revision : null])).toEqual([
      ["sent", 1],
    ]);
    const second = await sendReports(host, client, items);
    expect(second.results.map((r) => [r.status, r.status === "sent" ? r.revision : null])).toEqual([
      ["sent", 2],
    ]);

    const settings = await readSyncSettings(host);
    expect(settings.memory[a.id]?.["budget/2008"]?.revision).toBe(2);
    // What the workbook keeps holds no token.
    expect(JSON.stringify([...book.settings])).not.toContain(a.token);
    const history = await historyOf(a.id, a.token, "budget", "2008");
    expect(history.map((h) => [h.revision, h.client, h.override])).toEqual([
      [1, "addin", false],
      [2, "addin", false],
    ]);
  });

  it("then a copy of the workbook sending from a stale base sees a conflict, and 'send mine anyway' is recorded as an override", async () => {
    const a = await newAssociation("Samordningsförbundet Conflict");
    const original = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const hostA = fakeHost(original);
    const client = new ServiceClient({ serviceUrl: service.url, token: a.token });
    await sendReports(hostA, client, await readAndPlan(hostA, a.id));

    // The workbook is e-mailed: the copy remembers revision 1 too.
    const copy = FakeBook.fromJSON(original.toJSON());
    const hostB = fakeHost(copy);
    expect((await sendReports(hostA, client, await readAndPlan(hostA, a.id))).results[0]?.status).toBe(
      "sent",
    );

    // The copy's user changes an amount and sends: revision 2 is news to this copy.
    const budget = (await readAndPlan(hostB, a.id))[0]!.report;
    if (budget.kind !== "budget") throw new Error("expected a budget");
    const line = budget.lines.find((l) => l.section === "cost")!;
    const at = parseA1(line.cell)!;
    const sheet = copy.sheet(budget.sheet)!;
    const amountCell = sheet.cell(at.row, at.col + 1)!;
    sheet.patch(at.row, at.col + 1, { value: (amountCell.value as number) + 1 });
    const mine = await readAndPlan(hostB, a.id);
    const sent = await sendReports(hostB, client, mine);
    const result = sent.results[0]!;
    expect(result.status).toBe("conflict");
    if (result.status !== "conflict") return;
    expect(result.conflict.theirs.revision).toBe(2);
    expect(result.conflict.theirs.info?.client).toBe("addin");
    expect(result.conflict.theirs.info?.token?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(result.conflict.rows.length).toBeGreaterThan(0);
    expect(result.conflict.rows).toEqual([
      {
        label: line.label,
        section: "cost",
        period: budget.periods[0],
        theirs: line.amounts[budget.periods[0]!],
        mine: (line.amounts[budget.periods[0]!] ?? 0) + 1000,
      },
    ]);
    // Nothing was overwritten: the service still has 2 revisions.
    expect((await historyOf(a.id, a.token, "budget", "2008")).length).toBe(2);

    const resolved = await sendMineAnyway(hostB, client, result.conflict);
    expect(resolved.results.map((r) => [r.status, r.status === "sent" ? r.revision : null])).toEqual([
      ["sent", 3],
    ]);
    const history = await historyOf(a.id, a.token, "budget", "2008");
    expect(history.map((h) => h.override)).toEqual([false, false, true]);
    expect((await readSyncSettings(hostB)).memory[a.id]?.["budget/2008"]?.revision).toBe(3);
  });

  it("then 'keep theirs' makes the workbook build on their revision, so the next send is no conflict", async () => {
    const a = await newAssociation("Samordningsförbundet Keep");
    const book = await loadBook(join(FIXTURES, "infosamverkan-projektbudget.xlsx"));
    const host = fakeHost(book);
    const client = new ServiceClient({ serviceUrl: service.url, token: a.token });
    const items = await readAndPlan(host, a.id);
    expect(items.length).toBeGreaterThan(0);
    const copyBook = FakeBook.fromJSON(book.toJSON());
    const copy = fakeHost(copyBook);
    await sendReports(host, client, items);
    const conflict = (await sendReports(copy, client, items)).results[0]!;
    expect(conflict.status).toBe("conflict");
    if (conflict.status !== "conflict") return;
    // Same figures on both sides: the conflict says so rather than listing nothing silently.
    expect(conflict.conflict.rows).toEqual([]);
    expect(await keepTheirsInSheet(copy, conflict.conflict)).toBe("Samsyn deras version");
    await keepTheirs(copy, conflict.conflict);
    const again = await sendReports(copy, client, items);
    expect(again.results.map((r) => r.status)).toEqual(["sent"]);
    // Their lines, one row each, in a real table on its own sheet.
    const theirs = copyBook.tables.find((t) => t.name === "Samsyn_deras_version")!;
    expect(theirs.sheet.name).toBe("Samsyn deras version");
    const report = items[0]!.report;
    expect(theirs.range.end.row - theirs.range.start.row).toBe(
      report.kind === "budget" ? report.lines.length : 0,
    );
  });
});

describe("when the user keeps theirs and sends again", () => {
  it("then a sheet that still holds their own figures is not sent over theirs: the pane asks again, and 'send mine anyway' is recorded", async () => {
    const a = await newAssociation("Samordningsförbundet Behåll deras");
    const original = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const hostA = fakeHost(original);
    const client = new ServiceClient({ serviceUrl: service.url, token: a.token });
    await sendReports(hostA, client, await readAndPlan(hostA, a.id));
    const copy = FakeBook.fromJSON(original.toJSON());
    const hostB = fakeHost(copy);

    // Copy A: a cost line up by 100 tkr, sent as version 2.
    const change = async (book: FakeBook, host: ExcelHost, delta: number) => {
      const budget = (await readAndPlan(host, a.id))[0]!.report;
      if (budget.kind !== "budget") throw new Error("expected a budget");
      const line = budget.lines.find((l) => l.section === "cost")!;
      const at = parseA1(line.cell)!;
      const sheet = book.sheet(budget.sheet)!;
      sheet.patch(at.row, at.col + 1, { value: (sheet.cell(at.row, at.col + 1)!.value as number) + delta });
    };
    await change(original, hostA, 100);
    expect((await sendReports(hostA, client, await readAndPlan(hostA, a.id))).results[0]?.status).toBe(
      "sent",
    );
    // Copy B: its own change, a conflict; the user keeps theirs.
    await change(copy, hostB, 50);
    const first = (await sendReports(hostB, client, await readAndPlan(hostB, a.id))).results[0]!;
    if (first.status !== "conflict") throw new Error(`expected a conflict, got ${first.status}`);
    await keepTheirs(hostB, first.conflict);

    // The same sheet sent again: asked again, nothing sent.
    const again = (await sendReports(hostB, client, await readAndPlan(hostB, a.id))).results[0]!;
    expect(again.status).toBe("conflict");
    if (again.status !== "conflict") return;
    expect(again.conflict.reason).toBe("kept");
    expect(again.conflict.theirs.revision).toBe(2);
    expect(again.conflict.rows.length).toBe(1);
    expect((await historyOf(a.id, a.token, "budget", "2008")).length).toBe(2);

    // Mine anyway: a new version, recorded as an override; the next send builds on it quietly.
    const mine = await sendMineAnyway(hostB, client, again.conflict);
    expect(mine.results.map((r) => [r.status, r.status === "sent" ? r.revision : null])).toEqual([
      ["sent", 3],
    ]);
    expect((await historyOf(a.id, a.token, "budget", "2008")).map((h) => h.override)).toEqual([
      false,
      false,
      true,
    ]);
    expect(
      (await sendReports(hostB, client, await readAndPlan(hostB, a.id))).results.map((r) => r.status),
    ).toEqual(["sent"]);
  });

  it("then a sheet brought to their figures is sent as usual, building on theirs", async () => {
    const a = await newAssociation("Samordningsförbundet Behåll deras 2");
    const original = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const hostA = fakeHost(original);
    const client = new ServiceClient({ serviceUrl: service.url, token: a.token });
    await sendReports(hostA, client, await readAndPlan(hostA, a.id));
    const copy = FakeBook.fromJSON(original.toJSON());
    const hostB = fakeHost(copy);
    const budget = (await readAndPlan(hostA, a.id))[0]!.report;
    if (budget.kind !== "budget") throw new Error("expected a budget");
    const line = budget.lines.find((l) => l.section === "cost")!;
    const at = parseA1(line.cell)!;
    const bump = (book: FakeBook, delta: number) => {
      const sheet = book.sheet(budget.sheet)!;
      sheet.patch(at.row, at.col + 1, { value: (sheet.cell(at.row, at.col + 1)!.value as number) + delta });
    };
    bump(original, 100);
    await sendReports(hostA, client, await readAndPlan(hostA, a.id));
    bump(copy, 50);
    const first = (await sendReports(hostB, client, await readAndPlan(hostB, a.id))).results[0]!;
    if (first.status !== "conflict") throw new Error("expected a conflict");
    await keepTheirs(hostB, first.conflict);
    // The bookkeeper types their figure into the sheet: the same figures as the version kept.
    bump(copy, 50);
    const sent = (await sendReports(hostB, client, await readAndPlan(hostB, a.id))).results[0]!;
    expect([sent.status, sent.status === "sent" ? sent.revision : null]).toEqual(["sent", 3]);
    expect((await historyOf(a.id, a.token, "budget", "2008")).map((h) => h.override)).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("when the service cannot be reached", () => {
  it("then the report waits in the workbook and is sent exactly once when the service is back", async () => {
    const a = await newAssociation("Samordningsförbundet Offline");
    const book = await loadBook(join(FIXTURES, "samverkansteamet-deltagare-2014.xlsx"));
    const host = fakeHost(book);
    const items = await readAndPlan(host, a.id);
    expect(items.map((i) => i.address.kind)).toContain("participants");

    const down = await fakeService("hang");
    const offline = new ServiceClient({ serviceUrl: down, token: a.token }, 300);
    const queued = await sendReports(host, offline, items);
    expect(queued.results.map((r) => r.status)).toEqual(items.map(() => "queued"));
    const waiting = (await readSyncSettings(host)).outbox;
    expect(waiting.length).toBe(items.length);
    // Only the shareable report waits: counts, no participant row.
    for (const entry of waiting) expect(entry.report.kind).toBe("participants");

    const online = new ServiceClient({ serviceUrl: service.url, token: a.token });
    const sent = await sendWaiting(host, online, a.id);
    expect(sent.results.map((r) => r.status)).toEqual(items.map(() => "sent"));
    expect((await readSyncSettings(host)).outbox).toEqual([]);
    // Opening the pane again sends nothing more.
    expect((await sendWaiting(host, online, a.id)).results).toEqual([]);
    for (const item of items)
      expect((await historyOf(a.id, a.token, item.address.kind, item.address.period)).length).toBe(1);
  });

  it("then reports filed per insats wait in the workbook under their insats, go once when the service is back, and a copy that keeps theirs for one insats sends again without a conflict", async () => {
    const a = await newAssociation("Samordningsförbundet Sydost prov");
    const book = await loadBook(join(FIXTURES, "sydost-budget-utfall-2023.xlsx"));
    book.active = book.sheet("Deltagare");
    const host = fakeHost(book);
    const items = (await readAndPlan(host, a.id)).filter((i) => i.address.kind === "participants");
    const insatser = items.map((i) => i.address.insats ?? null);
    expect(insatser.length).toBeGreaterThan(1);
    expect(insatser).not.toContain(null);
    // The same workbook as it was e-mailed before anything was sent.
    const copy = fakeHost(FakeBook.fromJSON(book.toJSON()));

    // While the service does not answer, each waits with its insats.
    const down = await fakeService("hang");
    const offline = new ServiceClient({ serviceUrl: down, token: a.token }, 300);
    expect((await sendReports(host, offline, items)).results.map((r) => r.status)).toEqual(
      items.map(() => "queued"),
    );
    expect((await readSyncSettings(host)).outbox.map((e) => e.insats ?? null)).toEqual(insatser);

    // Back: each is sent once, under its own insats; opening again sends nothing more.
    const online = new ServiceClient({ serviceUrl: service.url, token: a.token });
    expect((await sendWaiting(host, online, a.id)).results.map((r) => r.status)).toEqual(
      items.map(() => "sent"),
    );
    expect((await readSyncSettings(host)).outbox).toEqual([]);
    expect((await sendWaiting(host, online, a.id)).results).toEqual([]);

    // The copy sends on no base: a conflict per insats; keeping theirs for
    // the first makes its next send build on theirs, while the others still conflict.
    const conflicts = (await sendReports(copy, online, items)).results;
    expect(conflicts.map((r) => r.status)).toEqual(items.map(() => "conflict"));
    const first = conflicts[0]!;
    if (first.status !== "conflict") return;
    await keepTheirs(copy, first.conflict);
    const again = (await sendReports(copy, online, items)).results.map((r) => r.status);
    expect(again).toEqual(items.map((_, i) => (i === 0 ? "sent" : "conflict")));
  });

  it("then a send whose answer was lost is not made twice: the retry carries the same Idempotency-Key", async () => {
    const a = await newAssociation("Samordningsförbundet Lost Answer");
    const book = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const host = fakeHost(book);
    const items = await readAndPlan(host, a.id);
    const down = await fakeService("hang");
    await sendReports(host, new ServiceClient({ serviceUrl: down, token: a.token }, 300), items);
    const entry = (await readSyncSettings(host)).outbox[0]!;
    // The service got it once already (the answer never reached the pane) …
    const first = await realFetch(`${service.url}/api/associations/${a.id}/reports/budget/2008`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${a.token}`,
        "content-type": "application/json",
        "if-none-match": "*",
        "idempotency-key": entry.idempotencyKey,
      },
      body: JSON.stringify(entry.report),
    });
    expect(first.status).toBe(201);
    // … so the retry is answered from the first, with no second revision.
    const retried = await sendWaiting(
      host,
      new ServiceClient({ serviceUrl: service.url, token: a.token }),
      a.id,
    );
    expect(retried.results.map((r) => [r.status, r.status === "sent" ? r.revision : null])).toEqual([
      ["sent", 1],
    ]);
    expect((await historyOf(a.id, a.token, "budget", "2008")).length).toBe(1);
  });
});

describe("when something is wrong, the pane gets a code it can put into words", () => {
  const failureOf = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (e) {
      return e instanceof ClientFailure ? e.code : `not a ClientFailure: ${String(e)}`;
    }
    return "no failure";
  };

  it("then a wrong address, a revoked token, a 5xx, a timeout and a foreign answer are told apart", async () => {
    const a = await newAssociation("Samordningsförbundet Failures");
    expect(await failureOf(async () => new ServiceClient({ serviceUrl: "samsyn.example", token: "x" }))).toBe(
      "bad-address",
    );
    expect(
      await failureOf(() => new ServiceClient({ serviceUrl: service.url, token: "samsyn_bad" }).me()),
    ).toBe("unauthenticated");
    const revoke = await realFetch(`${service.url}/api/associations/${a.id}/tokens`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const [token] = (await revoke.json()) as { id: string }[];
    await realFetch(`${service.url}/api/associations/${a.id}/tokens/${token!.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(await failureOf(() => new ServiceClient({ serviceUrl: service.url, token: a.token }).me())).toBe(
      "unauthenticated",
    );
    const broken = await fakeService((res) => {
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>Internal error</h1>");
    });
    expect(await failureOf(() => new ServiceClient({ serviceUrl: broken, token: "t" }).me())).toBe(
      "service-error",
    );
    // A gateway saying the service behind it is down is the same as no answer: the report will wait.
    const gateway = await fakeService((res) => {
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
    });
    expect(await failureOf(() => new ServiceClient({ serviceUrl: gateway, token: "t" }).me())).toBe(
      "unreachable",
    );
    const hanging = await fakeService("hang");
    expect(await failureOf(() => new ServiceClient({ serviceUrl: hanging, token: "t" }, 200).me())).toBe(
      "timed-out",
    );
    const foreign = await fakeService((res) => {
      res.writeHead(200, { "content-type": "application/json" }).end('{"hello":"world"}');
    });
    expect(await failureOf(() => new ServiceClient({ serviceUrl: foreign, token: "t" }).me())).toBe(
      "service-error",
    );
  });

  it("then a report over the service's size limit is 'too-large', and the workbook loses nothing", async () => {
    const small = await startWebServer({
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), "samsyn-sync-small-")),
      adminToken: ADMIN,
      bodyLimit: "1kb",
      logger: pino({ level: "silent" }),
    });
    try {
      const res = await realFetch(`${small.url}/api/associations`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Samordningsförbundet Stor", orgnr: orgnr(++orgSeq) }),
      });
      const a = (await res.json()) as { id: string; token: string };
      const book = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
      const host = fakeHost(book);
      const items = await readAndPlan(host, a.id);
      const sent = await sendReports(
        host,
        new ServiceClient({ serviceUrl: small.url, token: a.token }),
        items,
      );
      expect(sent.results.map((r) => (r.status === "failed" ? r.failure.code : r.status))).toEqual([
        "too-large",
      ]);
      // The source sheet is untouched.
      expect(book.sheets.map((s) => s.name)).toEqual(
        (await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"))).sheets.map(
          (s) => s.name,
        ),
      );
    } finally {
      await small.close();
    }
  });
});

describe("when the user chooses what to send", () => {
  it("then a participant list goes for the period chosen only, with the figures of that period, and nothing unticked goes", async () => {
    const book = await loadBook(join(FIXTURES, "samverkansteamet-deltagare-2014.xlsx"));
    const host = fakeHost(book);
    const { reading } = await importSource(host, { kind: "active" });
    const sheet = reading.participantReadings[0]!.tables[0]!.sheet;
    // The stays run from 2014 into 2015: the list's years and halves, 2014 the latest full year.
    const periods = listPeriods(reading.participantReadings[0]!);
    expect(periods.preferred).toBe("2014");
    expect(periods.options).toEqual(["2015", "2015-H1", "2015-H2", "2014", "2014-H1", "2014-H2"]);

    // By default: 2014 only, not one report per year the stays touch (2015 went along unasked).
    const byDefault = reportsToSend(reading, "a");
    expect(byDefault.map((i) => `${i.address.kind}/${i.address.period}`)).toEqual(["participants/2014"]);
    const only = byDefault[0]!.report;
    if (only.kind !== "participants") throw new Error("expected participants");
    // The figures of 2014, not of the whole list (40 closed, 233 days): those closed in 2014.
    expect([only.keyFigures.closed, only.keyFigures.averageStayDays]).toEqual([20, 199.7]);

    const half = reportsToSend(reading, "a", { budgets: [], periods: { [sheet]: ["2014-H2"] } });
    expect(half.map((i) => i.address.period)).toEqual(["2014-H2"]);
    expect(reportsToSend(reading, "a", { budgets: [], periods: {} })).toEqual([]);
    // The threshold chosen is the one the figures are hidden by.
    const strict = reportsToSend(reading, "a", {
      budgets: [],
      periods: { [sheet]: ["2014"] },
      threshold: 30,
    });
    const r = strict[0]!.report;
    if (r.kind !== "participants") throw new Error("expected participants");
    expect(r.suppression.threshold).toBe(30);
    expect(r.keyFigures.closed).toBeNull();
  });

  it("then an unticked budget is not sent", async () => {
    const book = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const { reading } = await importSource(fakeHost(book), { kind: "active" });
    const budgets = reading.tables.flatMap((t) => (t.kind === "budget" ? [budgetChoice(t)] : []));
    expect(budgets.length).toBeGreaterThan(0);
    expect(reportsToSend(reading, "a", { budgets: [], periods: {} })).toEqual([]);
    expect(
      reportsToSend(reading, "a", { budgets, periods: {}, budgetYear: "2012" }).map((i) => i.address.period),
    ).toEqual(budgets.map(() => "2012"));
  });
});

describe("what the pane sends", () => {
  it("holds no identity number, birth date or free text from the participant list", async () => {
    const a = await newAssociation("Samordningsförbundet Privacy");
    const book = await loadBook(join(FIXTURES, "samverkansteamet-deltagare-2014.xlsx"));
    const host = fakeHost(book);
    const before = sentBodies.length;
    await sendReports(
      host,
      new ServiceClient({ serviceUrl: service.url, token: a.token }),
      await readAndPlan(host, a.id),
    );
    const bodies = sentBodies.slice(before);
    expect(bodies.length).toBeGreaterThan(0);
    // Every text cell of the participant sheet that is not a heading or a municipality: identity numbers, dates, reasons …
    const sheet = book.sheets[0]!;
    const texts = new Set<string>();
    const numbers = new Set<string>();
    for (const cell of sheet.cells.values()) {
      if (typeof cell.value === "string" && cell.value.trim().length >= 6) texts.add(cell.value.trim());
      if (typeof cell.value === "number" && cell.value > 100_000) numbers.add(String(cell.value));
    }
    expect(texts.size).toBeGreaterThan(10);
    for (const body of bodies) {
      // Personnummer and samordningsnummer in every written form, and ISO or compact dates.
      expect(body).not.toMatch(/\b(19|20)?\d{6}[-+]?\d{4}\b/);
      expect(body).not.toMatch(/\b(19|20)\d{2}-\d{2}-\d{2}\b/);
      for (const n of numbers) expect(body).not.toContain(n);
      const leaked = [...texts].filter((t) => body.includes(JSON.stringify(t).slice(1, -1)));
      // Municipality names are aggregate keys; anything else found is a leak.
      expect(leaked.filter((t) => !/^[A-ZÅÄÖ][a-zåäö]+$/.test(t))).toEqual([]);
    }
  });
});

describe("when the network meeting fetches the comparison", () => {
  it("then the sheet holds one row per association, live network totals and the two charts, replaced in place", async () => {
    const ale = await newAssociation("Samordningsförbundet Jämför Ale");
    const info = await newAssociation("Samordningsförbundet Jämför Info");
    const aleBook = await loadBook(join(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const infoBook = await loadBook(join(FIXTURES, "infosamverkan-projektbudget.xlsx"));
    for (const [book, a] of [
      [aleBook, ale],
      [infoBook, info],
    ] as const) {
      const host = fakeHost(book);
      const items = (await readAndPlan(host, a.id)).map((i) => ({
        ...i,
        address: { ...i.address, period: i.address.kind === "budget" ? "2009" : i.address.period },
      }));
      await sendReports(host, new ServiceClient({ serviceUrl: service.url, token: a.token }), items);
    }
    const host = fakeHost(aleBook);
    const client = new ServiceClient({ serviceUrl: service.url, token: ale.token });
    const view = await client.merged("budget", "2009");
    const fetched = await fetchComparison(host, client, "budget", "2009");
    expect(fetched.sheet).toBe("Samsyn nätverk 2009");
    expect(fetched.associations).toBe(view.associations.length);
    const sheet = aleBook.sheet("Samsyn nätverk 2009")!;
    const table = aleBook.tables.find((t) => t.sheet === sheet)!;
    expect(table.range.end.row - table.range.start.row).toBe(view.associations.length);
    const names = [];
    for (let r = table.range.start.row + 1; r <= table.range.end.row; r++)
      names.push(sheet.cell(r, 0)?.value);
    expect(names).toEqual(
      expect.arrayContaining(["Samordningsförbundet Jämför Ale", "Samordningsförbundet Jämför Info"]),
    );
    // The network row under the table is live: a SUM over the table's column.
    const totalRow = [...sheet.cells.entries()].find(([, c]) => c.value === "Nätverket totalt")!;
    const totalCells = [1, 2, 3].map((c) => sheet.cell(Math.floor(totalRow[0] / 16_384), c)?.formula);
    for (const f of totalCells) expect(f).toMatch(/^=SUM\(Samsyn_natverk_2009\[/);
    expect(
      aleBook.charts
        .filter((c) => c.sheet === sheet)
        .map((c) => c.name)
        .sort(),
    ).toEqual(["Samsyn_kostnader", "Samsyn_overskott"]);

    // Fetching again replaces in place: no second sheet, table or chart.
    await fetchComparison(host, client, "budget", "2009");
    expect(aleBook.sheets.filter((s) => s.name.startsWith("Samsyn nätverk")).length).toBe(1);
    expect(aleBook.tables.filter((t) => t.sheet === sheet).length).toBe(1);
    expect(aleBook.charts.filter((c) => c.sheet === sheet).length).toBe(2);
  });
});
