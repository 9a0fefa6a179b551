/**
 * One table the import found: its kind, where it is, its periods and unit, its totals or size;
 * for a budget with utfall, its utfall and avvikelse beside the budget.
 */
import { Badge } from "@fluentui/react-badge";
import { Card, CardHeader } from "@fluentui/react-card";
import { Caption1, Text } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { ReactNode } from "react";
import { formatKr } from "../../../shared/amounts";
import type { Table } from "../../../shared/report";
import type { UiStrings } from "../strings";
import { BudgetOutcome } from "./BudgetOutcome";

export interface TableCardProps {
  readonly strings: UiStrings;
  readonly table: Table;
  readonly children?: ReactNode;
}

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

function facts(strings: UiStrings, table: Table): [string, string][] {
  const lang = strings.lang === "en" ? "en" : "sv";
  const where: [string, string] = [strings.range, `${table.sheet}!${table.range}`];
  switch (table.kind) {
    case "budget":
      return [
        where,
        [strings.periods, table.periodLabels.join(", ")],
        [strings.unit, table.unit],
        [strings.lines, String(table.lines.length)],
        ...table.periods.flatMap((p): [string, string][] => [
          [`${strings.total.income} ${p}`, formatKr(table.totals.income[p] ?? 0, lang)],
          [`${strings.total.cost} ${p}`, formatKr(table.totals.cost[p] ?? 0, lang)],
          [`${strings.total.surplus} ${p}`, formatKr(table.totals.surplus[p] ?? 0, lang)],
        ]),
      ];
    case "contributions":
      return [
        where,
        [strings.periods, table.periodLabels.join(", ")],
        [strings.unit, table.unit],
        [strings.lines, String(table.lines.length)],
      ];
    case "participants":
      return [
        where,
        [strings.keyFigures.period, table.period],
        [strings.lines, `${table.rows} ${strings.rows}`],
      ];
    case "followup":
      return [where, [strings.lines, `${table.rows.length} ${strings.rows}`]];
    case "insatser":
      return [where, [strings.lines, `${table.insatser.length} ${strings.rows}`]];
  }
}

export function TableCard({ strings, table, children }: TableCardProps) {
  const styles = useStyles();
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">{table.title ?? strings.kinds[table.kind]}</Text>}
        description={<Caption1>{table.sheet}</Caption1>}
        action={<Badge appearance="tint">{strings.kinds[table.kind]}</Badge>}
      />
      <dl className={styles.facts}>
        {facts(strings, table).map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {table.kind === "budget" && table.outcomeTotals && <BudgetOutcome strings={strings} table={table} />}
      {children}
    </Card>
  );
}
