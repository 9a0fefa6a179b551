/** Progress while Excel works: indeterminate while reading, a fraction while writing. */
import { Field } from "@fluentui/react-field";
import { ProgressBar } from "@fluentui/react-progress";
import type { UiStrings } from "../strings";
import type { Busy } from "../useConversion";

export interface BusyBarProps {
  readonly strings: UiStrings;
  readonly busy: Busy;
}

export function BusyBar({ strings, busy }: BusyBarProps) {
  const label = busy.kind === "importing" ? strings.importing : strings.writing;
  const value = busy.kind === "writing" && busy.total > 0 ? busy.done / busy.total : undefined;
  return (
    <Field label={label} validationState="none">
      <ProgressBar {...(value === undefined ? {} : { value })} thickness="large" aria-label={label} />
    </Field>
  );
}
