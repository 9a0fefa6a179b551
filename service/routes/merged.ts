/** The network's comparison for a year: the merged view as JSON, or as the merged workbook. */
import type { Router } from "express";
import { pickReports } from "../../shared/merge";
import type { ReportKind } from "../../shared/report";
import { YEAR } from "../api";
import type { MergeJob } from "../merge-job";
import type { Store } from "../store/types";
import { parseKind, parsePeriod, type RouteContext } from "./request";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function mergedRoutes(router: Router, ctx: RouteContext): void {
  const { store, who, merges } = ctx;

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
