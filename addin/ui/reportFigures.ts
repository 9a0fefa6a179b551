/**
 * A report's figures as the send preview lists them, read from the very body that leaves: a
 * budget's amounts by line and period and its totals, a participants report's key figures by
 * path. A count hidden to protect the few is "..", a figure with nothing to compute "–".
 */
import { formatNumber } from "../../shared/amounts";
import type { Lang } from "../../shared/messages";
import { SUPPRESSED } from "../../shared/network";
import {
  figureText as catalogueText,
  type FigureKind,
  KEYED,
  keyLabel,
  SCALARS,
  valueAt,
} from "../../shared/participants/catalogue";
import { periodLabel } from "../../shared/period";
import type { Report } from "../../shared/report";
import type { UiStrings } from "./strings";

export interface FigureRow {
  /** Where the figure is in the body ("keyFigures.byKon.man", "lines.3.amounts.2009", "totals.cost.2009"). */
  readonly path: string;
  readonly label: string;
  /** The period column of a budget amount, as people read it; null for a key figure. */
  readonly period: string | null;
  readonly value: string;
}

/** A figure as the pane writes it, rounded as the catalogue says (as the page rounds it). */
export const figureText = (kind: FigureKind, value: number | null | undefined, lang: Lang): string =>
  catalogueText(kind, value, (v) => formatNumber(v, lang));

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
    // Utfall, where the sheet has it, leaves with the budget: listed as it leaves.
    const outcome = (period: string) => strings.preview.outcome(periodLabel(period, lang));
    report.lines.forEach((line, i) => {
      for (const [period, value] of Object.entries(line.outcomes ?? {}))
        rows.push({
          path: `lines.${i}.outcomes.${period}`,
          label: line.label,
          period: outcome(period),
          value: n(value),
        });
    });
    for (const total of ["income", "cost", "surplus"] as const)
      for (const [period, value] of Object.entries(report.outcomeTotals?.[total] ?? {}))
        rows.push({
          path: `outcomeTotals.${total}.${period}`,
          label: strings.preview.totals[total],
          period: outcome(period),
          value: n(value),
        });
    for (const [period, equity] of Object.entries(report.equity ?? {}))
      for (const part of ["opening", "result", "closing"] as const)
        rows.push({
          path: `equity.${period}.${part}`,
          label: strings.preview.equity[part],
          period: periodLabel(period, lang),
          value: n(equity[part]),
        });
    return rows;
  }
  const hidden = new Set(report.suppression.suppressed);
  const f = report.keyFigures;
  const row = (path: string, label: string, value: number | null, kind: FigureKind = "count"): FigureRow => ({
    path: `keyFigures.${path}`,
    label,
    period: null,
    value: value === null && hidden.has(path) ? SUPPRESSED : figureText(kind, value, lang),
  });
  // The catalogue's figures in its order, then each breakdown whose keys vary, key by key.
  return [
    ...SCALARS.map((c) => row(c.path, c.label[lang], valueAt<number | null>(f, c), c.kind)),
    ...KEYED.flatMap(({ field, figure }) => {
      const b = figure.breakdown;
      if (b?.keys === "open" && hidden.has(b.whole)) return [row(b.whole, figure.label[lang], null)];
      return Object.entries(f[field]).map(([key, v]) =>
        row(`${field}.${key}`, keyLabel(figure, key, lang), v),
      );
    }),
  ];
}
