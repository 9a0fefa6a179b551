/** What surrounds the API: the task pane's files with headers Excel can frame, CORS only for configured pane origins, and logs that never carry a token. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { SettingError, startWebServer, type WebServer } from "../../service/server";
import { CLIENT_HEADER, OVERRIDE_HEADER } from "../../shared/api";
import { ADMIN, bearer, createAssociation, pgliteEngine, putReport, simpleBudget } from "./helpers";

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

  describe("CORS for a task pane hosted elsewhere", () => {
    const PANE = "https://excel.example.se";
    const serve = (paneOrigins?: string[]) =>
      startWebServer({
        port: 0,
        dataDir: "memory://",
        adminToken: ADMIN,
        logger: pino({ level: "silent" }),
        ...(paneOrigins ? { paneOrigins } : {}),
      });
    const corsHeaders = (r: Response) =>
      Object.fromEntries([...r.headers].filter(([name]) => name.startsWith("access-control-")));
    const preflight = (server: WebServer, origin: string, path = "/api/associations/x/reports/budget/2008") =>
      fetch(`${server.url}${path}`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "PUT",
          "access-control-request-headers":
            `authorization,content-type,if-none-match,idempotency-key,${CLIENT_HEADER},${OVERRIDE_HEADER}`.toLowerCase(),
        },
      });

    it("When the pane's origin is configured, then /api answers its preflight and requests and exposes ETag; any other origin gets no Access-Control-Allow-Origin", async () => {
      const server = await serve([PANE, "http://localhost:3001"]);
      try {
        const pre = await preflight(server, PANE);
        expect([pre.status, pre.headers.get("access-control-allow-origin"), pre.headers.get("vary")]).toEqual(
          [204, PANE, "Origin"],
        );
        expect(pre.headers.get("access-control-allow-headers")?.split(",")).toEqual([
          "Authorization",
          "Content-Type",
          "If-Match",
          "If-None-Match",
          "Idempotency-Key",
          CLIENT_HEADER,
          OVERRIDE_HEADER,
        ]);
        expect(pre.headers.get("access-control-allow-methods")?.split(",")).toContain("PUT");
        expect(pre.headers.get("access-control-allow-credentials")).toBeNull();

        const ale = await createAssociation(server.url, "Ale", 1);
        const put = await putReport(server.url, ale, "budget", "2008", simpleBudget(["2008"]), {
          origin: PANE,
          "if-none-match": "*",
        });
        expect([
          put.status,
          put.headers.get("access-control-allow-origin"),
          put.headers.get("access-control-expose-headers"),
          put.headers.get("etag"),
        ]).toEqual([201, PANE, "ETag", '"1"']);
        // An error must reach the pane too, or it cannot tell a revoked token from a dead network.
        const refused = await fetch(`${server.url}/api/me`, { headers: { origin: "http://localhost:3001" } });
        expect([refused.status, refused.headers.get("access-control-allow-origin")]).toEqual([
          401,
          "http://localhost:3001",
        ]);

        for (const stranger of [
          "https://evil.example",
          "null",
          `${PANE}.evil.example`,
          "http://excel.example.se",
        ]) {
          const pre2 = await preflight(server, stranger);
          const get = await fetch(`${server.url}/api/me`, {
            headers: { ...bearer(ale.token), origin: stranger },
          });
          expect([
            stranger,
            pre2.headers.get("access-control-allow-origin"),
            get.status,
            get.headers.get("access-control-allow-origin"),
          ]).toEqual([stranger, null, 200, null]);
        }
        // Only /api: the pane's own files and /healthz are not opened to other origins.
        const health = await fetch(`${server.url}/healthz`, { headers: { origin: PANE } });
        expect(corsHeaders(health)).toEqual({});
      } finally {
        await server.close();
      }
    });

    it("When SAMSYN_PANE_ORIGINS is not set, then no CORS headers at all, for any origin", async () => {
      const server = await serve();
      try {
        const pre = await preflight(server, PANE);
        const get = await fetch(`${server.url}/api/openapi.json`, { headers: { origin: PANE } });
        expect([corsHeaders(pre), corsHeaders(get), get.status]).toEqual([{}, {}, 200]);
      } finally {
        await server.close();
      }
    });

    it("When SAMSYN_PANE_ORIGINS is set in the environment, then startWebServer allows exactly those; a value that is no origin stops the start and leaves the data folder free", async () => {
      const saved = process.env.SAMSYN_PANE_ORIGINS;
      const engine = pgliteEngine();
      try {
        process.env.SAMSYN_PANE_ORIGINS = " https://a.example.se , https://b.example.se:8443,";
        const server = await serve();
        try {
          const allowed = await Promise.all(
            ["https://a.example.se", "https://b.example.se:8443", "https://b.example.se"].map(
              async (origin) => (await preflight(server, origin)).headers.get("access-control-allow-origin"),
            ),
          );
          expect(allowed).toEqual(["https://a.example.se", "https://b.example.se:8443", null]);
        } finally {
          await server.close();
        }

        const store = (await engine.storeOptions()) as { dataDir: string };
        for (const bad of [
          "*",
          "https://excel.example.se/",
          "excel.example.se",
          "https://x.example/pane",
          "ftp://x.example",
        ]) {
          process.env.SAMSYN_PANE_ORIGINS = bad;
          const failed = await startWebServer({ port: 0, ...store, logger: pino({ level: "silent" }) }).then(
            async (s) => {
              await s.close();
              return null;
            },
            (e: unknown) => e,
          );
          expect([bad, failed instanceof SettingError, String(failed)]).toEqual([
            bad,
            true,
            expect.stringContaining("SAMSYN_PANE_ORIGINS"),
          ]);
        }
        delete process.env.SAMSYN_PANE_ORIGINS;
        const after = await startWebServer({ port: 0, ...store, logger: pino({ level: "silent" }) });
        await after.close();
      } finally {
        if (saved === undefined) delete process.env.SAMSYN_PANE_ORIGINS;
        else process.env.SAMSYN_PANE_ORIGINS = saved;
        await engine.cleanup();
      }
    });
  });
});
