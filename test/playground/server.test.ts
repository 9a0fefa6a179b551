/**
 * The playground's server without a browser: /api and /healthz reach a real service on PGlite
 * with status, headers and body as they were; a service that is down is a 502 with the usual
 * error body; the workbook comes in from FILE or an upload and goes out as an .xlsx that
 * exceljs reads; a bad upload gets a Swedish and English message, never a 500.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookJson } from "../../playground/fake-excel/book";
import { type Playground, startPlayground } from "../../playground/server";
import { startWebServer, type WebServer } from "../../service/server";
import { fixture } from "../support/cli";
import { rejectedFailure } from "../support/failure";

const ADMIN = "admin-token-for-the-playground-test";
const silent = pino({ level: "silent" });

let dir: string;
let service: WebServer;
let playground: Playground;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "samsyn-playground-server-"));
  // Served files are not under test here: a stand-in pane and page are enough.
  mkdirSync(join(dir, "addin"));
  writeFileSync(join(dir, "addin/taskpane.html"), "<!doctype html><title>Samsyn</title>");
  mkdirSync(join(dir, "playground"));
  writeFileSync(join(dir, "playground/index.html"), "<!doctype html><title>Lekplats</title>");
  service = await startWebServer({
    port: 0,
    dataDir: join(dir, "data"),
    adminToken: ADMIN,
    logger: silent,
    addinDir: join(dir, "addin"),
  });
  playground = await startPlayground({
    port: 0,
    file: fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
    serviceUrl: service.url,
    addinDir: join(dir, "addin"),
    playgroundDir: join(dir, "playground"),
    logger: silent,
  });
});

afterAll(async () => {
  await playground?.close();
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (path: string) => new URL(path, playground.url).href;

describe("the playground passes /api to the service", () => {
  it("When the pane registers an association through the playground, then the service's answer comes back as it was", async () => {
    const created = await fetch(at("/api/associations"), {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Samordningsförbundet Lekplats", orgnr: "222000-1149" }),
    });
    expect(created.status).toBe(201);
    const association = (await created.json()) as { id: string; token: string };

    const me = await fetch(at("/api/me"), { headers: { Authorization: `Bearer ${association.token}` } });
    const direct = await fetch(`${service.url}/api/me`, {
      headers: { Authorization: `Bearer ${association.token}` },
    });
    expect([me.status, await me.text()]).toEqual([direct.status, await direct.text()]);

    const unauthorised = await fetch(at("/api/associations"), { headers: { Authorization: "Bearer wrong" } });
    const refused = await fetch(`${service.url}/api/associations`, {
      headers: { Authorization: "Bearer wrong" },
    });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toEqual(await refused.json());
  });

  it("When a request carries the sync headers and a body, then the service sees them and the answer's come back", async () => {
    const seen: { method?: string; url?: string; headers?: http.IncomingHttpHeaders; body?: string } = {};
    const echo = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        Object.assign(seen, {
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        res.writeHead(409, { "Content-Type": "application/json", ETag: '"7"', "X-Samsyn-Revision": "7" });
        res.end(JSON.stringify({ error: { code: "conflict", message: "Krock", messageEn: "Conflict" } }));
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const proxied = await startPlayground({
      port: 0,
      serviceUrl: echoUrl,
      addinDir: join(dir, "addin"),
      playgroundDir: join(dir, "playground"),
      logger: silent,
    });
    try {
      const answer = await fetch(new URL("/api/associations/a1/reports/budget/2008?x=1", proxied.url), {
        method: "PUT",
        headers: {
          Authorization: "Bearer secret",
          "If-Match": '"6"',
          "If-None-Match": "*",
          "Idempotency-Key": "k-1",
          "X-Samsyn-Client": "addin",
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ lines: [1, 2, 3] }),
      });
      expect(answer.status).toBe(409);
      expect([answer.headers.get("etag"), answer.headers.get("x-samsyn-revision")]).toEqual(['"7"', "7"]);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("conflict");
      expect(seen.method).toBe("PUT");
      expect(seen.url).toBe("/api/associations/a1/reports/budget/2008?x=1");
      expect(seen.body).toBe(JSON.stringify({ lines: [1, 2, 3] }));
      const h = seen.headers!;
      expect([
        h.authorization,
        h["if-match"],
        h["if-none-match"],
        h["idempotency-key"],
        h["x-samsyn-client"],
        h.host,
      ]).toEqual(["Bearer secret", '"6"', "*", "k-1", "addin", new URL(echoUrl).host]);
    } finally {
      await proxied.close();
      await new Promise((resolve) => echo.close(resolve));
    }
  });

  it("When the pane asks /healthz, then the service answers through the playground", async () => {
    const answer = await fetch(at("/healthz"));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, engine: "pglite" });
  });

  it("When the service is down, then the pane gets 502 with the usual error body", async () => {
    const down = await startPlayground({
      port: 0,
      serviceUrl: "http://127.0.0.1:9",
      addinDir: join(dir, "addin"),
      playgroundDir: join(dir, "playground"),
      logger: silent,
    });
    try {
      const answer = await fetch(new URL("/api/me", down.url), { headers: { Authorization: "Bearer x" } });
      expect(answer.status).toBe(502);
      const body = (await answer.json()) as { error: { code: string; message: string; messageEn: string } };
      expect(body.error.code).toBe("service-unreachable");
      expect(body.error.message).toContain("går inte att nå");
      expect(body.error.messageEn).toContain("cannot be reached");
      expect((await fetch(new URL("/healthz", down.url))).status).toBe(502);
    } finally {
      await down.close();
    }
  });
});

describe("the playground's workbook", () => {
  it("When the page starts, then it gets FILE's sheets as a BookJson, named", async () => {
    const answer = await fetch(at("/playground/book.json"));
    expect(answer.status).toBe(200);
    expect(decodeURIComponent(answer.headers.get("x-samsyn-book-name") ?? "")).toBe(
      "ale-kungalv-stenungsund-tjorn-vp2008.xlsx",
    );
    expect(decodeURIComponent(answer.headers.get("x-samsyn-service") ?? "")).toBe(service.url);
    const book = (await answer.json()) as BookJson;
    expect(book.sheets.map((s) => s.name)).toEqual(["Budget 2008"]);
  });

  it("When no FILE is given, then the book is empty with a sheet Blad1", async () => {
    const empty = await startPlayground({
      port: 0,
      serviceUrl: service.url,
      addinDir: join(dir, "addin"),
      playgroundDir: join(dir, "playground"),
      logger: silent,
    });
    try {
      const book = (await (await fetch(new URL("/playground/book.json", empty.url))).json()) as BookJson;
      expect([book.sheets.map((s) => s.name), book.sheets[0]?.cells]).toEqual([["Blad1"], []]);
    } finally {
      await empty.close();
    }
  });

  it("When a workbook is uploaded, then it comes back as a BookJson; a file that is no workbook gets a message in both languages", async () => {
    const opened = await fetch(at("/playground/open"), {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: readFileSync(fixture("samverkansteamet-deltagare-2014.xlsx")),
    });
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as BookJson).sheets.map((s) => s.name)).toEqual(["Deltagare 2014"]);

    const garbage = await fetch(at("/playground/open"), {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: "det här är ingen arbetsbok",
    });
    expect(garbage.status).toBe(400);
    const body = (await garbage.json()) as { error: { code: string; message: string; messageEn: string } };
    expect(body.error).toEqual({
      code: "not-a-workbook",
      message: "Filen är ingen Excel-arbetsbok (.xlsx); spara den som .xlsx i Excel och försök igen.",
      messageEn: "The file is not an Excel workbook (.xlsx); save it as .xlsx in Excel and try again.",
    });

    const nothing = await fetch(at("/playground/open"), { method: "POST" });
    expect([nothing.status, ((await nothing.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      "no-file",
    ]);
  });

  it("When the page downloads the workbook, then exceljs reads its sheets, values, formulas and tables", async () => {
    const book: BookJson = {
      sheets: [
        {
          name: "Budget",
          cells: [
            [0, 0, "Post", null, null, null],
            [0, 1, "Belopp", null, null, null],
            [1, 0, "Kansli", null, null, null],
            [1, 1, 100, null, null, null],
            [2, 0, "Styrelse", null, null, null],
            [2, 1, 50, null, null, null],
            [4, 1, 150, "=SUM(B2:B3)", "# ##0", null],
          ],
          merges: [],
          notes: [],
        },
      ],
      tables: [{ name: "Budget_test", sheet: "Budget", range: "A1:B3", style: "TableStyleMedium2" }],
      settings: [],
      active: "Budget",
      selection: null,
    };
    const answer = await fetch(at("/playground/download"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(book),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await answer.arrayBuffer());
    const ws = workbook.getWorksheet("Budget")!;
    expect(ws.getCell("A2").value).toBe("Kansli");
    expect(ws.getCell("B5").value).toEqual({ formula: "SUM(B2:B3)", result: 150 });
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "Budget_test",
    ]);

    const bad = await fetch(at("/playground/download"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sheets: "nej" }),
    });
    expect([bad.status, ((await bad.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      "invalid-book",
    ]);
  });

  it("When FILE cannot be read, then the playground does not start and says why", async () => {
    const notThere = join(dir, "finns-inte.xlsx");
    expect(await rejectedFailure(() => startPlayground({ port: 0, file: notThere, logger: silent }))).toEqual(
      {
        code: "file-unreadable",
        path: notThere,
      },
    );
  });
});
