/** Fetching the network's comparison into a sheet: which year, which kind of report. */
import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Radio, RadioGroup } from "@fluentui/react-radio";
import { Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { isYearText } from "../../../shared/period";
import type { ReportKind } from "../../../shared/report";
import type { UiStrings } from "../strings";

export interface FetchComparisonProps {
  readonly strings: UiStrings;
  /** The year and kind chosen, kept by the panel while the form comes and goes with signing in. */
  readonly year: string;
  readonly kind: ReportKind;
  readonly onYear: (year: string) => void;
  readonly onKind: (kind: ReportKind) => void;
  readonly busy: boolean;
  readonly fetching: boolean;
  readonly onFetch: (kind: ReportKind, year: string) => void;
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
      <div className={styles.row}>
        <Button disabled={busy || !yearOk} onClick={() => props.onFetch(kind, year.trim())}>
          {props.fetching ? s.fetching : s.fetchComparison}
        </Button>
      </div>
    </>
  );
}
