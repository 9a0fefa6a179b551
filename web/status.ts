/**
 * Who has reported, as a grid: per kind, one row per association and one column per year any
 * report covers; in each cell the report that answers for that year, chosen as the merge
 * chooses it (shared/merge.ts pickReports), or null — a gap to remind someone of.
 */

import type { Status, StatusReport } from "../shared/api";
import { pickReports } from "../shared/merge";
import type { ReportKind } from "../shared/report";

export interface StatusRow {
  readonly id: string;
  readonly name: string;
  readonly cells: Readonly<Record<string, StatusReport | null>>;
}

export interface StatusGrid {
  readonly kind: ReportKind;
  readonly years: readonly string[];
  readonly rows: readonly StatusRow[];
  /** Per year, how many associations have a report that answers for it. */
  readonly reported: Readonly<Record<string, number>>;
}

export function statusGrid(status: Status, kind: ReportKind): StatusGrid {
  const reports = status.reports.filter((r) => r.kind === kind);
  const years = [...new Set(reports.flatMap((r) => r.years))].sort();
  const chosen = new Map(years.map((year) => [year, pickReports(kind, year, reports)]));
  const rows = [...status.associations]
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((a) => ({
      id: a.id,
      name: a.name,
      cells: Object.fromEntries(years.map((y) => [y, chosen.get(y)?.get(a.id) ?? null])),
    }));
  const reported = Object.fromEntries(years.map((y) => [y, chosen.get(y)?.size ?? 0]));
  return { kind, years, rows, reported };
}

/** The year to open the comparison on: the one most associations have a budget for (the latest of equals), else this year. */
export function suggestedYear(status: Status | null, now = new Date()): string {
  const grid = status ? statusGrid(status, "budget") : null;
  let best: string | null = null;
  for (const year of grid?.years ?? [])
    if (best === null || (grid!.reported[year] ?? 0) >= (grid!.reported[best] ?? 0)) best = year;
  return best ?? String(now.getFullYear());
}
