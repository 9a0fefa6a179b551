/** What surrounds the API: the task pane's files with headers Excel can frame, and logs that never carry a token. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startWebServer } from "../../service/server";
import { ADMIN, bearer, createAssociation, putReport, simpleBudget } from "./helpers";

const addinDir = mkdtempSync(path.join(tmpdir(), "samsyn-addin-"));
afterAll(() => rmSync(addinDir, { recursive: true, force: true }));

describe("web server around the API", () => {
  it("When the task pane is built, then /addin/ serves it with office.js allowed and no framing ban; the API keeps its own headers", async () => {
    writeFileSync(path.join(addinDir, "taskpane.html"), "<!doctype html><title>Samsyn</title>");
    const server = await startWebServer({
      port: 0,
      dataDir: "memory://",
      adminToken: ADMIN,
      addinDir,
      logger: pino({ level: "silent" }),
    });
    try {
      const pane = await fetch(`${server.url}/addin/taskpane.html`);
      expect([pane.status, await pane.text(), pane.headers.get("x-frame-options")]).toEqual([
        200,
        "<!doctype html><title>Samsyn</title>",
        null,
      ]);
      const csp = pane.headers.get("content-security-policy") ?? "";
      expect([
        csp.includes("script-src 'self' https://appsforoffice.microsoft.com"),
        csp.includes("frame-ancestors"),
      ]).toEqual([true, false]);
      const missing = await fetch(`${server.url}/addin/nothing.js`);
      expect(missing.status).toBe(404);
      const api = await fetch(`${server.url}/api/openapi.json`);
      expect([
        api.headers.get("x-frame-options"),
        api.headers.get("content-security-policy")?.includes("frame-ancestors 'self'"),
      ]).toEqual(["SAMEORIGIN", true]);
    } finally {
      await server.close();
    }
  });

  it("When requests carry tokens, then the log has method, path, status and who — never a token or a body", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const server = await startWebServer({ port: 0, dataDir: "memory://", adminToken: ADMIN, logger });
    try {
      const ale = await createAssociation(server.url, "Ale", 1);
      await putReport(server.url, ale, "budget", "2008", simpleBudget(["2008"]));
      await fetch(`${server.url}/api/merged/budget/2008`, { headers: bearer("samsyn_bad_secret") });
      const log = lines.join("");
      expect([
        log.includes(ale.token),
        log.includes(ADMIN),
        log.includes("samsyn_bad_secret"),
        log.includes("Medlemsbidrag"),
      ]).toEqual([false, false, false, false]);
      const requests = lines
        .map((l) => JSON.parse(l) as { msg: string; status?: number; principal?: string; path?: string })
        .filter((l) => l.msg === "request");
      expect(requests.map((r) => [r.path, r.status, r.principal])).toEqual([
        ["/api/associations", 201, "admin"],
        [`/api/associations/${ale.id}/reports/budget/2008`, 201, `association:${ale.id}`],
        ["/api/merged/budget/2008", 401, undefined],
      ]);
    } finally {
      await server.close();
    }
  });
});
