/**
 * Participant rows never leave the workbook. The add-in reaches the network in one module
 * (addin/sync/service.ts), only towards the service the user signed in to, only with
 * reports checked against the shareable schema; the token is kept in one other module
 * (addin/sync/credentials.ts). Nothing else in addin/ may touch the network or storage. And
 * every request that module makes when the pane sends a participant list is read: aggregates
 * only, no personnummer, no row.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportsToSend } from "../../addin/sync/flow";
import { ServiceClient } from "../../addin/sync/service";
import { identifyingIn } from "../../shared/insats";
import { ParticipantsReport } from "../../shared/report";
import { sydostReading } from "./sync-insats-reading";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|html)$/.test(entry.name) ? [path] : [];
  });
}

const ADDIN = resolve("addin");
const NETWORK =
  /\b(fetch|XMLHttpRequest|sendBeacon|WebSocket|EventSource|importScripts)\b|\bnew\s+(Image|Worker)\b/;
const STORAGE = /\b(localStorage|sessionStorage|indexedDB|document\.cookie|caches)\b/;
const ADDRESS = /https?:\/\/(?!appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js)/;

/** Code lines (comments and user-facing strings aside) that match, as "file:line: text". */
function lines(pattern: RegExp, ignoreStrings: boolean): string[] {
  return sources(ADDIN).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => [i + 1, line] as const)
      .filter(([, line]) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      // `typeof fetch` asks whether the webview has it (feature-check.js) and sends nothing.
      .map(([n, line]) => [n, line.replace(/\btypeof\s+\w+/g, "")] as const)
      .filter(([, line]) =>
        pattern.test(ignoreStrings ? line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""') : line),
      )
      .map(([n, line]) => `${file.slice(ADDIN.length + 1)}:${n}: ${line.trim()}`),
  );
}

describe("add-in privacy", () => {
  it("uses the network only in addin/sync/service.ts, and there in one place", () => {
    const found = lines(NETWORK, true);
    expect(found.map((l) => l.replace(/:\d+:.*/, ""))).toEqual(["sync/service.ts"]);
    // The one client (shared/client.ts) builds every request from the route table; the pane lends it this fetch.
    expect(found[0]).toMatch(/transport: \(url, init\) => fetch\(url, init\),/);
  });

  it("keeps the token in browser storage only through addin/sync/credentials.ts", () => {
    // One module reaches localStorage; the token goes there from credentials.ts alone.
    const files = new Set(lines(STORAGE, true).map((l) => l.replace(/:\d+:.*/, "")));
    expect([...files]).toEqual(["pane-storage.ts"]);
    const writers = new Set(lines(/writeStored\(/, false).map((l) => l.replace(/:\d+:.*/, "")));
    expect([...writers].sort()).toEqual(["pane-storage.ts", "sync/credentials.ts", "ui/preferences.ts"]);
    expect(readFileSync(join(ADDIN, "ui/preferences.ts"), "utf8")).not.toMatch(/token|credential/i);
  });

  it("names no address but office.js's (the service is the one the user signs in to)", () => {
    // User-facing examples ("https://samsyn.example.se") are strings, and strings are not requests.
    expect(lines(ADDRESS, true)).toEqual([]);
  });

  it("sends a report only after checking it against the service's strict report schema", () => {
    const code = readFileSync(join(ADDIN, "sync/service.ts"), "utf8");
    const send = code.slice(code.indexOf("async send("), code.indexOf("async latest("));
    expect(send).toContain("Report.safeParse(report)");
    expect(send).toContain("body: checked.data,");
    // The one body the module gives the client is that checked report.
    expect(code.match(/\bbody: /g)).toEqual(["body: "]);
  });
});

describe("what the pane sends over the network, per insats", () => {
  const seen: { method: string; url: string; body: string }[] = [];
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        seen.push({ method: req.method ?? "", url: req.url ?? "", body });
        res.writeHead(201, { "content-type": "application/json", etag: '"1"' });
        res.end(JSON.stringify({ revision: 1 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("When the pane sends Sydost's workbook, then every request carries aggregates only: no personnummer, no row, each insats filed under its name", async () => {
    const reading = await sydostReading({ Jobbcoacher: "Jobbcoacher hos Anna 19850710-5032" });
    const items = reportsToSend(reading, "sydost", {
      budgets: [],
      periods: { Deltagare: ["2023", "2024"] },
    });
    const client = new ServiceClient({ serviceUrl: url, token: "t0ken-0123456789abcdef" });
    for (const item of items) await client.send(item.address, item.report, { kind: "new" }, "key");
    expect(seen).toHaveLength(6);
    const personnummer = new Set(reading.participantReadings[0]!.participants.map((p) => p.idText ?? ""));
    for (const request of seen) {
      const text = decodeURIComponent(request.url) + request.body;
      expect(identifyingIn(text)).toBeNull();
      for (const id of personnummer) if (id) expect(text).not.toContain(id.replace(/^\d{2}/, ""));
      expect(text).not.toMatch(/sheetRow|idText|birth|avslutsorsak|inskriv/i);
      const report = ParticipantsReport.parse(JSON.parse(request.body));
      // Filed under the insats the body names; never the whole list.
      const filed = new URL(request.url, url).searchParams.get("insats");
      expect(filed).toBe(report.insats);
      expect(report.insats).not.toBeNull();
    }
    const names = [...new Set(seen.map((r) => JSON.parse(r.body).insats))].sort();
    expect(names).toEqual(["IPS – individanpassat stöd till arbete", "Insats 2", "Unga till arbete"].sort());
  });
});
