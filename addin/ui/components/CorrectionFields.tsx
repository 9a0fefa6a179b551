/** Corrections for the whole sheet: the unit the amounts are written in, and the header row. */
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Select } from "@fluentui/react-select";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { SheetCorrections } from "../../../shared/report";
import type { UiStrings } from "../strings";

export interface CorrectionFieldsProps {
  readonly strings: UiStrings;
  /** What detection found (or the correction in force). */
  readonly unit: "kr" | "tkr" | "mkr";
  readonly headerRow: number | null;
  readonly onCorrect: (change: (before: SheetCorrections) => SheetCorrections) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  field: { minWidth: "120px", flex: "1 1 120px" },
  // Fluent's Input is wider than half a 320 px pane: let it shrink to its field.
  input: { minWidth: 0, width: "100%" },
});

export function CorrectionFields({ strings, unit, headerRow, onCorrect }: CorrectionFieldsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field className={styles.field} label={strings.unit} hint={strings.unitHint}>
        <Select
          value={unit}
          onChange={(_, data) => {
            const next = data.value === "kr" || data.value === "mkr" ? data.value : "tkr";
            onCorrect((before) => ({ ...before, unit: next }));
          }}
        >
          <option value="kr">kr</option>
          <option value="tkr">tkr</option>
          <option value="mkr">mkr</option>
        </Select>
      </Field>
      <Field className={styles.field} label={strings.headerRow} hint={strings.headerRowHint}>
        <Input
          className={styles.input}
          type="number"
          min={1}
          value={headerRow === null ? "" : String(headerRow)}
          onChange={(_, data) => {
            const row = Number(data.value);
            onCorrect((before) => {
              const { headerRow: _old, ...rest } = before;
              return Number.isInteger(row) && row > 0 ? { ...rest, headerRow: row } : rest;
            });
          }}
        />
      </Field>
    </div>
  );
}
