/**
 * The route table (shared/routes.ts) and the one client (shared/client.ts): the service
 * registers exactly the table's routes and documents exactly them; the client builds each
 * request from the table, gives up after its time limit, and reads a failure from the answer's
 * error.code through the one failure model, falling back to the status only when there is none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { push } from "../cli/push";
import { openApiDocument } from "../service/api";
import type { MergeThread } from "../service/merge-thread";
import { apiRouter } from "../service/routes";
import { expressPath } from "../service/routes/request";
import type { Store } from "../service/store/types";
import { ClientFailure, SamsynClient } from "../shared/client";
import { SamsynError } from "../shared/failures";
import { ROUTES, type RouteSpec } from "../shared/routes";

const FIXTURES = resolve("../shared/fixtures");
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A stand-in service on port 0 that answers as told and remembers what it was asked. */
async function fakeService(answer: ((res: ServerResponse) => void) | "hang") {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (answer !== "hang") answer(res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const clientOf = (baseUrl: string, timeoutMs = 2_000) =>
  new SamsynClient({
    baseUrl,
    token: () => "samsyn_token",
    timeoutMs,
    client: "cli",
    transport: (url, init) => fetch(url, init),
  });

const json = (status: number, body: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
};
const serviceError = (code: string, extra: object = {}) => ({
  error: { code, message: `svenska ${code}`, messageEn: `english ${code}`, ...extra },
});

async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (e) {
    if (e instanceof ClientFailure) return e;
    throw e;
  }
  throw new Error("no failure");
}

/** What Express keeps of a registered route. */
interface Layer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
}

const TABLE = (Object.values(ROUTES) as RouteSpec[]).map((r) => `${r.method.toUpperCase()} ${r.path}`);

describe("the route table", () => {
  it("When the service's router is built, then it registers the table's routes under /api, each once, and nothing else but the OpenAPI document", () => {
    const router = apiRouter({
      store: {} as Store,
      jsonParser: (_req, _res, next) => next(),
      suppressionThreshold: 5,
      merges: {} as MergeThread,
    });
    const stack = (router as unknown as { stack: Layer[] }).stack;
    const registered = stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route?.path}`)
        : [],
    );
    const expected = (Object.values(ROUTES) as RouteSpec[])
      .filter((r) => r.path.startsWith("/api/"))
      .map((r) => `${r.method.toUpperCase()} ${expressPath(r)}`);
    expect(registered.filter((r) => r !== "GET /openapi.json").sort()).toEqual([...expected].sort());
    expect(new Set(registered).size).toBe(registered.length);
    // The workbook's path is registered before the view's, which would take "2014.xlsx" for a year.
    expect(registered.indexOf("GET /merged/:kind/:period.xlsx")).toBeLessThan(
      registered.indexOf("GET /merged/:kind/:period"),
    );
  });

  it("When the OpenAPI document is generated, then its paths and methods are exactly the table's", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...TABLE].sort());
  });
});

describe("the one client", () => {
  it("When a route is called, then its path is the table's with each parameter encoded, the query added, and the token and the client in headers", async () => {
    const service = await fakeService(json(200, { from: 1, to: 2, added: [], removed: [], changed: [] }));
    await clientOf(service.url)
      .call(ROUTES.diff, {
        params: { id: "a/b", kind: "budget", period: "2013-2015" },
        query: { from: "1", to: "2" },
      })
      .catch(() => null);
    const [seen] = service.seen;
    expect([seen?.method, seen?.url]).toEqual([
      "GET",
      "/api/associations/a%2Fb/reports/budget/2013-2015/diff?from=1&to=2",
    ]);
    expect([seen?.headers.authorization, seen?.headers["x-samsyn-client"]]).toEqual([
      "Bearer samsyn_token",
      "cli",
    ]);
  });

  it("When a body and the table's headers are given, then the body goes as JSON and the headers as named", async () => {
    const service = await fakeService(json(200, { overrides: [] }));
    const answer = await clientOf(service.url).call(ROUTES.setGroupOverride, {
      params: { id: "x" },
      body: { label: "Kansli", group: "kansli och administration" },
    });
    expect([answer.status, service.seen[0]?.body]).toEqual([
      200,
      '{"label":"Kansli","group":"kansli och administration"}',
    ]);
    const put = await fakeService(json(201, { revision: 4 }));
    const sent = await clientOf(put.url).call(ROUTES.putReport, {
      params: { id: "x", kind: "budget", period: "2008" },
      headers: { "If-Match": '"3"', "Idempotency-Key": "k-1" },
      body: { kind: "budget" } as never,
    });
    expect([sent.status, sent.data]).toEqual([201, { revision: 4 }]);
    const [seen] = put.seen;
    expect([seen?.method, seen?.headers["if-match"], seen?.headers["idempotency-key"], seen?.body]).toEqual([
      "PUT",
      '"3"',
      "k-1",
      '{"kind":"budget"}',
    ]);
    expect(seen?.headers["content-type"]).toBe("application/json");
  });

  it("When the service answers with its error body, then the failure follows error.code's kind, with its words and fields, whatever the status", async () => {
    const cases: [number, object, string][] = [
      [401, serviceError("unauthenticated"), "unauthenticated"],
      // The code decides, not the status.
      [400, serviceError("forbidden"), "forbidden"],
      [503, serviceError("database-interrupted"), "unreachable"],
      [413, serviceError("body-too-large", { limit: null }), "too-large"],
      [429, serviceError("too-many-failed-logins"), "rate-limited"],
      [500, serviceError("internal"), "service-error"],
      [409, serviceError("stale-revision", { currentRevision: 3 }), "rejected"],
      [400, serviceError("invalid-orgnr", { fields: [{ path: "orgnr", message: "checksum" }] }), "rejected"],
    ];
    for (const [status, body, code] of cases) {
      const service = await fakeService(json(status, body));
      const failure = await failureOf(() => clientOf(service.url).call(ROUTES.me, {}));
      const error = (body as ReturnType<typeof serviceError>).error;
      expect([failure.code, failure.status, failure.service?.code, failure.detail]).toEqual([
        code,
        status,
        error.code,
        { sv: error.message, en: error.messageEn },
      ]);
    }
    const conflict = await fakeService(json(409, serviceError("stale-revision", { currentRevision: 3 })));
    expect((await failureOf(() => clientOf(conflict.url).call(ROUTES.me, {}))).service?.currentRevision).toBe(
      3,
    );
    const orgnr = await fakeService(
      json(400, serviceError("invalid-orgnr", { fields: [{ path: "orgnr", message: "checksum" }] })),
    );
    expect((await failureOf(() => clientOf(orgnr.url).call(ROUTES.me, {}))).fields).toEqual([
      { path: "orgnr", message: "checksum" },
    ]);
  });

  it("When something else answers or nothing does, then the status, the time limit or the silence decides", async () => {
    const html = (status: number) => (res: ServerResponse) => {
      res.writeHead(status, { "content-type": "text/html" }).end("<h1>nej</h1>");
    };
    const expectations: [Parameters<typeof fakeService>[0], string][] = [
      [html(502), "unreachable"],
      [html(504), "timed-out"],
      [html(500), "service-error"],
      [html(404), "not-found"],
      [json(200, { hello: "world" }), "service-error"],
      ["hang", "timed-out"],
    ];
    for (const [answer, code] of expectations) {
      const service = await fakeService(answer);
      const failure = await failureOf(() => clientOf(service.url, 200).call(ROUTES.me, {}));
      expect([failure.code, failure.detail]).toEqual([code, null]);
    }
    const closed = await fakeService("hang");
    servers.pop()?.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await failureOf(() => clientOf(closed.url, 500).call(ROUTES.me, {}))).code).toBe("unreachable");
  });
});

describe("samsyn push", () => {
  it("When the service never answers, then push gives up after its time limit, tries once more, and says it cannot be reached", async () => {
    const service = await fakeService("hang");
    const started = Date.now();
    const thrown = await push(
      resolve(FIXTURES, "ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
      { to: service.url, association: "a", token: "t" },
      "sv",
      300,
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(SamsynError);
    expect((thrown as SamsynError).failure.code).toBe("service-unreachable");
    // The first try and the one retry, each cut off at the limit.
    expect(service.seen.map((s) => s.method)).toEqual(["PUT", "PUT"]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
