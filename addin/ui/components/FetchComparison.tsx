/**
 * Fetching the network's comparison into a sheet: which year, which kind of report, and for
 * participants which insats, once a comparison of the year has said which there are.
 */
import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Radio, RadioGroup } from "@fluentui/react-radio";
import { Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Lang } from "../../../shared/messages";
import { isYearText } from "../../../shared/period";
import type { ReportKind } from "../../../shared/report";
import { InsatsPicker } from "../../../ui/InsatsPicker";
import type { UiStrings } from "../strings";

export interface FetchComparisonProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  /** The year and kind chosen, kept by the panel while the form comes and goes with signing in. */
  readonly year: string;
  readonly kind: ReportKind;
  /** "" for all insatser. */
  readonly insats: string;
  /** The insatser the year's participants comparison can be asked for (none known yet: no choice). */
  readonly insatser: readonly string[];
  readonly onYear: (year: string) => void;
  readonly onKind: (kind: ReportKind) => void;
  readonly onInsats: (insats: string) => void;
  readonly busy: boolean;
  readonly fetching: boolean;
  readonly onFetch: (kind: ReportKind, year: string, insats?: string) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  year: { minWidth: 0, width: "120px" },
});

export function FetchComparison(props: FetchComparisonProps) {
  const { strings, year, kind, busy } = props;
  const s = strings.sync;
  const styles = useStyles();
  const yearOk = isYearText(year);
  const offered = kind === "participants" && props.insatser.length > 0;
  // A name the year's comparison no longer lists is not asked for; nor one for a budget.
  const chosen = offered && props.insatser.includes(props.insats) ? props.insats : "";
  return (
    <>
      <Subtitle2 as="h2">{s.fetchHeading}</Subtitle2>
      <Field label={s.year} {...(yearOk ? {} : { validationMessage: s.badYear })}>
        <Input
          className={styles.year}
          inputMode="numeric"
          value={year}
          onChange={(_, d) => props.onYear(d.value)}
        />
      </Field>
      <Field label={s.kind}>
        <RadioGroup
          layout="horizontal"
          value={kind}
          onChange={(_, d) => props.onKind(d.value === "participants" ? "participants" : "budget")}
        >
          <Radio value="budget" label={s.kinds.budget} />
          <Radio value="participants" label={s.kinds.participants} />
        </RadioGroup>
      </Field>
      {offered && (
        <InsatsPicker lang={props.lang} insatser={props.insatser} value={chosen} onChange={props.onInsats} />
      )}
      <div className={styles.row}>
        <Button
          disabled={busy || !yearOk}
          onClick={() => props.onFetch(kind, year.trim(), chosen || undefined)}
        >
          {props.fetching ? s.fetching : s.fetchComparison}
        </Button>
      </div>
    </>
  );
}
