/**
 * What every route shares: the request's parts read and checked (kind, period, revision,
 * preconditions, the JSON body), and the route context — who is calling, the store, the
 * merge thread.
 */
import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import type { ClientKind } from "../../shared/api";
import { SamsynError } from "../../shared/failures";
import { parsePeriod as parsePeriodText, parseYear } from "../../shared/period";
import { ReportKind } from "../../shared/report";
import type { RouteSpec } from "../../shared/routes";
import { type Principal, principalOf } from "../auth";
import { type BodyName, invalidBody } from "../errors";
import { checkInsats, checkStorableJson } from "../input";
import { type MergeThread, mergeThread } from "../merge-thread";
import type { Association, Store } from "../store/types";

export interface RouteDeps {
  readonly store: Store;
  readonly adminToken?: string | undefined;
  /** Reads a JSON body; run only once the caller is known. */
  readonly jsonParser: RequestHandler;
  /** Counts from 1 to threshold − 1 must arrive suppressed. */
  readonly suppressionThreshold: number;
  /** Where merges run, off the main thread (default: a worker of the router's own). */
  readonly merges?: MergeThread;
}

/** What the route modules get: the deps, and the steps each handler starts with. */
export interface RouteContext {
  readonly store: Store;
  readonly suppressionThreshold: number;
  readonly merges: MergeThread;
  /** The caller, from its token (401 without one); noted for the request log. */
  who(req: Request, res: Response): Promise<Principal>;
  /** The body read as JSON and checked against `schema`; only after `who`, so no stranger's body is read. */
  body<T extends z.ZodType>(schema: T, req: Request, res: Response, what: BodyName): Promise<z.infer<T>>;
  /** The association of the path, or 404. */
  existing(id: string): Promise<Association>;
}

export function routeContext(deps: RouteDeps): RouteContext {
  const { store } = deps;
  return {
    store,
    suppressionThreshold: deps.suppressionThreshold,
    merges: deps.merges ?? mergeThread(),
    who: async (req, res) => {
      const p = await principalOf(req, store, deps.adminToken);
      res.locals.principal = p.kind === "association" ? `association:${p.associationId}` : p.kind;
      return p;
    },
    body: (schema, req, res, what) => parseBody(schema, req, res, deps.jsonParser, what),
    existing: async (id) => {
      const a = await store.getAssociation(id);
      if (!a) throw new SamsynError({ code: "not-found", what: "association" });
      return a;
    },
  };
}

/** The names of a route's path parameters, each a string as Express gives it. */
type ParamsOf<R extends RouteSpec> = R extends { params: z.ZodObject<infer S> }
  ? { [K in keyof S & string]: string }
  : Record<string, never>;

export type RouteHandler<R extends RouteSpec> = (req: Request<ParamsOf<R>>, res: Response) => Promise<void>;

/** A route of the table (shared/routes.ts) as Express registers it under /api: "{id}" becomes ":id". */
export function expressPath(spec: RouteSpec): string {
  return spec.path.replace(/^\/api(?=\/)/, "").replace(/\{(\w+)\}/g, ":$1");
}

/** Registers the handler of a route of the table: its method and path are the table's. */
export function on<R extends RouteSpec>(router: Router, spec: R, handler: RouteHandler<R>): void {
  router[spec.method](expressPath(spec), handler as unknown as RequestHandler);
}

export function parseKind(raw: string): ReportKind {
  const kind = ReportKind.safeParse(raw);
  if (!kind.success) throw new SamsynError({ code: "unknown-kind", text: raw });
  return kind.data;
}

/** A period of the path, read by the one grammar (shared/period.ts) and given back canonical. */
/**
 * The insats a report is filed under (?insats=…): a name the service takes (checkInsats), or ''
 * for the whole list when none is given.
 */
export function parseInsats(raw: unknown): string {
  if (raw === undefined || raw === "") return "";
  if (typeof raw !== "string") throw new SamsynError({ code: "bad-request" });
  checkInsats(raw);
  return raw;
}

export function parsePeriod(raw: string, expected: "year" | "period"): string {
  const key = expected === "year" ? parseYear(raw) : (parsePeriodText(raw)?.key ?? null);
  if (key === null) throw new SamsynError({ code: "invalid-period", text: raw, expected });
  return key;
}

export function parseRevision(raw: unknown, name: string): number {
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw) || Number(raw) < 1)
    throw new SamsynError({ code: "invalid-revision", name });
  return Number(raw);
}

/** If-Match: "3", W/"3" or 3. */
function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m)
    throw new SamsynError({ code: "invalid-if-match" }, [{ path: "If-Match", message: "a revision number" }]);
  return Number(m[1]);
}

/**
 * The writer's base: If-Match names the revision it edited, If-None-Match: * says it saw no
 * report (its first send); null is that "none". Both at once cannot both hold.
 */
export function parseBase(
  ifMatch: string | undefined,
  ifNoneMatch: string | undefined,
): number | null | undefined {
  if (ifNoneMatch === undefined) return parseIfMatch(ifMatch);
  if (ifNoneMatch.trim() !== "*")
    throw new SamsynError({ code: "invalid-if-none-match" }, [{ path: "If-None-Match", message: "only *" }]);
  if (ifMatch !== undefined)
    throw new SamsynError({ code: "conflicting-preconditions" }, [
      { path: "If-None-Match", message: "not with If-Match" },
    ]);
  return null;
}

/** X-Samsyn-Client: the add-in and the CLI say who they are; any other sender is "api". */
export function clientOf(raw: string | undefined): ClientKind {
  const name = raw?.trim().toLowerCase();
  return name === "addin" || name === "cli" ? name : "api";
}

export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(raw))
    throw new SamsynError({ code: "invalid-idempotency-key" }, [
      { path: "Idempotency-Key", message: "1–200 visible ASCII characters" },
    ]);
  return raw;
}

async function jsonBody(
  req: Request,
  res: Response,
  parser: RequestHandler,
  what: BodyName,
): Promise<unknown> {
  await new Promise<void>((resolve, reject) => {
    void parser(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
  if (req.body === undefined) throw new SamsynError({ code: "json-required" });
  checkStorableJson(req.body, what);
  return req.body;
}

/** Whether the request came with a body at all (body-parser leaves req.body undefined either way). */
export const hasBody = (req: Request): boolean =>
  req.get("transfer-encoding") !== undefined || Number(req.get("content-length") ?? 0) > 0;

async function parseBody<T extends z.ZodType>(
  schema: T,
  req: Request,
  res: Response,
  parser: RequestHandler,
  what: BodyName,
): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await jsonBody(req, res, parser, what));
  if (!parsed.success) throw invalidBody(parsed.error, what);
  return parsed.data;
}

export const etag = (revision: number): string => `"${revision}"`;
