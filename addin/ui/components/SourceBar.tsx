/** Where to read from (the active sheet or the selection), and the import and write buttons. */
import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Radio, RadioGroup } from "@fluentui/react-radio";
import { Caption1 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { UiStrings } from "../strings";

export interface SourceBarProps {
  readonly strings: UiStrings;
  readonly busy: boolean;
  /** Imported and ready to write. */
  readonly canWrite: boolean;
  /** The workbook already holds this source's output: writing updates it. */
  readonly isRefresh: boolean;
  /** Samsyn's marks are on the source sheet now. */
  readonly hasMarks: boolean;
  /** The reading has issues with a cell: the first write will mark them on the source sheet. */
  readonly willMark: boolean;
  readonly onImport: (scope: "active" | "selection") => void;
  readonly onWrite: () => void;
  readonly onUnmark: () => void;
  /** "Uppföljning Finsam": writes the follow-up sheet from the whole workbook. */
  readonly onFollowup: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function SourceBar({
  strings,
  busy,
  canWrite,
  isRefresh,
  hasMarks,
  willMark,
  onImport,
  onWrite,
  onUnmark,
  onFollowup,
}: SourceBarProps) {
  const styles = useStyles();
  const [scope, setScope] = useState<"active" | "selection">("active");
  return (
    <section className={styles.root} aria-label={strings.source}>
      <Field label={strings.source}>
        <RadioGroup
          value={scope}
          onChange={(_, data) => setScope(data.value === "selection" ? "selection" : "active")}
        >
          <Radio value="active" label={strings.sourceSheet} />
          <Radio value="selection" label={strings.sourceSelection} />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance={canWrite ? "secondary" : "primary"}
          disabled={busy}
          onClick={() => onImport(scope)}
        >
          {strings.import}
        </Button>
        <Button appearance="primary" disabled={busy || !canWrite} onClick={onWrite}>
          {isRefresh ? strings.refresh : strings.write}
        </Button>
        {hasMarks && (
          <Button appearance="secondary" disabled={busy} onClick={onUnmark}>
            {strings.unmark}
          </Button>
        )}
      </div>
      {isRefresh && <Caption1>{strings.refreshHint}</Caption1>}
      {canWrite && !isRefresh && willMark && <Caption1>{strings.marksHint}</Caption1>}
      <div className={styles.buttons}>
        <Button appearance="secondary" disabled={busy} onClick={onFollowup}>
          {strings.followup}
        </Button>
      </div>
      <Caption1>{strings.followupHint}</Caption1>
    </section>
  );
}
