/**
 * The API routes: thin handlers that check who is calling, validate the path and the body,
 * and hand off to the store, the merge and the workbook builder.
 */
import { randomUUID } from "node:crypto";
import { type Request, type RequestHandler, type Response, Router } from "express";
import type { z } from "zod";
import {
  CLIENT_HEADER,
  type ClientKind,
  type Me,
  OVERRIDE_HEADER,
  type PutConflictCode,
  type RevisionList,
  type Status,
  type TokenList,
} from "../shared/api";
import { diffReports } from "../shared/diff";
import { validateOrganisationsnummer } from "../shared/identity";
import { pickReports } from "../shared/merge";
import { parsePeriod as parsePeriodText, parseYear, periodMessage } from "../shared/period";
import { Report, ReportKind } from "../shared/report";
import {
  AssociationTokenBody,
  CreateAssociationBody,
  GroupOverrideBody,
  NetworkTokenBody,
  openApiDocument,
  PERIOD,
  YEAR,
} from "./api";
import {
  issueToken,
  type Principal,
  principalOf,
  requireAdmin,
  requireAssociationOrAdmin,
  requireNetwork,
  requireOwnAssociation,
} from "./auth";
import { AppError, invalidBody, notFound } from "./errors";
import { checkStorableJson, checkSuppressed } from "./input";
import type { MergeJob } from "./merge-job";
import { type MergeThread, mergeThread } from "./merge-thread";
import type { Store } from "./store/types";

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

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function parseKind(raw: string): ReportKind {
  const kind = ReportKind.safeParse(raw);
  if (!kind.success)
    throw new AppError(
      404,
      "unknown-kind",
      `Okänd rapporttyp "${raw.slice(0, 40)}": använd budget eller participants.`,
      `Unknown report kind "${raw.slice(0, 40)}": use budget or participants.`,
    );
  return kind.data;
}

/** A period of the path, read by the one grammar (shared/period.ts) and given back canonical. */
function parsePeriod(raw: string, pattern: RegExp): string {
  const only = pattern === YEAR ? "year" : "period";
  const key = only === "year" ? parseYear(raw) : (parsePeriodText(raw)?.key ?? null);
  if (key === null) {
    const { sv, en } = periodMessage(raw, only);
    throw new AppError(400, "invalid-period", sv, en);
  }
  return key;
}

function parseRevision(raw: unknown, name: string): number {
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw) || Number(raw) < 1)
    throw new AppError(
      400,
      "invalid-revision",
      `${name} ska vara ett revisionsnummer (1, 2, 3 …).`,
      `${name} must be a revision number (1, 2, 3 …).`,
    );
  return Number(raw);
}

/** If-Match: "3", W/"3" or 3. */
function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m)
    throw new AppError(
      400,
      "invalid-if-match",
      'If-Match ska vara revisionen som redigeringen bygger på, till exempel "3".',
      'If-Match must be the revision the edit is based on, e.g. "3".',
      [{ path: "If-Match", message: "a revision number" }],
    );
  return Number(m[1]);
}

/**
 * The writer's base: If-Match names the revision it edited, If-None-Match: * says it saw no
 * report (its first send); null is that "none". Both at once cannot both hold.
 */
function parseBase(ifMatch: string | undefined, ifNoneMatch: string | undefined): number | null | undefined {
  if (ifNoneMatch === undefined) return parseIfMatch(ifMatch);
  if (ifNoneMatch.trim() !== "*")
    throw new AppError(
      400,
      "invalid-if-none-match",
      "If-None-Match ska vara * (rapporten skickas första gången).",
      "If-None-Match must be * (the report is sent for the first time).",
      [{ path: "If-None-Match", message: "only *" }],
    );
  if (ifMatch !== undefined)
    throw new AppError(
      400,
      "conflicting-preconditions",
      "Skicka If-Match eller If-None-Match, inte båda.",
      "Send If-Match or If-None-Match, not both.",
      [{ path: "If-None-Match", message: "not with If-Match" }],
    );
  return null;
}

/** X-Samsyn-Client: the add-in and the CLI say who they are; any other sender is "api". */
function clientOf(raw: string | undefined): ClientKind {
  const name = raw?.trim().toLowerCase();
  return name === "addin" || name === "cli" ? name : "api";
}

function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(raw))
    throw new AppError(
      400,
      "invalid-idempotency-key",
      "Idempotency-Key ska vara 1–200 synliga ASCII-tecken.",
      "Idempotency-Key must be 1–200 visible ASCII characters.",
      [{ path: "Idempotency-Key", message: "1–200 visible ASCII characters" }],
    );
  return raw;
}

async function jsonBody(req: Request, res: Response, parser: RequestHandler): Promise<unknown> {
  await new Promise<void>((resolve, reject) => {
    void parser(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
  if (req.body === undefined)
    throw new AppError(
      415,
      "json-required",
      "Skicka innehållet som JSON (Content-Type: application/json).",
      "Send the body as JSON (Content-Type: application/json).",
    );
  checkStorableJson(req.body);
  return req.body;
}

/** Whether the request came with a body at all (body-parser leaves req.body undefined either way). */
const hasBody = (req: Request): boolean =>
  req.get("transfer-encoding") !== undefined || Number(req.get("content-length") ?? 0) > 0;

async function parseBody<T extends z.ZodType>(
  schema: T,
  req: Request,
  res: Response,
  parser: RequestHandler,
  what: string,
): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await jsonBody(req, res, parser));
  if (!parsed.success) throw invalidBody(parsed.error, what);
  return parsed.data;
}

const etag = (revision: number): string => `"${revision}"`;

export function apiRouter(deps: RouteDeps): Router {
  const { store } = deps;
  const router = Router();
  const merges = deps.merges ?? mergeThread();
  const body = <T extends z.ZodType>(schema: T, req: Request, res: Response, what: string) =>
    parseBody(schema, req, res, deps.jsonParser, what);
  const who = async (req: Request, res: Response): Promise<Principal> => {
    const p = await principalOf(req, store, deps.adminToken);
    res.locals.principal = p.kind === "association" ? `association:${p.associationId}` : p.kind;
    return p;
  };
  const existing = async (id: string) => {
    const a = await store.getAssociation(id);
    if (!a) throw notFound("Förbundet finns inte.", "The association does not exist.");
    return a;
  };

  let openapi: object | null = null;
  router.get("/openapi.json", (_req, res) => {
    openapi ??= openApiDocument();
    res.json(openapi);
  });

  router.get("/me", async (req, res) => {
    const p = await who(req, res);
    let me: Me;
    if (p.kind === "association") {
      const a = await existing(p.associationId);
      me = { kind: "association", association: { id: a.id, name: a.name, orgnr: a.orgnr }, token: p.token };
    } else me = p.kind === "network" ? { kind: "network", token: p.token } : { kind: "admin" };
    res.json(me);
  });

  router.get("/status", async (req, res) => {
    // Any token: the associations are the ones who meet, and the status names no figure.
    await who(req, res);
    const status: Status = await store.status();
    res.json(status);
  });

  router.get("/tokens", async (req, res) => {
    requireAdmin(await who(req, res));
    const tokens: TokenList = await store.listAllTokens();
    res.json(tokens);
  });

  router.post("/associations", async (req, res) => {
    requireAdmin(await who(req, res));
    const input = await body(CreateAssociationBody, req, res, "Förbundet");
    const orgnr = validateOrganisationsnummer(input.orgnr);
    if (!orgnr.ok)
      throw new AppError(
        400,
        "invalid-orgnr",
        `Organisationsnumret "${input.orgnr}" är ogiltigt (${orgnr.reason === "checksum" ? "fel kontrollsiffra" : orgnr.reason === "month" ? "månadsdelen ska vara minst 20" : "skriv tio siffror, NNNNNN-NNNN"}).`,
        `The organisationsnummer "${input.orgnr}" is invalid (${orgnr.reason}).`,
        [{ path: "orgnr", message: orgnr.reason }],
      );
    const created = await store.createAssociation({
      id: randomUUID(),
      name: input.name,
      orgnr: orgnr.normalised,
    });
    if (created === "orgnr-taken")
      throw new AppError(
        409,
        "orgnr-taken",
        `Det finns redan ett förbund med organisationsnummer ${orgnr.normalised}.`,
        `An association with organisationsnummer ${orgnr.normalised} already exists.`,
        [{ path: "orgnr", message: "taken" }],
      );
    const token = await issueToken(store, "association", created.id, null);
    res.status(201).json({ id: created.id, token: token.token, tokenId: token.tokenId });
  });

  router.get("/associations", async (req, res) => {
    requireNetwork(await who(req, res));
    res.json(await store.listAssociations());
  });

  router.post("/associations/:id/tokens", async (req, res) => {
    requireAdmin(await who(req, res));
    // The body is optional: without one the token has no label.
    const input = hasBody(req) ? await body(AssociationTokenBody, req, res, "Innehållet") : {};
    const a = await existing(req.params.id);
    res.status(201).json(await issueToken(store, "association", a.id, input.label ?? null));
  });

  router.get("/associations/:id/tokens", async (req, res) => {
    requireAdmin(await who(req, res));
    const a = await existing(req.params.id);
    const tokens: TokenList = await store.listTokens(a.id);
    res.json(tokens);
  });

  router.delete("/associations/:id/tokens/:tokenId", async (req, res) => {
    requireAdmin(await who(req, res));
    if (!(await store.revokeToken(req.params.tokenId, req.params.id)))
      throw notFound("Ingen sådan giltig token för förbundet.", "No such live token for the association.");
    res.status(204).end();
  });

  router.post("/network-tokens", async (req, res) => {
    requireAdmin(await who(req, res));
    const input = await body(NetworkTokenBody, req, res, "Innehållet");
    res.status(201).json(await issueToken(store, "network", null, input.label));
  });

  router.get("/network-tokens", async (req, res) => {
    requireAdmin(await who(req, res));
    const tokens: TokenList = await store.listTokens(null);
    res.json(tokens);
  });

  router.delete("/network-tokens/:tokenId", async (req, res) => {
    requireAdmin(await who(req, res));
    if (!(await store.revokeToken(req.params.tokenId, null)))
      throw notFound("Ingen sådan giltig nätverkstoken.", "No such live network token.");
    res.status(204).end();
  });

  const reportPath = "/associations/:id/reports/:kind/:period";

  router.put(reportPath, async (req, res) => {
    const p = await who(req, res);
    requireOwnAssociation(p, req.params.id);
    const kind = parseKind(req.params.kind);
    const period = parsePeriod(req.params.period, PERIOD);
    const base = parseBase(req.get("if-match"), req.get("if-none-match"));
    const idempotencyKey = parseIdempotencyKey(req.get("idempotency-key"));
    const report = await body(Report, req, res, "Rapporten");
    if (report.kind !== kind)
      throw new AppError(
        400,
        "kind-mismatch",
        `Rapporten är av typen ${report.kind} men adressen säger ${kind}.`,
        `The report is of kind ${report.kind} but the address says ${kind}.`,
        [{ path: "kind", message: `expected ${kind}` }],
      );
    if (report.kind === "participants" && report.period !== period)
      throw new AppError(
        400,
        "period-mismatch",
        `Rapporten gäller ${report.period} men adressen säger ${period}.`,
        `The report covers ${report.period} but the address says ${period}.`,
        [{ path: "period", message: `expected ${period}` }],
      );
    if (report.kind === "participants") checkSuppressed(report, deps.suppressionThreshold);
    await existing(req.params.id);
    const result = await store.putReport({
      associationId: req.params.id,
      kind,
      period,
      report,
      ...(base !== undefined ? { base } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      source: {
        tokenId: p.token.id,
        client: clientOf(req.get(CLIENT_HEADER)),
        override: req.get(OVERRIDE_HEADER)?.trim() === "1",
      },
    });
    switch (result.status) {
      case "created":
        res.status(201).set("ETag", etag(result.revision)).json({ revision: result.revision });
        return;
      case "replayed":
        if (!result.sameBody || result.kind !== kind || result.period !== period)
          throw new AppError(
            422,
            "idempotency-key-reused",
            "Idempotency-Key har redan använts för en annan rapport. Använd en ny nyckel för en ny ändring.",
            "The Idempotency-Key was already used for a different report. Use a new key for a new change.",
          );
        res
          .status(200)
          .set("ETag", etag(result.revision))
          .json({ revision: result.revision, replayed: true });
        return;
      case "conflict": {
        if (result.current !== null) res.set("ETag", etag(result.current));
        const extra = { currentRevision: result.current };
        if (base === null)
          throw new AppError(
            409,
            "report-exists" satisfies PutConflictCode,
            `Rapporten finns redan (senaste revisionen är ${result.current}). Hämta den och jämför innan du skickar.`,
            `The report already exists (the latest revision is ${result.current}). Fetch it and compare before sending.`,
            undefined,
            extra,
          );
        throw new AppError(
          409,
          "stale-revision" satisfies PutConflictCode,
          result.current === null
            ? `Rapporten finns inte ännu, men If-Match angav revision ${base}.`
            : `Rapporten har ändrats: senaste revisionen är ${result.current}, du utgick från ${base}. Hämta den senaste och gör om ändringen.`,
          result.current === null
            ? `The report does not exist yet, but If-Match named revision ${base}.`
            : `The report has changed: the latest revision is ${result.current}, you based yours on ${base}. Fetch the latest and redo the change.`,
          undefined,
          extra,
        );
      }
    }
  });

  const readable = async (req: Request, res: Response) => {
    const p = await who(req, res);
    requireAssociationOrAdmin(p, String(req.params.id));
    const kind = parseKind(String(req.params.kind));
    const period = parsePeriod(String(req.params.period), PERIOD);
    await existing(String(req.params.id));
    return { id: String(req.params.id), kind, period };
  };
  const noReport = () => notFound("Det finns ingen sådan rapport.", "There is no such report.");

  router.get(reportPath, async (req, res) => {
    const { id, kind, period } = await readable(req, res);
    const found = await store.getReport(id, kind, period);
    if (!found) throw noReport();
    res.set("ETag", etag(found.revision)).set("Last-Modified", new Date(found.createdAt).toUTCString());
    res.json(found.report);
  });

  router.get(`${reportPath}/revisions`, async (req, res) => {
    const { id, kind, period } = await readable(req, res);
    const revisions = await store.history(id, kind, period);
    if (revisions.length === 0) throw noReport();
    const list: RevisionList = { revisions };
    res.json(list);
  });

  router.get(`${reportPath}/revisions/:revision`, async (req, res) => {
    const { id, kind, period } = await readable(req, res);
    const found = await store.getReport(id, kind, period, parseRevision(req.params.revision, "Revisionen"));
    if (!found) throw noReport();
    res.set("ETag", etag(found.revision)).json(found.report);
  });

  router.get(`${reportPath}/diff`, async (req, res) => {
    const { id, kind, period } = await readable(req, res);
    const history = await store.history(id, kind, period);
    const latest = history.at(-1)?.revision;
    if (latest === undefined) throw noReport();
    const to = req.query.to === undefined ? latest : parseRevision(req.query.to, "to");
    const from = req.query.from === undefined ? Math.max(1, to - 1) : parseRevision(req.query.from, "from");
    const [a, b] = await Promise.all([
      store.getReport(id, kind, period, from),
      store.getReport(id, kind, period, to),
    ]);
    if (!a || !b) throw noReport();
    res.json(diffReports(a, b));
  });

  router.get("/associations/:id/group-overrides", async (req, res) => {
    requireAssociationOrAdmin(await who(req, res), req.params.id);
    await existing(req.params.id);
    const list = await store.groupOverrides(req.params.id);
    res.json({ overrides: list.map(({ label, group }) => ({ label, group })) });
  });

  router.put("/associations/:id/group-overrides", async (req, res) => {
    requireAssociationOrAdmin(await who(req, res), req.params.id);
    const override = await body(GroupOverrideBody, req, res, "Innehållet");
    await existing(req.params.id);
    await store.setGroupOverride({
      associationId: req.params.id,
      label: override.label,
      group: override.group,
    });
    const list = await store.groupOverrides(req.params.id);
    res.json({ overrides: list.map(({ label, group }) => ({ label, group })) });
  });

  router.delete("/associations/:id/group-overrides", async (req, res) => {
    requireAssociationOrAdmin(await who(req, res), req.params.id);
    const label = req.query.label;
    if (typeof label !== "string" || label.length === 0)
      throw new AppError(400, "label-required", "Ange ?label=… för raden.", "Give ?label=… for the line.", [
        { path: "label", message: "required" },
      ]);
    await existing(req.params.id);
    if (!(await store.removeGroupOverride(req.params.id, label)))
      throw notFound("Ingen sådan rättelse.", "No such correction.");
    res.status(204).end();
  });

  router.get("/merged/:kind/:period", async (req, res) => {
    // Any token: the associations are the ones who meet to compare, and the view holds only
    // aggregates, suppressed as they are shared.
    await who(req, res);
    const kind = parseKind(req.params.kind);
    const asWorkbook = req.params.period.endsWith(".xlsx");
    const period = parsePeriod(asWorkbook ? req.params.period.slice(0, -5) : req.params.period, YEAR);
    const job = await mergeJob(store, kind, period);
    if (!asWorkbook) {
      res.type("application/json").send(await merges.run({ ...job, as: "json" }));
      return;
    }
    const buffer = await merges.run({ ...job, as: "xlsx" });
    res
      .set("Content-Type", XLSX)
      .set("Content-Disposition", `attachment; filename="samsyn-${kind}-${period}.xlsx"`)
      .send(buffer);
  });

  return router;
}

/** The merge use case: choose each association's report from the heads, load only those; the merge thread does the rest. */
export async function mergeJob(
  store: Store,
  kind: ReportKind,
  period: string,
): Promise<Omit<MergeJob, "as">> {
  const [associations, heads, overrides] = await Promise.all([
    store.listAssociations(),
    store.latestHeads(kind, period),
    kind === "budget" ? store.groupOverrides() : Promise.resolve([]),
  ]);
  const revisions = await store.getRevisions(kind, [...pickReports(kind, period, heads).values()]);
  return { kind, period, associations, revisions, overrides };
}
