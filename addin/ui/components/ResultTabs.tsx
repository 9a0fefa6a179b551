/** What the import found, in tabs: the tables (with corrections), the checks, the participant key figures. */

import { Tab, TabList } from "@fluentui/react-tabs";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { Lang } from "../../../shared/messages";
import { participantsOf } from "../../../shared/participants";
import type { WorkbookReading } from "../../../shared/read-workbook";
import type { BudgetTable, ParticipantsTable, SheetCorrections } from "../../../shared/report";
import type { UiStrings } from "../strings";
import type { ListPeriodsState } from "../useSendChoice";
import { BudgetLines } from "./BudgetLines";
import { CorrectionFields } from "./CorrectionFields";
import { IssueList } from "./IssueList";
import { KeyFiguresView } from "./KeyFiguresView";
import { TableCard } from "./TableCard";

export interface ResultTabsProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly reading: WorkbookReading;
  readonly corrections: SheetCorrections;
  readonly onCorrect: (change: (before: SheetCorrections) => SheetCorrections) => void;
  readonly onSelect: (sheet: string, cell: string) => void;
  /** Each participant list's periods and the one chosen: its key figures are for that period. */
  readonly periods: ListPeriodsState;
}

type TabValue = "tables" | "issues" | "keyFigures";

const useStyles = makeStyles({
  // Three tabs ("Tabeller (1)", "Kontroller (0)", "Nyckeltal") are wider than a 320 px pane: they wrap.
  tabs: { flexWrap: "wrap" },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
});

export function ResultTabs({
  strings,
  lang,
  reading,
  corrections,
  onCorrect,
  onSelect,
  periods,
}: ResultTabsProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabValue>("tables");
  const budgets = reading.tables.filter((t): t is BudgetTable => t.kind === "budget");
  const participants = reading.tables.filter((t): t is ParticipantsTable => t.kind === "participants");
  const unit = corrections.unit ?? budgets[0]?.unit ?? null;
  const headerRow = corrections.headerRow ?? (budgets[0] ? Number(/\d+/.exec(budgets[0].range)?.[0]) : null);
  return (
    <>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabValue)}
      >
        <Tab id="tab-tables" value="tables" aria-controls="panel">
          {strings.tabs.tables} ({reading.tables.length})
        </Tab>
        <Tab id="tab-issues" value="issues" aria-controls="panel">
          {strings.tabs.issues} ({reading.issues.length})
        </Tab>
        {participants.length > 0 && (
          <Tab id="tab-keyFigures" value="keyFigures" aria-controls="panel">
            {strings.tabs.keyFigures}
          </Tab>
        )}
      </TabList>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {tab === "tables" && (
          <>
            {unit && (
              <CorrectionFields strings={strings} unit={unit} headerRow={headerRow} onCorrect={onCorrect} />
            )}
            {reading.tables.length === 0 && <p>{strings.noTables}</p>}
            {reading.tables.map((table) => (
              <TableCard key={`${table.sheet}!${table.range}`} strings={strings} table={table}>
                {table.kind === "budget" && (
                  <BudgetLines
                    strings={strings}
                    lines={table.lines}
                    corrected={corrections.lines}
                    onCorrect={onCorrect}
                  />
                )}
              </TableCard>
            ))}
          </>
        )}
        {tab === "issues" && (
          <IssueList strings={strings} lang={lang} issues={reading.issues} onSelect={onSelect} />
        )}
        {tab === "keyFigures" &&
          participants.map((table) => {
            const list = reading.participantReadings.find((r) => r.tables.includes(table));
            const options = periods.lists[table.sheet];
            const period = periods.chosen[table.sheet];
            return (
              <KeyFiguresView
                key={table.range}
                strings={strings}
                lang={lang}
                table={table}
                participants={list ? participantsOf(list, table) : []}
                periods={options?.options ?? []}
                period={period ?? null}
                onPeriod={(p) => periods.choose(table.sheet, p)}
              />
            );
          })}
      </div>
    </>
  );
}
