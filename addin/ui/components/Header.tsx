/** The pane's title and the language switch. */
import { Caption1, makeStyles, Select, Title3, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../shared/messages";
import type { UiStrings } from "../strings";

export interface HeaderProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly onLang: (lang: Lang) => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: "flex", flexDirection: "column" },
  language: { minWidth: "128px", flexShrink: 0 },
});

export function Header({ strings, lang, onLang }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title3 as="h1">{strings.title}</Title3>
        <Caption1>{strings.subtitle}</Caption1>
      </div>
      <Select
        className={styles.language}
        aria-label={strings.language}
        value={lang}
        onChange={(_, data) => onLang(data.value === "en" ? "en" : "sv")}
      >
        <option value="sv">{strings.languages.sv}</option>
        <option value="en">{strings.languages.en}</option>
      </Select>
    </header>
  );
}
