/**
 * Participant rows never leave the workbook. The add-in reaches the network in one module
 * (addin/sync/service.ts), only towards the service the user signed in to, only with
 * reports checked against the shareable schema; the token is kept in one other module
 * (addin/sync/credentials.ts). Nothing else in addin/ may touch the network or storage.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

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
