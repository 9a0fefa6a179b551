/**
 * A version on the service this workbook has not seen, or one the user kept while the sheet
 * still holds other figures: who sent it and when, what differs line by line, and the user's
 * choice. Nothing is overwritten until they choose.
 */

import { Button } from "@fluentui/react-button";
import { Card } from "@fluentui/react-card";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-table";
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Lang } from "../../../shared/messages";
import { periodLabel } from "../../../shared/period";
import { keyName } from "../../../shared/sync";
import { formatAmount, formatDateTime } from "../../../ui/format";
import type { Conflict } from "../../sync/flow";
import type { UiStrings } from "../strings";

export interface ConflictViewProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly conflict: Conflict;
  readonly busy: boolean;
  readonly onChoose: (choice: "mine" | "theirs") => void;
}

/** Enough rows to judge by at 320 px; the rest are counted. */
const SHOWN_ROWS = 12;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // At 320 px two amounts of seven figures ("2 500 000") must fit side by side without running into each other.
  table: { tableLayout: "fixed", width: "100%", fontSize: tokens.fontSizeBase200 },
  label: { overflowWrap: "anywhere", width: "28%" },
  period: { width: "20%", overflowWrap: "anywhere" },
  number: {
    width: "26%",
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function ConflictView({ strings, lang, conflict, busy, onChoose }: ConflictViewProps) {
  const styles = useStyles();
  const s = strings.sync;
  const { item, theirs, rows } = conflict;
  const name = s.reportName(item.address.kind, item.address.period, item.address.insats);
  const info = theirs.info;
  const who = info?.token ? keyName(info.token, lang) : null;
  const title = conflict.reason === "kept" ? s.keptTitle(name) : s.conflictTitle(name);
  return (
    <Card className={styles.root} role="region" aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      {conflict.reason === "kept" && <Body1>{s.keptExplained}</Body1>}
      <Body1>
        {info && who
          ? s.conflictBy(who, formatDateTime(info.createdAt, lang), s.clients[info.client])
          : s.conflictUnknownSender}{" "}
        {s.versionNumber(theirs.revision)}
      </Body1>
      {rows.length === 0 ? (
        <Caption1>{s.conflictNone}</Caption1>
      ) : (
        <Table size="extra-small" className={styles.table} aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.label}>{s.conflictColumns.label}</TableHeaderCell>
              <TableHeaderCell className={styles.period}>{s.conflictColumns.period}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{s.conflictColumns.theirs}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{s.conflictColumns.mine}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, SHOWN_ROWS).map((row) => (
              <TableRow key={`${row.section}|${row.label}|${row.period}`}>
                <TableCell className={styles.label}>{row.label}</TableCell>
                <TableCell>{periodLabel(row.period, lang)}</TableCell>
                <TableCell className={styles.number}>{formatAmount(row.theirs, lang)}</TableCell>
                <TableCell className={styles.number}>{formatAmount(row.mine, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {rows.length > SHOWN_ROWS && <Caption1>{s.conflictMore(rows.length - SHOWN_ROWS)}</Caption1>}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => onChoose("mine")}>
          {s.sendMine}
        </Button>
        <Button disabled={busy} onClick={() => onChoose("theirs")}>
          {s.keepTheirs}
        </Button>
      </div>
    </Card>
  );
}
