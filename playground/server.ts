/**
 * The playground's server: the task pane's built files at /addin/ exactly as the service serves
 * them, the playground page at /, the workbook's way in and out (/playground/*), and /api and
 * /healthz passed to the Samsyn service so the pane talks to it as it does inside Excel.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { type Logger, pino } from "pino";
import * as z from "zod";
import { errorHandler, unknownRoute } from "../service/errors";
import { PROJECT_ROOT } from "../service/project-root";
import { addinFiles } from "../service/server";
import { SamsynError } from "../shared/failures";
import { MAX_FILE_BYTES } from "../xlsx/read";
import { readLayout, saveDownload } from "./download";
import { type BookJson, FakeBook } from "./fake-excel/book";
import { applyLayout, type BookWithLayout, type LayoutJson } from "./fake-excel/layout";
import { loadBook } from "./fake-excel/xlsx";
import { serviceProxy } from "./proxy";

const REPO = PROJECT_ROOT;
export const DEFAULT_ADDIN_DIR = path.join(REPO, "dist/addin");
export const DEFAULT_PLAYGROUND_DIR = path.join(REPO, "dist/playground");
export const DEFAULT_SERVICE_URL = "http://127.0.0.1:3000";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface PlaygroundOptions {
  /** 0 for any free port (tests). Default 4000. */
  readonly port?: number;
  /** Default 127.0.0.1: the playground is for this computer. */
  readonly host?: string;
  /** The workbook the playground starts with; without one, an empty book with a sheet "Blad1". */
  readonly file?: string;
  /** The Samsyn service /api and /healthz go to. Default SAMSYN_SERVICE_URL or http://127.0.0.1:3000. */
  readonly serviceUrl?: string;
  /** The built task pane (npm run build). */
  readonly addinDir?: string;
  /** The built playground page, beside the pane in dist/. */
  readonly playgroundDir?: string;
  readonly logger?: Logger;
}

export interface Playground {
  /** The page's address, ending in "/". */
  readonly url: string;
  readonly port: number;
  readonly serviceUrl: string;
  close(): Promise<void>;
}

function checkServiceUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash)
    throw new SamsynError({ code: "invalid-service-url", url: value });
  return url.href.replace(/\/+$/, "");
}

/** A FakeBook through a temporary file: loadBook and saveBook are the fake's one way to and from .xlsx. */
async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "samsyn-playground-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The shape of a BookJson, checked before the fake trusts it; extra fields pass (newer fakes add some). */
const bookJsonSchema = z.looseObject({
  sheets: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(31),
        cells: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)]).rest(z.unknown())),
        merges: z.array(z.string()),
        notes: z.array(z.tuple([z.string(), z.string()])),
      }),
    )
    .min(1),
  tables: z.array(
    z.looseObject({ name: z.string(), sheet: z.string(), range: z.string(), style: z.string() }),
  ),
  settings: z.array(z.tuple([z.string(), z.unknown()])),
  active: z.string(),
});

function bookOf(body: unknown): FakeBook {
  const parsed = bookJsonSchema.safeParse(body);
  const invalid = new SamsynError({ code: "invalid-book" });
  if (!parsed.success) throw invalid;
  try {
    return applyLayout(FakeBook.fromJSON(body as BookJson), (body as { layout?: LayoutJson }).layout);
  } catch {
    throw invalid;
  }
}

function workbookRoutes(start: BookWithLayout, bookName: string | null, serviceUrl: string): express.Router {
  const router = express.Router();
  router.use(helmet());
  router.get("/book.json", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (bookName) res.setHeader("X-Samsyn-Book-Name", encodeURIComponent(bookName));
    res.setHeader("X-Samsyn-Service", encodeURIComponent(serviceUrl));
    res.json(start);
  });
  router.post("/open", express.raw({ type: () => true, limit: MAX_FILE_BYTES }), async (req, res, next) => {
    const body = req.body as unknown;
    if (!Buffer.isBuffer(body) || body.length === 0) return next(new SamsynError({ code: "no-file" }));
    try {
      const book = await withTempDir(async (dir) => {
        const file = path.join(dir, "upload.xlsx");
        await writeFile(file, body);
        const book = await loadBook(file);
        return { ...book.toJSON(), layout: await readLayout(file) };
      });
      res.setHeader("Cache-Control", "no-store");
      res.json(book);
    } catch (e) {
      // A workbook that cannot be read is the reader's own failure, said as it says it.
      next(e);
    }
  });
  router.post("/download", express.json({ limit: "100mb" }), async (req, res, next) => {
    try {
      const book = bookOf(req.body);
      const bytes = await withTempDir(async (dir) => {
        const file = path.join(dir, "arbetsbok.xlsx");
        try {
          await saveDownload(book, file);
        } catch (e) {
          throw new SamsynError({
            code: "book-not-saved",
            detail: e instanceof Error ? e.message.slice(0, 200) : "",
          });
        }
        return readFile(file);
      });
      res.setHeader("Content-Type", XLSX);
      res.setHeader("Content-Disposition", 'attachment; filename="arbetsbok.xlsx"');
      res.setHeader("Cache-Control", "no-store");
      res.send(bytes);
    } catch (e) {
      next(e);
    }
  });
  return router;
}

/** The page's own CSP: nothing inline but styles (Fluent's runtime styles), frames only from here. */
function pageFiles(dir: string): RequestHandler[] {
  const files = express.static(dir, { index: ["index.html"], fallthrough: true });
  return [
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          frameSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          // Served over plain http on localhost: upgrading would break its own scripts.
          upgradeInsecureRequests: null,
        },
      },
    }),
    (req, res, next) =>
      files(req, res, (error?: unknown) => {
        if (error) return next(error);
        if (req.path === "/" || req.path === "/index.html")
          return next(new SamsynError({ code: "not-built", what: "playground" }));
        next();
      }),
  ];
}

export function createPlaygroundApp(options: {
  readonly start: BookWithLayout;
  readonly bookName: string | null;
  readonly serviceUrl: string;
  readonly addinDir: string;
  readonly playgroundDir: string;
  readonly logger: Logger;
}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // First, before any body parser: the service reads the bodies, streamed as they come.
  const proxy = serviceProxy(options.serviceUrl);
  app.use("/api", proxy);
  app.all("/healthz", proxy);
  // The pane's files, unchanged; the Server-Timing mark lets a pane opened directly in a tab
  // here link to the playground (addin/ui/embedding.ts).
  app.use(
    "/addin",
    (_req, res, next) => {
      res.setHeader("Server-Timing", 'samsyn-playground;desc="/"');
      next();
    },
    addinFiles(options.addinDir),
  );
  app.use("/playground", workbookRoutes(options.start, options.bookName, options.serviceUrl));
  app.use("/", ...pageFiles(options.playgroundDir));
  app.use(unknownRoute);
  app.use(errorHandler(options.logger));
  return app;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const logger =
    options.logger ?? pino({ name: "samsyn-playground", level: process.env.LOG_LEVEL ?? "warn" });
  const serviceUrl = checkServiceUrl(
    options.serviceUrl ?? process.env.SAMSYN_SERVICE_URL ?? DEFAULT_SERVICE_URL,
  );
  const book = options.file ? await loadBook(options.file) : new FakeBook();
  if (book.sheets.length === 0) book.addSheet("Blad1");
  const app = createPlaygroundApp({
    start: { ...book.toJSON(), ...(options.file ? { layout: await readLayout(options.file) } : {}) },
    bookName: options.file ? path.basename(options.file) : null,
    serviceUrl,
    addinDir: options.addinDir ?? DEFAULT_ADDIN_DIR,
    playgroundDir: options.playgroundDir ?? DEFAULT_PLAYGROUND_DIR,
    logger,
  });
  const host = options.host ?? "127.0.0.1";
  const server = app.listen(options.port ?? 4000, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    port,
    serviceUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
