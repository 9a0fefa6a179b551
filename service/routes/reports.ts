/**
 * Reports: sending a revision (with its preconditions, idempotency and provenance), reading
 * the latest or any revision, the history and the difference between two.
 */
import type { Request, Response, Router } from "express";
import { CLIENT_HEADER, OVERRIDE_HEADER, type PublishedReports, type RevisionList } from "../../shared/api";
import { diffReports } from "../../shared/diff";
import { SamsynError } from "../../shared/failures";
import { Report, type ReportKind } from "../../shared/report";
import { ROUTES } from "../../shared/routes";
import { requireAssociationOrAdmin, requireOwnAssociation } from "../auth";
import { checkAcrossPeriods, checkSuppressed } from "../input";
import type { PutReportResult, StoredRevision } from "../store/types";
import {
  clientOf,
  etag,
  on,
  parseBase,
  parseIdempotencyKey,
  parseInsats,
  parseKind,
  parsePeriod,
  parseRevision,
  type RouteContext,
} from "./request";

/** A body that disagrees with its address is refused, naming the field. */
function checkMatchesPath(report: Report, kind: ReportKind, period: string, insats: string): void {
  if (report.kind !== kind)
    throw new SamsynError({ code: "kind-mismatch", sent: report.kind, address: kind }, [
      { path: "kind", message: `expected ${kind}` },
    ]);
  if (report.kind === "participants" && report.period !== period)
    throw new SamsynError({ code: "period-mismatch", sent: report.period, address: period }, [
      { path: "period", message: `expected ${period}` },
    ]);
  // Filed under an insats: a participants report of that very insats. The whole list ('') takes
  // any report, as before there were insats columns.
  if (insats !== "" && (report.kind !== "participants" || report.insats !== insats))
    throw new SamsynError(
      {
        code: "insats-mismatch",
        sent: report.kind === "participants" ? report.insats : null,
        address: insats,
      },
      [{ path: "insats", message: `expected ${insats}` }],
    );
}

/** The store's answer to a send as HTTP: 201 created, 200 replayed, or 409 with the current revision. */
function answerPut(
  res: Response,
  result: PutReportResult,
  sent: { kind: ReportKind; period: string; insats: string; base: number | null | undefined },
): void {
  const { kind, period, insats, base } = sent;
  switch (result.status) {
    case "created":
      res.status(201).set("ETag", etag(result.revision)).json({ revision: result.revision });
      return;
    case "replayed":
      if (
        !result.sameBody ||
        result.kind !== kind ||
        result.period !== period ||
        (result.insats ?? "") !== insats
      )
        throw new SamsynError({ code: "idempotency-key-reused" });
      res.status(200).set("ETag", etag(result.revision)).json({ revision: result.revision, replayed: true });
      return;
    case "conflict": {
      if (result.current !== null) res.set("ETag", etag(result.current));
      // If-None-Match: * found a report; If-Match named a revision that is not the latest.
      if (base === null && result.current !== null)
        throw new SamsynError({ code: "report-exists", current: result.current });
      throw new SamsynError({ code: "stale-revision", current: result.current, base: base ?? 0 });
    }
  }
}

export function reportRoutes(router: Router, ctx: RouteContext): void {
  const { store, who, body, existing } = ctx;

  on(router, ROUTES.putReport, async (req, res) => {
    const p = await who(req, res);
    requireOwnAssociation(p, req.params.id);
    const kind = parseKind(req.params.kind);
    const period = parsePeriod(req.params.period, "period");
    const insats = parseInsats(req.query.insats);
    const base = parseBase(req.get("if-match"), req.get("if-none-match"));
    const idempotencyKey = parseIdempotencyKey(req.get("idempotency-key"));
    const report = await body(Report, req, res, "report");
    checkMatchesPath(report, kind, period, insats);
    if (report.kind === "participants") checkSuppressed(report, ctx.suppressionThreshold);
    const guard =
      report.kind === "participants"
        ? (published: readonly StoredRevision[]) =>
            checkAcrossPeriods(report, insats, published, ctx.suppressionThreshold)
        : undefined;
    // No lookup of the association: the token that passed requireOwnAssociation belongs to it.
    const result = await store.putReport({
      associationId: req.params.id,
      kind,
      period,
      insats,
      report,
      ...(base !== undefined ? { base } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      ...(guard ? { guard } : {}),
      source: {
        tokenId: p.token.id,
        client: clientOf(req.get(CLIENT_HEADER)),
        override: req.get(OVERRIDE_HEADER)?.trim() === "1",
      },
    });
    answerPut(res, result, { kind, period, insats, base });
  });

  const readable = async (req: Request, res: Response) => {
    const p = await who(req, res);
    requireAssociationOrAdmin(p, String(req.params.id));
    const kind = parseKind(String(req.params.kind));
    const period = parsePeriod(String(req.params.period), "period");
    const insats = parseInsats(req.query.insats);
    await existing(String(req.params.id));
    return { id: String(req.params.id), kind, period, insats };
  };
  const noReport = () => new SamsynError({ code: "not-found", what: "report" });

  // The latest of every period: what the association has published, for its clients to check
  // a new report against before they send it (complementary suppression across periods).
  on(router, ROUTES.publishedReports, async (req, res) => {
    const p = await who(req, res);
    requireAssociationOrAdmin(p, req.params.id);
    const kind = parseKind(req.params.kind);
    await existing(req.params.id);
    const latest = await store.latestReports(req.params.id, kind);
    const list: PublishedReports = {
      reports: latest.map((r) => ({
        period: r.period,
        ...(r.insats ? { insats: r.insats } : {}),
        revision: r.revision,
        report: r.report,
      })),
    };
    res.json(list);
  });

  on(router, ROUTES.report, async (req, res) => {
    const { id, kind, period, insats } = await readable(req, res);
    const found = await store.getReport(id, kind, period, undefined, insats);
    if (!found) throw noReport();
    res.set("ETag", etag(found.revision)).set("Last-Modified", new Date(found.createdAt).toUTCString());
    res.json(found.report);
  });

  on(router, ROUTES.revisions, async (req, res) => {
    const { id, kind, period, insats } = await readable(req, res);
    const revisions = await store.history(id, kind, period, insats);
    if (revisions.length === 0) throw noReport();
    const list: RevisionList = { revisions };
    res.json(list);
  });

  on(router, ROUTES.revision, async (req, res) => {
    const { id, kind, period, insats } = await readable(req, res);
    const found = await store.getReport(
      id,
      kind,
      period,
      parseRevision(req.params.revision, "Revisionen"),
      insats,
    );
    if (!found) throw noReport();
    res.set("ETag", etag(found.revision)).json(found.report);
  });

  on(router, ROUTES.diff, async (req, res) => {
    const { id, kind, period, insats } = await readable(req, res);
    const history = await store.history(id, kind, period, insats);
    const latest = history.at(-1)?.revision;
    if (latest === undefined) throw noReport();
    const to = req.query.to === undefined ? latest : parseRevision(req.query.to, "to");
    const from = req.query.from === undefined ? Math.max(1, to - 1) : parseRevision(req.query.from, "from");
    const [a, b] = await Promise.all([
      store.getReport(id, kind, period, from, insats),
      store.getReport(id, kind, period, to, insats),
    ]);
    if (!a || !b) throw noReport();
    res.json(diffReports(a, b));
  });
}
