/**
 * The Express 5 app of the sync service and its start/stop: security headers, a body size
 * limit, structured logs without tokens or bodies, the API, the task pane's static files and
 * the network's page at /.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import cors from "cors";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { type Logger, pino } from "pino";
import { CLIENT_HEADER, type Health, OVERRIDE_HEADER } from "../shared/api";
import { SamsynError } from "../shared/failures";
import { ROUTES } from "../shared/routes";
import { authFailureLimiter, carriesValidToken } from "./auth";
import { errorBody, errorHandler, unknownRoute } from "./errors";
import { isStorable, unstorableText } from "./input";
import { type MergeThread, mergeThread } from "./merge-thread";
import { PROJECT_ROOT } from "./project-root";
import { apiRouter } from "./routes";
import { warmMerges } from "./routes/merged";
import { staticFiles } from "./static-files";
import { openStore } from "./store/engines";
import type { Store } from "./store/types";

export interface AppDeps {
  readonly store: Store;
  readonly logger: Logger;
  /** The admin's bearer token; without one, admin endpoints answer 403 to everyone. */
  readonly adminToken?: string | undefined;
  /** Largest accepted JSON body, as body-parser reads it ("2mb"). */
  readonly bodyLimit?: string;
  /** Failed authentications per client address and window before 429. */
  readonly authFailureLimit?: number;
  readonly authFailureWindowMs?: number;
  /** The built task pane (npm run build). */
  readonly addinDir?: string;
  /** The built network page (npm run build): index.html and web/… */
  readonly webDir?: string;
  /** Express's "trust proxy" (hops or a list), so the rate limit sees clients behind a reverse proxy. */
  readonly trustProxy?: number | string;
  /**
   * Exact origins of a task pane hosted somewhere else, allowed to call /api from a browser.
   * Empty (the default): no CORS headers at all, since the pane is served from this origin.
   */
  readonly paneOrigins?: readonly string[];
  /** Smallest count a shared participants report may publish (SAMSYN_SUPPRESSION_THRESHOLD). */
  readonly suppressionThreshold?: number;
  /** Where merges run; default a worker thread of the router's own. */
  readonly merges?: MergeThread;
}

const OFFICE_JS = "https://appsforoffice.microsoft.com";

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    // Taken now: inside a mounted router req.path loses its prefix. No query string: it could carry anything.
    const requestPath = req.path.slice(0, 200);
    res.on("finish", () => {
      // Method, path and status only: never headers (tokens) or bodies.
      logger.info(
        {
          method: req.method,
          path: requestPath,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
          principal: res.locals.principal,
        },
        "request",
      );
    });
    next();
  };
}

/**
 * A path segment or query value the database could not store (NUL) is refused here, naming
 * it, before any route or store sees it. Undecodable segments are left to Express's own 400.
 */
const storableAddress: RequestHandler = (req, _res, next) => {
  for (const segment of req.path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue;
    }
    if (!isStorable(decoded)) return next(unstorableText("(path)"));
  }
  for (const [name, value] of Object.entries(req.query))
    for (const v of Array.isArray(value) ? value : [value])
      if (typeof v === "string" && !isStorable(v))
        return next(unstorableText(isStorable(name) ? name : "(query)"));
  next();
};

/** CORS for exactly the pane's origins: an origin not listed gets no Access-Control-Allow-Origin. */
function paneCors(origins: readonly string[]): RequestHandler {
  return cors({
    origin: [...origins],
    methods: ["GET", "HEAD", "PUT", "POST", "DELETE"],
    allowedHeaders: [
      "Authorization",
      "Content-Type",
      "If-Match",
      "If-None-Match",
      "Idempotency-Key",
      CLIENT_HEADER,
      OVERRIDE_HEADER,
    ],
    // The pane reads the revision it sent or fetched from ETag.
    exposedHeaders: ["ETag"],
    maxAge: 600,
  });
}

/** The admin token opens every association: one short enough to guess is refused at start. */
export const MIN_ADMIN_TOKEN = 32;

export function checkAdminToken(token: string | undefined): string | undefined {
  if (token === undefined || token === "") return undefined;
  if (token.length < MIN_ADMIN_TOKEN)
    throw new SamsynError({ code: "admin-token-too-short", length: token.length, min: MIN_ADMIN_TOKEN });
  return token;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
/** Below 3 a published count and its total can single out one or two people. */
export const MIN_SUPPRESSION_THRESHOLD = 3;

/** SAMSYN_SUPPRESSION_THRESHOLD: a whole number, 3 or more (at most 100, as a report's own). */
export function checkSuppressionThreshold(value: string | number | undefined): number {
  if (value === undefined || value === "") return DEFAULT_SUPPRESSION_THRESHOLD;
  const n = typeof value === "number" ? value : /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < MIN_SUPPRESSION_THRESHOLD || n > 100)
    throw new SamsynError({
      code: "invalid-suppression-threshold",
      value: String(value),
      min: MIN_SUPPRESSION_THRESHOLD,
    });
  return n;
}

/**
 * The pane's origins (SAMSYN_PANE_ORIGINS, comma-separated): each an exact scheme://host[:port],
 * so a typo fails at start rather than silently matching no browser's Origin.
 */
export function checkPaneOrigins(list: readonly string[]): string[] {
  const origins = list.map((s) => s.trim()).filter((s) => s.length > 0);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
      throw new SamsynError({ code: "invalid-pane-origin", origin });
  }
  return origins;
}

/** The task pane's built files with the CSP they need; the playground serves them the same way. */
export function addinFiles(dir: string): express.Router {
  const router = express.Router();
  // Loaded inside Excel's iframe: no frame-ancestors or X-Frame-Options here; office.js from Microsoft's CDN.
  router.use(
    helmet({
      frameguard: false,
      // Excel (another origin) loads the ribbon icons from here.
      crossOriginResourcePolicy: { policy: "cross-origin" },
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", OFFICE_JS],
          connectSrc: ["'self'", OFFICE_JS],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:", OFFICE_JS],
          fontSrc: ["'self'", "data:"],
          frameAncestors: null,
          // Served over plain http on localhost by `npm start`: upgrading would break its own scripts.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  const files = staticFiles(dir, ["taskpane.html", "index.html"]);
  router.use((req, res, next) => {
    if (!existsSync(dir)) return next(new SamsynError({ code: "not-built", what: "addin" }));
    files(req, res, next);
  });
  return router;
}

/** Where the page's index.html says this response's nonce goes. */
const NONCE_PLACEHOLDER = "__CSP_NONCE__";

const notBuilt = () => new SamsynError({ code: "not-built", what: "page" });

/**
 * The page's CSP: scripts only from here (no inline script, no eval), requests only to here;
 * styles from here or from <style> elements carrying this response's nonce — Griffel, Fluent
 * UI's CSS-in-JS, writes its rules into such elements, so 'unsafe-inline' is not needed.
 */
const pageHelmet = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: [
        "'self'",
        (_req, res) =>
          `'nonce-${(res as ServerResponse & { locals: { cspNonce: string } }).locals.cspNonce}'`,
      ],
      connectSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: "deny" },
});

/** GET /: the page, its nonce fresh for each response and never cached (the nonce would be reused). */
export function networkPage(dir: string): RequestHandler {
  return (req, res, next) => {
    let html: string;
    try {
      html = readFileSync(path.join(dir, "index.html"), "utf8");
    } catch {
      return next(notBuilt());
    }
    const nonce = randomBytes(18).toString("base64");
    res.locals.cspNonce = nonce;
    pageHelmet(req, res, () => {
      res.set("Cache-Control", "no-store").type("html").send(html.replaceAll(NONCE_PLACEHOLDER, nonce));
    });
  };
}

/** /web/…: the page's script and icon under the same CSP (index.html only through GET /). */
export function pageAssets(dir: string): express.Router {
  const router = express.Router();
  router.use(pageHelmet);
  const files = staticFiles(dir, false);
  router.use((req, res, next) => {
    if (req.path === "/index.html" || req.path.startsWith("/index.html.")) return next();
    if (!existsSync(dir)) return next(notBuilt());
    files(req, res, next);
  });
  return router;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  if (deps.trustProxy !== undefined) app.set("trust proxy", deps.trustProxy);
  app.use(requestLog(deps.logger));
  app.use("/addin", addinFiles(deps.addinDir ?? path.join(PROJECT_ROOT, "dist/addin")));
  const webDir = deps.webDir ?? path.join(PROJECT_ROOT, "dist/web");
  app.get("/", networkPage(webDir));
  app.use("/web", pageAssets(webDir));
  app.use(helmet());
  app.get(ROUTES.health.path, async (_req, res) => {
    await deps.store.listAssociations();
    const health: Health = { ok: true, engine: deps.store.engine };
    res.json(health);
  });
  // Before the rate limit, so preflights are not counted and a 429 still reaches the pane.
  if (deps.paneOrigins?.length) app.use("/api", paneCors(deps.paneOrigins));
  app.use(
    "/api",
    authFailureLimiter(deps.authFailureLimit ?? 30, deps.authFailureWindowMs ?? 15 * 60_000, (req) =>
      carriesValidToken(req, deps.store, deps.adminToken),
    ),
    storableAddress,
    apiRouter({
      store: deps.store,
      adminToken: deps.adminToken,
      // Run by each route after it has checked the token: no body is read for a stranger.
      jsonParser: express.json({
        limit: deps.bodyLimit ?? "2mb",
        strict: true,
        type: ["application/json", "application/*+json"],
      }),
      suppressionThreshold: deps.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
      ...(deps.merges ? { merges: deps.merges } : {}),
    }),
  );
  app.use(unknownRoute);
  app.use(errorHandler(deps.logger));
  return app;
}

export interface WebServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly adminToken?: string;
  readonly logger?: Logger;
  readonly bodyLimit?: string;
  readonly authFailureLimit?: number;
  readonly addinDir?: string;
  readonly webDir?: string;
  /** Default: SAMSYN_PANE_ORIGINS. */
  readonly paneOrigins?: readonly string[];
  /** Default: SAMSYN_SUPPRESSION_THRESHOLD, else 5. */
  readonly suppressionThreshold?: number;
}

/** A client has this long to send its request's headers, however slowly it trickles them. */
export const HEADERS_TIMEOUT_MS = 20_000;
/** …and this long for the whole request, body included (a 2 MB report on a slow line). */
export const REQUEST_TIMEOUT_MS = 120_000;
/**
 * Open connections one address may hold. An office behind one NAT is one address: a browser
 * opens about six per site, so this is some twenty colleagues at once, not one client's many.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 128;

/**
 * The HTTP server under the app, with its time limits checked every second (Node checks
 * every 30 s by default, which lets a slow client hold a socket half a minute past them),
 * and a cap on the connections each address holds open: past it, a new connection is
 * answered 429 and closed before a byte of its request is read.
 */
export function httpServer(app: Express, maxPerAddress: number | null): Server {
  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
    },
    app,
  );
  if (maxPerAddress === null) return server;
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > maxPerAddress) {
      refuseConnection(socket, maxPerAddress);
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
  return server;
}

/** A whole HTTP answer written straight to the socket: the failure, coded, and then the socket closed. */
function refuseConnection(socket: Socket, limit: number): void {
  const body = JSON.stringify(errorBody(new SamsynError({ code: "too-many-connections", limit })));
  socket.on("error", () => {});
  socket.end(
    [
      "HTTP/1.1 429 Too Many Requests",
      "Content-Type: application/json; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Retry-After: 5",
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
  socket.destroySoon();
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  close(): Promise<void>;
}

/** SAMSYN_TRUST_PROXY: a hop count ("1") or addresses ("loopback, 10.0.0.0/8"). */
function trustProxyFromEnv(value: string | undefined): { trustProxy?: number | string } {
  if (!value) return {};
  return { trustProxy: /^\d+$/.test(value) ? Number(value) : value };
}

export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const logger = options.logger ?? pino({ name: "samsyn", level: process.env.LOG_LEVEL ?? "info" });
  // Checked before the store opens: a bad setting must not leave a PGlite folder locked.
  const paneOrigins = checkPaneOrigins(
    options.paneOrigins ?? (process.env.SAMSYN_PANE_ORIGINS ?? "").split(","),
  );
  const adminToken = checkAdminToken(options.adminToken ?? process.env.SAMSYN_ADMIN_TOKEN);
  const suppressionThreshold = checkSuppressionThreshold(
    options.suppressionThreshold ?? process.env.SAMSYN_SUPPRESSION_THRESHOLD,
  );
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  // The merge worker starts with the service, while the store opens: the first merge does not
  // wait for it to load, and the service says it is listening once both are ready.
  const merges = mergeThread();
  const warming = merges.start();
  let store: Store;
  try {
    store = await openStore(
      databaseUrl ? { databaseUrl } : { dataDir: options.dataDir ?? process.env.SAMSYN_DATA ?? "./data" },
    );
  } catch (e) {
    await merges.close();
    throw e;
  }
  // The newest years' reports parsed in the worker while the server starts listening, so the
  // first merge finds them as a later one does; a failure here only leaves that merge slower.
  const warmed = warming
    .then(() => warmMerges(store, merges))
    .catch((e: unknown) => logger.warn({ err: e }, "merge warm-up failed"));
  const trustProxy = trustProxyFromEnv(process.env.SAMSYN_TRUST_PROXY);
  const app = createApp({
    store,
    logger,
    merges,
    adminToken,
    suppressionThreshold,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.authFailureLimit !== undefined ? { authFailureLimit: options.authFailureLimit } : {}),
    ...(options.addinDir ? { addinDir: options.addinDir } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
    ...trustProxy,
    paneOrigins,
  });
  const host = options.host ?? "127.0.0.1";
  // Behind a reverse proxy every connection comes from the proxy, which holds the clients' own.
  const server = httpServer(app, trustProxy.trustProxy === undefined ? MAX_CONNECTIONS_PER_ADDRESS : null);
  server.listen(options.port ?? 3000, host);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    await warmed;
  } catch (e) {
    await merges.close();
    await store.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, engine: store.engine }, "samsyn service listening");
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    store,
    close: async () => {
      // Requests in flight may finish (a revision half-acknowledged helps no one); idle sockets go now.
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await merges.close();
      await store.close();
    },
  };
}
