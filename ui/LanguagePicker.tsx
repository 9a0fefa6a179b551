/** The language switch of the pane, the page and the playground: each language named in itself. */

import { Select } from "@fluentui/react-select";
import { makeStyles } from "@griffel/react";
import type { Lang } from "../shared/messages";

/** A language is offered under its own name, whatever language the page is in. */
const NAMES: Readonly<Record<Lang, string>> = { sv: "Svenska", en: "English" };

export interface LanguagePickerProps {
  readonly lang: Lang;
  /** "Språk" or "Language", in the language shown. */
  readonly label: string;
  readonly onLang: (lang: Lang) => void;
}

const useStyles = makeStyles({ root: { minWidth: "128px", flexShrink: 0 } });

export function LanguagePicker({ lang, label, onLang }: LanguagePickerProps) {
  const styles = useStyles();
  return (
    <Select
      className={styles.root}
      aria-label={label}
      value={lang}
      onChange={(_, data) => onLang(data.value === "en" ? "en" : "sv")}
    >
      {(Object.keys(NAMES) as Lang[]).map((code) => (
        <option key={code} value={code}>
          {NAMES[code]}
        </option>
      ))}
    </Select>
  );
}
