/** The pane's title and the language switch. */
import { Caption1, Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Lang } from "../../../shared/messages";
import { later } from "../lazy";
import type { UiStrings } from "../strings";

// "Läs in" does not wait for the language switch: it is a chunk of its own, drawn a moment
// after the pane, in a slot of its size so that nothing moves when it comes.
const LanguagePicker = later(() => import("../../../ui/LanguagePicker").then((m) => m.LanguagePicker));

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
  picker: { minWidth: "128px", minHeight: "32px", flexShrink: 0 },
});

export function Header({ strings, lang, onLang }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title3 as="h1">{strings.title}</Title3>
        <Caption1>{strings.subtitle}</Caption1>
      </div>
      <div className={styles.picker}>
        <LanguagePicker lang={lang} label={strings.language} onLang={onLang} />
      </div>
    </header>
  );
}
