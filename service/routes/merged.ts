/**
 * The network's comparison for a year: the merged view as JSON, or as the merged workbook.
 * Answers are kept by what decides them — the associations, the revisions chosen and the
 * corrections — so a meeting where everyone downloads the same workbook builds it once.
 */
import { createHash } from "node:crypto";
import type { Request, Response, Router } from "express";
import { LRUCache } from "lru-cache";
import { pickParticipantReports, pickReports, slotOf } from "../../shared/merge";
import { ReportKind } from "../../shared/report";
import { ROUTES, XLSX_MEDIA } from "../../shared/routes";
import type { MergeJob } from "../merge-job";
import type { MergeThread } from "../merge-thread";
import type { Store } from "../store/types";
import { on, parseInsats, parseKind, parsePeriod, type RouteContext } from "./request";

/** Answers kept: a year's budget and participants, as JSON and as workbooks, for several years (a few MB). */
const KEPT_ANSWERS = 32;

export function mergedRoutes(router: Router, ctx: RouteContext): void {
  const { store, who } = ctx;
  const answers = mergeAnswers(ctx.merges);

  // The workbook first: the view's path would take "2014.xlsx" for its period.
  on(router, ROUTES.mergedWorkbook, async (req, res) => {
    const { kind, period, plan } = await planOf(req.params.kind, req.params.period, req, res);
    res
      .set("Content-Type", XLSX_MEDIA)
      .set("Content-Disposition", `attachment; filename="samsyn-${kind}-${period}.xlsx"`)
      .send(await answers.xlsx(plan));
  });

  on(router, ROUTES.merged, async (req, res) => {
    const { plan } = await planOf(req.params.kind, req.params.period, req, res);
    res.type("application/json").send(await answers.json(plan));
  });

  const planOf = async (rawKind: string, rawPeriod: string, req: Request, res: Response) => {
    // Any token: the associations are the ones who meet to compare, and the view holds only
    // aggregates, suppressed as they are shared.
    await who(req, res);
    const kind = parseKind(rawKind);
    const period = parsePeriod(rawPeriod, "year");
    // Participants of one insats by name; absent (or for a budget): all.
    const insats = kind === "participants" ? parseInsats(req.query.insats) : "";
    return { kind, period, plan: await mergePlan(store, kind, period, insats || undefined) };
  };
}

/** A merge before its reports are loaded: what decides its answer (`key`), and how to load the rest. */
export interface MergePlan {
  readonly key: string;
  load(): Promise<Omit<MergeJob, "as">>;
}

/**
 * The merge use case: choose each association's report from the heads. A stored revision never
 * changes, so the associations, the chosen revisions and the corrections decide the answer;
 * the bodies are loaded only when it must be computed.
 */
export async function mergePlan(
  store: Store,
  kind: ReportKind,
  period: string,
  insats?: string,
): Promise<MergePlan> {
  const [associations, heads, overrides] = await Promise.all([
    store.listAssociations(),
    store.latestHeads(kind, period),
    kind === "budget" ? store.groupOverrides() : Promise.resolve([]),
  ]);
  // Participants: each insats's report, so that the merge can add them up or take one.
  const chosen =
    kind === "participants"
      ? pickParticipantReports(period, heads)
      : [...pickReports(kind, period, heads).values()];
  const key = createHash("sha256")
    .update(
      JSON.stringify([
        kind,
        period,
        insats ?? null,
        associations.map((a) => [a.id, a.name]),
        chosen.map((h) => [h.associationId, h.period, slotOf(h), h.revision]),
        overrides.map((o) => [o.associationId, o.label, o.group]),
      ]),
    )
    .digest("hex");
  return {
    key,
    load: async () => ({
      kind,
      period,
      ...(insats !== undefined ? { insats } : {}),
      associations,
      revisions: await store.getRevisions(kind, chosen),
      overrides,
    }),
  };
}

/** How many of the newest years of each kind the service merges once as it starts. */
const WARM_YEARS = 2;

/**
 * The newest years' merges, run once as the service starts (before it says it is listening):
 * the worker parses and keeps their reports and compiles the merge on real data, so the first
 * comparison a meeting asks for costs what a later one does. Its answers are not kept: a
 * merge asked for is computed as any other.
 */
export async function warmMerges(store: Store, merges: MergeThread): Promise<void> {
  const { reports } = await store.status();
  for (const kind of ReportKind.options) {
    const years = [...new Set(reports.filter((r) => r.kind === kind).flatMap((r) => r.years))]
      .sort()
      .slice(-WARM_YEARS);
    for (const year of years) {
      const plan = await mergePlan(store, kind, year);
      await merges.run({ ...(await plan.load()), as: "json" });
    }
  }
}

/**
 * Merge answers by plan, the last KEPT_ANSWERS of them. The promise is kept, so requests that
 * arrive while one is being built wait for that one; a failed build is not kept.
 */
function mergeAnswers(merges: MergeThread) {
  const kept = new LRUCache<string, Promise<string | Buffer>>({ max: KEPT_ANSWERS });
  const answer = <T extends string | Buffer>(
    as: "json" | "xlsx",
    plan: MergePlan,
    build: () => Promise<T>,
  ) => {
    const key = `${as}:${plan.key}`;
    const found = kept.get(key);
    if (found) return found as Promise<T>;
    const built = build();
    kept.set(key, built);
    built.catch(() => kept.delete(key));
    return built;
  };
  return {
    json: (plan: MergePlan) =>
      answer("json", plan, async () => merges.run({ ...(await plan.load()), as: "json" })),
    xlsx: (plan: MergePlan) =>
      answer("xlsx", plan, async () => merges.run({ ...(await plan.load()), as: "xlsx" })),
  };
}
