/**
 * The choice of insats for the network's participants comparison, on the page and in the pane:
 * all insatser (each association's added up) or one by name. Its texts are its own, in each
 * language, so both front ends say the same.
 */

import { Field } from "@fluentui/react-field";
import { Select } from "@fluentui/react-select";
import type { Lang } from "../shared/messages";

const TEXTS: Readonly<Record<Lang, { label: string; all: string; hint: string }>> = {
  sv: {
    label: "Insats",
    all: "Alla insatser",
    hint: "Alla: varje förbunds insatser adderade. En deltagare i två insatser räknas i båda.",
  },
  en: {
    label: "Insats",
    all: "All insatser",
    hint: "All: each association's insatser added up. A participant in two insatser counts in both.",
  },
};

export interface InsatsPickerProps {
  readonly lang: Lang;
  /** The insatser some association filed for the year, by name. */
  readonly insatser: readonly string[];
  /** "" for all. */
  readonly value: string;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly onChange: (insats: string) => void;
}

export function InsatsPicker({ lang, insatser, value, disabled, className, onChange }: InsatsPickerProps) {
  const t = TEXTS[lang];
  return (
    <Field {...(className ? { className } : {})} label={t.label} hint={t.hint}>
      <Select value={value} disabled={disabled === true} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t.all}</option>
        {insatser.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
