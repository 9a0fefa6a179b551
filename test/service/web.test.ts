/** What surrounds the API: the task pane's files with headers Excel can frame, CORS only for configured pane origins, and logs that never carry a token. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startWebServer, type WebServer } from "../../service/server";
import { CLIENT_HEADER, OVERRIDE_HEADER } from "../../shared/api";
import { SamsynError } from "../../shared/failures";
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

  describe("the network's page at /", () => {
    const webDir = mkdtempSync(path.join(tmpdir(), "samsyn-web-"));
    afterAll(() => rmSync(webDir, { recursive: true, force: true }));
    const cspOf = (r: Response) =>
      new Map(
        (r.headers.get("content-security-policy") ?? "")
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name!, values]),
      );

    it("When the page is built, then / serves it with a fresh style nonce under a CSP that allows no inline script and no other origin; its script is under /web/; /api, /healthz and the JSON 404 stay", async () => {
      writeFileSync(
        path.join(webDir, "index.html"),
        '<!doctype html><meta property="csp-nonce" nonce="__CSP_NONCE__"><script src="web/web.js"></script>',
      );
      writeFileSync(path.join(webDir, "web.js"), "void 0;");
      const server = await startWebServer({
        port: 0,
        dataDir: "memory://",
        adminToken: ADMIN,
        addinDir,
        webDir,
        logger: pino({ level: "silent" }),
      });
      try {
        const [first, second] = [await fetch(`${server.url}/`), await fetch(`${server.url}/`)];
        const html = await first.text();
        const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? "";
        const csp = cspOf(first);
        expect([first.status, first.headers.get("content-type"), first.headers.get("cache-control")]).toEqual(
          [200, "text/html; charset=utf-8", "no-store"],
        );
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
        expect(Object.fromEntries(csp)).toEqual({
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "script-src-attr": ["'none'"],
          "style-src": ["'self'", `'nonce-${nonce}'`],
          "connect-src": ["'self'"],
          "img-src": ["'self'"],
          "font-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'none'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        });
        // A nonce is good for one response only.
        expect(cspOf(second).get("style-src")?.[1]).not.toBe(`'nonce-${nonce}'`);
        expect((await second.text()).includes(nonce)).toBe(false);

        const script = await fetch(`${server.url}/web/web.js`);
        expect([script.status, await script.text(), cspOf(script).get("script-src")]).toEqual([
          200,
          "void 0;",
          ["'self'"],
        ]);
        // The template itself (with its placeholder) is not served; unknown paths get the API's JSON 404.
        for (const missing of ["/web/index.html", "/web/", "/index.html", "/nothing"]) {
          const r = await fetch(`${server.url}${missing}`);
          expect([missing, r.status, ((await r.json()) as { error: { code: string } }).error.code]).toEqual([
            missing,
            404,
            "not-found",
          ]);
        }
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        expect((await fetch(`${server.url}/api/me`)).status).toBe(401);
        expect((await fetch(`${server.url}/addin/taskpane.html`)).status).toBe(200);
      } finally {
        await server.close();
      }
    });

    it("When the page is not built, then / says so in both languages as JSON, never a stack trace", async () => {
      const server = await startWebServer({
        port: 0,
        dataDir: "memory://",
        adminToken: ADMIN,
        webDir: path.join(webDir, "absent"),
        logger: pino({ level: "silent" }),
      });
      try {
        const r = await fetch(`${server.url}/`);
        expect([r.status, await r.json()]).toEqual([
          404,
          {
            error: {
              code: "not-built",
              message:
                "Sidan saknas i den här installationen; Samsyn behöver byggas om där det är installerat.",
              messageEn: "The page is not built: run npm run build.",
            },
          },
        ]);
      } finally {
        await server.close();
      }
    });
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
          expect(failed instanceof SamsynError && failed.failure).toEqual({
            code: "invalid-pane-origin",
            origin: bad,
          });
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
