/**
 * Participant key figures for the board, computed in the pane for a period the user sees and
 * changes (the one "Skicka till Samsyn" sends); the rows themselves never leave the workbook.
 */
import { Caption1, Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { Fragment, useMemo } from "react";
import { formatNumber } from "../../../shared/amounts";
import type { Lang } from "../../../shared/messages";
import { keyFiguresFor, type Participant } from "../../../shared/participants";
import { KEYED, SCALARS, valueAt } from "../../../shared/participants/catalogue";
import { askedPeriod, periodLabel } from "../../../shared/period";
import type { ParticipantsTable } from "../../../shared/report";
import { figureText } from "../reportFigures";
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
      {/* The catalogue's figures, in its order and under its names, rounded as the page rounds them. */}
      <Facts
        rows={SCALARS.map((c): [string, string] => [
          c.label[lang],
          figureText(c.kind, valueAt<number | null>(k, c), lang),
        ])}
      />
      {KEYED.map(({ field, figure }) => (
        <Fragment key={field}>
          <Subtitle2 as="h3">{figure.label[lang]}</Subtitle2>
          <Facts
            rows={Object.entries(k[field]).map(([key, count]) => [
              figure.breakdown?.keyLabel(key, lang) ?? key,
              n(count),
            ])}
          />
        </Fragment>
      ))}
      <Caption1>{strings.privacy}</Caption1>
    </section>
  );
}
