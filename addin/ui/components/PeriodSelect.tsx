/** A participant list's period, picked from its years and halves ("2014", "jan–jun 2014"). */
import { Field } from "@fluentui/react-field";
import { Select } from "@fluentui/react-select";
import type { Lang } from "../../../shared/messages";
import { periodLabel } from "../../../shared/period";

export interface PeriodSelectProps {
  readonly label: string;
  readonly hint?: string;
  readonly lang: Lang;
  readonly options: readonly string[];
  readonly value: string;
  readonly disabled?: boolean;
  readonly onChange: (period: string) => void;
}

export function PeriodSelect({ label, hint, lang, options, value, disabled, onChange }: PeriodSelectProps) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      <Select value={value} disabled={disabled === true} onChange={(_, d) => onChange(d.value)}>
        {options.map((p) => (
          <option key={p} value={p}>
            {periodLabel(p, lang)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
