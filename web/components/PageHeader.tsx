/** The page's title, who is signed in (with signing out) and the language switch. */

import { Button } from "@fluentui/react-button";
import { Body1, Caption1, Title2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Ref } from "react";
import type { Me } from "../../shared/api";
import type { Lang } from "../../shared/messages";
import { LanguagePicker } from "../../ui/LanguagePicker";
import type { PageStrings } from "../strings";

export interface PageHeaderProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  /** Who is signed in, or null before signing in. */
  readonly me: Me | null;
  /** The line that says who is signed in: where focus goes after signing in. */
  readonly whoRef: Ref<HTMLSpanElement>;
  readonly onLang: (lang: Lang) => void;
  readonly onSignOut: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalL,
  },
  titles: { display: "flex", flexDirection: "column" },
  account: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

function whoIs(me: Me, s: PageStrings): string {
  if (me.kind === "association") return me.association.name;
  return me.kind === "network" ? s.who.network(me.token.label) : s.who.admin;
}

export function PageHeader({ strings, lang, me, whoRef, onLang, onSignOut }: PageHeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title2 as="h1">{strings.title}</Title2>
        <Caption1>{strings.subtitle}</Caption1>
      </div>
      <div className={styles.account}>
        {me && (
          <span ref={whoRef} tabIndex={-1}>
            <Body1>{strings.signedInAs(whoIs(me, strings))}</Body1>
          </span>
        )}
        {me && <Button onClick={onSignOut}>{strings.signOut}</Button>}
        <LanguagePicker lang={lang} label={strings.language} onLang={onLang} />
      </div>
    </header>
  );
}
