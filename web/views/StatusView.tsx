/** Who has reported before the meeting: per kind, associations × years with revision, date and the sending token's label; gaps say "saknas". */

import { Button } from "@fluentui/react-button";
import { Spinner } from "@fluentui/react-spinner";
import { Body1, Caption1, Subtitle1, Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Status, StatusReport } from "../../shared/api";
import type { Lang } from "../../shared/messages";
import { periodLabel } from "../../shared/period";
import type { ReportKind } from "../../shared/report";
import { keyName } from "../../shared/sync";
import { ScrollRegion } from "../components/ScrollRegion";
import { formatDateTime } from "../format";
import { statusGrid } from "../status";
import type { PageStrings } from "../strings";

export interface StatusViewProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly status: Status | null;
  readonly onRefresh: () => void;
}

export const useTableStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    "& th, & td": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
      verticalAlign: "top",
    },
    "& thead th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightSemibold,
      verticalAlign: "bottom",
    },
    "& tfoot th, & tfoot td": {
      fontWeight: tokens.fontWeightSemibold,
      borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    },
  },
  caption: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} 0`,
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHeader: { textAlign: "left", fontWeight: tokens.fontWeightRegular, minWidth: "11em" },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  missing: { color: tokens.colorPaletteRedForeground3, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground3 },
});

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

function ReportCell({
  report,
  year,
  strings,
  lang,
}: {
  report: StatusReport;
  year: string;
  strings: PageStrings;
  lang: Lang;
}) {
  const styles = useTableStyles();
  const s = strings.status;
  const who = report.token ? keyName(report.token, strings.lang) : null;
  return (
    <>
      <span>{s.revision(report.revision)}</span>{" "}
      <span className={styles.detail}>{formatDateTime(report.createdAt, lang)}</span>
      {report.period !== year && (
        <span className={styles.detail}> {s.filed(periodLabel(report.period, lang))}</span>
      )}
      {who && (
        <>
          <br />
          <Caption1>{s.sentBy(who)}</Caption1>
        </>
      )}
    </>
  );
}

function Grid({
  status,
  kind,
  strings,
  lang,
}: {
  status: Status;
  kind: ReportKind;
  strings: PageStrings;
  lang: Lang;
}) {
  const styles = useTableStyles();
  const s = strings.status;
  const grid = statusGrid(status, kind);
  const name = s.tableName(strings.kinds[kind]);
  return (
    <div>
      <Subtitle1 as="h3">{strings.kinds[kind]}</Subtitle1>
      {grid.years.length === 0 ? (
        <Body1>{grid.rows.length === 0 ? s.none : `${strings.kinds[kind]}: ${s.missing}`}</Body1>
      ) : (
        <ScrollRegion label={name}>
          <table className={styles.table} data-kind={kind}>
            <caption className={styles.caption}>{name}</caption>
            <thead>
              <tr>
                <th scope="col">{s.association}</th>
                {grid.years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={styles.rowHeader}>
                    {row.name}
                  </th>
                  {grid.years.map((y) => {
                    const report = row.cells[y];
                    return (
                      <td key={y} data-year={y}>
                        {report ? (
                          <ReportCell report={report} year={y} strings={strings} lang={lang} />
                        ) : (
                          <span className={styles.missing}>{s.missing}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className={styles.rowHeader}>
                  {s.reportedRow}
                </th>
                {grid.years.map((y) => (
                  <td key={y}>{s.reported(grid.reported[y] ?? 0, grid.rows.length)}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

export function StatusView({ strings, lang, status, onRefresh }: StatusViewProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="status-heading">
      <div className={styles.bar}>
        <Title3 as="h2" id="status-heading">
          {strings.status.heading}
        </Title3>
        <Button onClick={onRefresh}>{strings.status.refresh}</Button>
      </div>
      <Body1>{strings.status.intro}</Body1>
      {status === null ? (
        <Spinner label={strings.loading} />
      ) : (
        <>
          <Grid status={status} kind="budget" strings={strings} lang={lang} />
          <Grid status={status} kind="participants" strings={strings} lang={lang} />
        </>
      )}
    </section>
  );
}
