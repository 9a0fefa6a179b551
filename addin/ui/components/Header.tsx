/** The pane's title and the language switch. */
import { Caption1, Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Lang } from "../../../shared/messages";
import { LanguagePicker } from "../../../ui/LanguagePicker";
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
});

export function Header({ strings, lang, onLang }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title3 as="h1">{strings.title}</Title3>
        <Caption1>{strings.subtitle}</Caption1>
      </div>
      <LanguagePicker lang={lang} label={strings.language} onLang={onLang} />
    </header>
  );
}
