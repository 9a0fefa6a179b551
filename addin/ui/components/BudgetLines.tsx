/** A budget table's lines, each with its section and group, which the user may correct. */

import { Select } from "@fluentui/react-select";
import { Caption1, Text } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import {
  BudgetGroup,
  type BudgetLine,
  COST_GROUPS,
  INCOME_GROUPS,
  type SheetCorrections,
} from "../../../shared/report";
import type { UiStrings } from "../strings";

export interface BudgetLinesProps {
  readonly strings: UiStrings;
  readonly lines: readonly BudgetLine[];
  readonly corrected: SheetCorrections["lines"];
  readonly onCorrect: (change: (before: SheetCorrections) => SheetCorrections) => void;
}

const GROUPS = BudgetGroup.options;

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "1fr",
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  selects: { display: "grid", gridTemplateColumns: "1fr 1.6fr", gap: tokens.spacingHorizontalS },
});

export function BudgetLines({ strings, lines, corrected, onCorrect }: BudgetLinesProps) {
  const styles = useStyles();
  const set = (cell: string, change: { section?: BudgetLine["section"]; group?: BudgetLine["group"] }) =>
    onCorrect((before) => ({
      ...before,
      lines: { ...before.lines, [cell]: { ...before.lines?.[cell], ...change } },
    }));
  return (
    <ul className={styles.list} aria-label={strings.lines}>
      {lines.map((line) => (
        <li key={line.cell} className={styles.item}>
          <Text>
            {line.label}{" "}
            <Caption1>
              ({line.cell}
              {corrected?.[line.cell] ? ` · ${strings.corrected}` : ""})
            </Caption1>
          </Text>
          <div className={styles.selects}>
            <Select
              size="small"
              aria-label={`${strings.section}: ${line.label}`}
              value={line.section}
              onChange={(_, data) => {
                const section = data.value === "income" ? "income" : "cost";
                set(line.cell, {
                  section,
                  group: section === "income" ? INCOME_GROUPS[0]! : COST_GROUPS[0]!,
                });
              }}
            >
              <option value="income">{strings.sections.income}</option>
              <option value="cost">{strings.sections.cost}</option>
            </Select>
            <Select
              size="small"
              aria-label={`${strings.group}: ${line.label}`}
              value={line.group}
              onChange={(_, data) => {
                const group = GROUPS.find((g) => g === data.value);
                if (group) set(line.cell, { group });
              }}
            >
              {(line.section === "income" ? INCOME_GROUPS : COST_GROUPS).map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </Select>
          </div>
        </li>
      ))}
    </ul>
  );
}
