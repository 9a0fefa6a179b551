/**
 * The comparison as a table — also the charts' text alternative: a row per association, the
 * network's total in the footer, every column sortable (aria-sort on the header). A hidden
 * count shows "..", a network total over hidden counts "minst 1 234 (dolt hos 3 förbund)".
 */

import { tokens } from "@fluentui/react-theme";
import { makeStyles, mergeClasses } from "@griffel/react";
import { useMemo, useState } from "react";
import type { Lang } from "../../shared/messages";
import { shownValue } from "../../shared/participants/catalogue";
import { type Cell, type Comparison, type Sort, sortRows } from "../comparison";
import { formatAmount, formatShare } from "../format";
import type { PageStrings } from "../strings";

import { useTableStyles } from "../views/StatusView";
import { ScrollRegion } from "./ScrollRegion";

export interface ComparisonTableProps {
  readonly comparison: Comparison;
  readonly strings: PageStrings;
  readonly lang: Lang;
}

const useStyles = makeStyles({
  sortButton: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    border: "none",
    background: "none",
    padding: 0,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    textAlign: "inherit",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  numberHeader: { textAlign: "right" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  note: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
});

function CellText({ cell, strings, lang }: { cell: Cell; strings: PageStrings; lang: Lang }) {
  const styles = useStyles();
  const c = strings.comparison;
  switch (cell.type) {
    case "amount":
      return <>{formatAmount(cell.value === null ? null : Math.round(cell.value * 10) / 10, lang)}</>;
    case "days":
      // Rounded as the catalogue rounds a mean, here as in the pane.
      return <>{formatAmount(cell.value === null ? null : shownValue("days", cell.value), lang)}</>;
    case "share":
      return <>{formatShare(cell.value, lang)}</>;
    case "count":
      if (cell.value !== null) return <>{formatAmount(cell.value, lang)}</>;
      return (
        <span title={c.suppressedTitle}>
          <span aria-hidden="true">{c.suppressed}</span>
          <span className={styles.hidden}>{c.suppressedTitle}</span>
        </span>
      );
    case "notReported":
      return (
        <span title={c.notReportedOutcomeTitle}>
          <span aria-hidden="true">{c.notReportedOutcome}</span>
          <span className={styles.hidden}>{c.notReportedOutcomeTitle}</span>
        </span>
      );
    case "partial":
      return (
        <>
          {formatAmount(Math.round(cell.value * 10) / 10, lang)}
          {/* Seen once under the row's name; read with every figure. */}
          <span className={styles.hidden}> {c.outcomeFrom(cell.reporting, cell.of)}</span>
        </>
      );
    case "total": {
      const { value, lowerBound, suppressedIn } = cell.value;
      if (!lowerBound) return <>{formatAmount(value, lang)}</>;
      return (
        <>
          {c.atLeast(formatAmount(value, lang))}
          <span className={styles.note}>
            {cell.parts ? c.hiddenInParts(suppressedIn) : c.hiddenIn(suppressedIn)}
          </span>
        </>
      );
    }
  }
}

export function ComparisonTable({ comparison, strings, lang }: ComparisonTableProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const c = strings.comparison;
  const [sort, setSort] = useState<Sort>({ key: "name", direction: "ascending" });
  const rows = useMemo(() => sortRows(comparison.rows, sort), [comparison.rows, sort]);
  const name = comparison.caption ?? c.tableName(strings.kinds[comparison.kind], comparison.year);

  const header = (key: string, label: string, numeric: boolean) => {
    const direction = sort.key === key ? sort.direction : undefined;
    const next = () =>
      setSort({
        key,
        direction:
          direction === "ascending"
            ? "descending"
            : direction === "descending"
              ? "ascending"
              : numeric
                ? "descending"
                : "ascending",
      });
    return (
      <th
        key={key}
        scope="col"
        aria-sort={direction ?? "none"}
        data-column={key}
        className={numeric ? styles.numberHeader : undefined}
      >
        <button type="button" className={styles.sortButton} onClick={next} title={c.sortBy(label)}>
          {label}
          {direction && <span aria-hidden="true">{direction === "ascending" ? "▲" : "▼"}</span>}
        </button>
      </th>
    );
  };

  return (
    <ScrollRegion label={comparison.mark === "outcome" ? c.outcomeScrollRegion : c.scrollRegion}>
      <table className={table.table} data-comparison={comparison.mark ?? comparison.kind}>
        <caption className={table.caption}>{name}</caption>
        <thead>
          <tr>
            {header("name", c.association, false)}
            {comparison.columns.map((col) => header(col.key, col.label, true))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-association={row.id}>
              <th scope="row" className={table.rowHeader}>
                {row.name}
                {row.period !== undefined && (
                  <span className={styles.note}>{c.reportPeriod(row.period)}</span>
                )}
                {row.note !== undefined && <span className={styles.note}>{row.note}</span>}
              </th>
              {row.reported ? (
                comparison.columns.map((col) => {
                  const cell = row.cells[col.key];
                  return (
                    <td key={col.key} className={table.number} data-column={col.key}>
                      {cell && <CellText cell={cell} strings={strings} lang={lang} />}
                    </td>
                  );
                })
              ) : (
                <td colSpan={comparison.columns.length} className={mergeClasses(table.missing)}>
                  {c.notReported}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-association="network">
            <th scope="row" className={table.rowHeader}>
              {comparison.network.name}
              {comparison.network.period !== undefined && (
                <span className={styles.note}>{comparison.network.period}</span>
              )}
            </th>
            {comparison.columns.map((col) => {
              const cell = comparison.network.cells[col.key];
              return (
                <td key={col.key} className={table.number} data-column={col.key}>
                  {cell && <CellText cell={cell} strings={strings} lang={lang} />}
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
