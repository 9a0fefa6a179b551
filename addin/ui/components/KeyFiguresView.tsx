/**
 * Participant key figures for the board, computed in the pane for a period the user sees and
 * changes (the one "Skicka till Samsyn" sends); the rows themselves never leave the workbook.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { formatNumber, NUMBER_SPACE } from "../../../shared/amounts";
import type { Lang } from "../../../shared/messages";
import { keyFiguresFor, type Participant } from "../../../shared/participants";
import { askedPeriod, periodLabel } from "../../../shared/period";
import { ageBandLabel, type ParticipantsTable } from "../../../shared/report";
import type { UiStrings } from "../strings";
import { PeriodSelect } from "./PeriodSelect";

export interface KeyFiguresViewProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly table: ParticipantsTable;
  /** The list's rows, to count for the period chosen. */
  readonly participants: readonly Participant[];
  /** The periods to choose from; the period chosen (null: the list has no dated stay). */
  readonly periods: readonly string[];
  readonly period: string | null;
  readonly onPeriod: (period: string) => void;
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

export function KeyFiguresView(props: KeyFiguresViewProps) {
  const { strings, lang, table, participants, period } = props;
  const styles = useStyles();
  const k = useMemo(
    () => (period === null ? table.keyFigures : keyFiguresFor(participants, askedPeriod(period))),
    [period, participants, table.keyFigures],
  );
  const t = strings.keyFigures;
  const shown = periodLabel(period ?? table.period, lang);
  const n = (v: number) => formatNumber(v, lang);
  const share =
    k.shareClosedToWorkOrStudies === null
      ? "–"
      : `${n(Math.round(k.shareClosedToWorkOrStudies * 1000) / 10)}${NUMBER_SPACE}%`;
  return (
    <section className={styles.root} aria-label={t.heading(shown)}>
      <Subtitle2 as="h2">{t.heading(shown)}</Subtitle2>
      {period !== null && (
        <PeriodSelect
          label={t.period}
          hint={t.periodHint}
          lang={lang}
          options={props.periods}
          value={period}
          onChange={props.onPeriod}
        />
      )}
      <Facts
        rows={[
          [t.participants, n(k.participants)],
          [t.new, n(k.new)],
          [t.closed, n(k.closed)],
          [t.toWorkOrStudies, `${n(k.closedToWorkOrStudies)} (${share})`],
          [t.averageStay, k.averageStayDays === null ? "–" : n(k.averageStayDays)],
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
