/**
 * The network's comparison for a year: the merged view as JSON, or as the merged workbook.
 * Answers are kept by what decides them — the associations, the revisions chosen and the
 * corrections — so a meeting where everyone downloads the same workbook builds it once.
 */
import { createHash } from "node:crypto";
import type { Router } from "express";
import { LRUCache } from "lru-cache";
import { pickReports } from "../../shared/merge";
import type { ReportKind } from "../../shared/report";
import { YEAR } from "../api";
import type { MergeJob } from "../merge-job";
import type { MergeThread } from "../merge-thread";
import type { Store } from "../store/types";
import { parseKind, parsePeriod, type RouteContext } from "./request";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Answers kept: a year's budget and participants, as JSON and as workbooks, for several years (a few MB). */
const KEPT_ANSWERS = 32;

export function mergedRoutes(router: Router, ctx: RouteContext): void {
  const { store, who } = ctx;
  const answers = mergeAnswers(ctx.merges);

  router.get("/merged/:kind/:period", async (req, res) => {
    // Any token: the associations are the ones who meet to compare, and the view holds only
    // aggregates, suppressed as they are shared.
    await who(req, res);
    const kind = parseKind(req.params.kind);
    const asWorkbook = req.params.period.endsWith(".xlsx");
    const period = parsePeriod(asWorkbook ? req.params.period.slice(0, -5) : req.params.period, YEAR);
    const plan = await mergePlan(store, kind, period);
    if (!asWorkbook) {
      res.type("application/json").send(await answers.json(plan));
      return;
    }
    res
      .set("Content-Type", XLSX)
      .set("Content-Disposition", `attachment; filename="samsyn-${kind}-${period}.xlsx"`)
      .send(await answers.xlsx(plan));
  });
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
export async function mergePlan(store: Store, kind: ReportKind, period: string): Promise<MergePlan> {
  const [associations, heads, overrides] = await Promise.all([
    store.listAssociations(),
    store.latestHeads(kind, period),
    kind === "budget" ? store.groupOverrides() : Promise.resolve([]),
  ]);
  const chosen = [...pickReports(kind, period, heads).values()];
  const key = createHash("sha256")
    .update(
      JSON.stringify([
        kind,
        period,
        associations.map((a) => [a.id, a.name]),
        chosen.map((h) => [h.associationId, h.period, h.revision]),
        overrides.map((o) => [o.associationId, o.label, o.group]),
      ]),
    )
    .digest("hex");
  return {
    key,
    load: async () => ({
      kind,
      period,
      associations,
      revisions: await store.getRevisions(kind, chosen),
      overrides,
    }),
  };
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
