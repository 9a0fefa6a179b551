/** Participant key figures for the board, computed in the pane; the rows themselves never leave the workbook. */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { formatNumber } from "../../../shared/amounts";
import { ageBandLabel, type ParticipantsTable } from "../../../shared/report";
import type { UiStrings } from "../strings";

export interface KeyFiguresViewProps {
  readonly strings: UiStrings;
  readonly table: ParticipantsTable;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  value: { margin: 0, textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

function Facts({ rows }: { readonly rows: readonly [string, string][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function KeyFiguresView({ strings, table }: KeyFiguresViewProps) {
  const styles = useStyles();
  const k = table.keyFigures;
  const t = strings.keyFigures;
  const lang = strings.lang === "en" ? "en" : "sv";
  const n = (v: number) => formatNumber(v, lang);
  const share =
    k.shareClosedToWorkOrStudies === null
      ? "–"
      : `${n(Math.round(k.shareClosedToWorkOrStudies * 1000) / 10)} %`;
  return (
    <section className={styles.root} aria-label={`${strings.tabs.keyFigures} ${table.period}`}>
      <Subtitle2 as="h2">
        {t.period} {table.period}
      </Subtitle2>
      <Facts
        rows={[
          [t.participants, n(k.participants)],
          [t.new, n(k.new)],
          [t.closed, n(k.closed)],
          [t.toWorkOrStudies, `${n(k.closedToWorkOrStudies)} (${share})`],
          [t.averageStay, k.averageStayDays === null ? "–" : n(Math.round(k.averageStayDays))],
          [t.overLimit, n(k.staysOverLimit)],
          [t.kvinna, n(k.byKon.kvinna)],
          [t.man, n(k.byKon.man)],
        ]}
      />
      <Subtitle2 as="h3">{t.byHemkommun}</Subtitle2>
      <Facts rows={Object.entries(k.byHemkommun).map(([name, count]) => [name, n(count)])} />
      <Subtitle2 as="h3">{t.byAgeBand}</Subtitle2>
      <Facts rows={Object.entries(k.byAgeBand).map(([band, count]) => [ageBandLabel(band), n(count)])} />
      <Caption1>{strings.privacy}</Caption1>
    </section>
  );
}
