/**
 * A report's figures as the send preview lists them, read from the very body that leaves: a
 * budget's amounts by line and period and its totals, a participants report's key figures by
 * path. A count hidden to protect the few is "..", a figure with nothing to compute "–".
 */
import { formatNumber, NUMBER_SPACE } from "../../shared/amounts";
import type { Lang } from "../../shared/messages";
import { SUPPRESSED } from "../../shared/network";
import { periodLabel } from "../../shared/period";
import { ageBandLabel, type Report, WHOLE_HEMKOMMUN } from "../../shared/report";
import type { UiStrings } from "./strings";

export interface FigureRow {
  /** Where the figure is in the body ("keyFigures.byKon.man", "lines.3.amounts.2009", "totals.cost.2009"). */
  readonly path: string;
  readonly label: string;
  /** The period column of a budget amount, as people read it; null for a key figure. */
  readonly period: string | null;
  readonly value: string;
}

export function figureRows(report: Report, strings: UiStrings, lang: Lang): FigureRow[] {
  const n = (v: number | null | undefined) => (typeof v === "number" ? formatNumber(v, lang) : "–");
  if (report.kind === "budget") {
    const rows: FigureRow[] = [];
    report.lines.forEach((line, i) => {
      for (const period of report.periods)
        rows.push({
          path: `lines.${i}.amounts.${period}`,
          label: line.label,
          period: periodLabel(period, lang),
          value: n(line.amounts[period]),
        });
    });
    for (const total of ["income", "cost", "surplus"] as const)
      for (const period of report.periods)
        rows.push({
          path: `totals.${total}.${period}`,
          label: strings.preview.totals[total],
          period: periodLabel(period, lang),
          value: n(report.totals[total][period]),
        });
    return rows;
  }
  const k = strings.keyFigures;
  const hidden = new Set(report.suppression.suppressed);
  const f = report.keyFigures;
  const row = (path: string, label: string, value: number | null, shown = n(value)): FigureRow => ({
    path: `keyFigures.${path}`,
    label,
    period: null,
    value: value === null && hidden.has(path) ? SUPPRESSED : shown,
  });
  const share = f.shareClosedToWorkOrStudies;
  return [
    row("participants", k.participants, f.participants),
    row("new", k.new, f.new),
    row("closed", k.closed, f.closed),
    row("closedToWorkOrStudies", k.toWorkOrStudies, f.closedToWorkOrStudies),
    row(
      "shareClosedToWorkOrStudies",
      k.share,
      share,
      share === null ? "–" : `${n(share * 100)}${NUMBER_SPACE}%`,
    ),
    row("averageStayDays", k.averageStay, f.averageStayDays),
    row("staysOverLimit", k.overLimit, f.staysOverLimit),
    row("byKon.kvinna", k.kvinna, f.byKon.kvinna),
    row("byKon.man", k.man, f.byKon.man),
    ...(hidden.has(WHOLE_HEMKOMMUN)
      ? [row(WHOLE_HEMKOMMUN, k.byHemkommun, null)]
      : Object.entries(f.byHemkommun).map(([name, v]) => row(`byHemkommun.${name}`, k.hemkommun(name), v))),
    ...Object.entries(f.byAgeBand).map(([band, v]) =>
      row(`byAgeBand.${band}`, k.ageBand(ageBandLabel(band)), v),
    ),
  ];
}
