/**
 * A budget table's utfall against its budget: income, cost and över-/underskott, each with its
 * avvikelse (utfall − budget), for the whole year and for the board's half-year report (the
 * year's budget against utfall to 30 June), with a switch where the sheet has both.
 */

import { Tab, TabList } from "@fluentui/react-tabs";
import { Caption1, Text } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useId, useState } from "react";
import { formatNumber } from "../../../shared/amounts";
import { parsePeriod, periodYear } from "../../../shared/period";
import type { BudgetTable } from "../../../shared/report";
import type { UiStrings } from "../strings";

export interface BudgetOutcomeProps {
  readonly strings: UiStrings;
  readonly table: BudgetTable;
}

type ViewKind = "year" | "half";

/** One way to read a year: its budget against the utfall of `key` ("2023", or "2023-H1" to 30 June). */
interface OutcomeView {
  readonly kind: ViewKind;
  readonly key: string;
}

/** The years of the table that have utfall, each with its views: the whole year first, then jan–jun. */
export function outcomeYears(table: BudgetTable): { year: string; views: OutcomeView[] }[] {
  const years = new Map<string, OutcomeView[]>();
  for (const key of Object.keys(table.outcomeTotals?.income ?? {})) {
    const period = parsePeriod(key);
    const kind: ViewKind | null =
      period?.kind === "year" ? "year" : period?.kind === "half" && key.endsWith("-H1") ? "half" : null;
    const year = periodYear(key);
    if (kind === null || year === null || !table.periods.includes(year)) continue;
    years.set(year, [...(years.get(year) ?? []), { kind, key }]);
  }
  return table.periods
    .filter((p) => years.has(p))
    .map((year) => ({
      year,
      views: years.get(year)!.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "year" ? -1 : 1)),
    }));
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: {
    textAlign: "end",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  measure: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  amount: { textAlign: "end", whiteSpace: "nowrap", paddingInlineStart: tokens.spacingHorizontalS },
});

/** An avvikelse with its sign, so that "+12 345" reads as more than budgeted. */
const signed = (value: number, lang: "sv" | "en") =>
  value > 0 ? `+${formatNumber(value, lang)}` : formatNumber(value, lang);

function YearOutcome({
  strings,
  table,
  year,
  views,
}: BudgetOutcomeProps & { year: string; views: OutcomeView[] }) {
  const styles = useStyles();
  const headingId = useId();
  const lang = strings.lang === "en" ? "en" : "sv";
  const [chosen, setChosen] = useState<ViewKind>(views[0]!.kind);
  const view = views.find((v) => v.kind === chosen) ?? views[0]!;
  const t = strings.outcome;
  const measures = (["income", "cost", "surplus"] as const).map((m) => {
    const budget = table.totals[m][year] ?? 0;
    const outcome = table.outcomeTotals?.[m][view.key] ?? 0;
    return { m, budget, outcome, deviation: outcome - budget };
  });
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text weight="semibold" id={headingId}>
        {t.heading(year)}
      </Text>
      {views.length > 1 && (
        <TabList
          size="small"
          aria-label={t.viewsLabel(year)}
          selectedValue={view.kind}
          onTabSelect={(_, data) => setChosen(data.value as ViewKind)}
        >
          {views.map((v) => (
            <Tab key={v.kind} value={v.kind}>
              {t.views[v.kind]}
            </Tab>
          ))}
        </TabList>
      )}
      <Caption1>{t.against(year, view.key)}</Caption1>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t.columns.budget}
            </th>
            <th scope="col" className={styles.head}>
              {t.columns.outcome}
            </th>
            <th scope="col" className={styles.head}>
              {t.columns.deviation}
            </th>
          </tr>
        </thead>
        {measures.map(({ m, budget, outcome, deviation }) => (
          <tbody key={m}>
            <tr>
              <th scope="rowgroup" colSpan={3} className={styles.measure}>
                {strings.total[m]}
              </th>
            </tr>
            <tr>
              <td className={styles.amount}>{formatNumber(budget, lang)}</td>
              <td className={styles.amount}>{formatNumber(outcome, lang)}</td>
              <td className={styles.amount}>{signed(deviation, lang)}</td>
            </tr>
          </tbody>
        ))}
      </table>
      <Caption1>{t.deviationHint}</Caption1>
    </section>
  );
}

export function BudgetOutcome({ strings, table }: BudgetOutcomeProps) {
  return (
    <>
      {outcomeYears(table).map(({ year, views }) => (
        <YearOutcome key={year} strings={strings} table={table} year={year} views={views} />
      ))}
    </>
  );
}
