/**
 * What the pane shows in a plain browser tab: what Samsyn is, that it runs inside Excel, how
 * to add it there, and the playground when this server has one. Swedish, English selectable.
 */

import { Button } from "@fluentui/react-button";
import { Link } from "@fluentui/react-link";
import { FluentProvider } from "@fluentui/react-provider";
import { Body1, Subtitle2, Title3 } from "@fluentui/react-text";
import { tokens, webLightTheme } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { Lang } from "../../../shared/messages";
import { OUTSIDE } from "./outsideStrings";

export interface OutsideExcelProps {
  readonly initialLang: Lang;
  /** The playground's address, when the server that sent this page runs one. */
  readonly playgroundUrl: string | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "40rem",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  top: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalM,
  },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function OutsideExcel({ initialLang, playgroundUrl }: OutsideExcelProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const s = OUTSIDE[lang];
  const other: Lang = lang === "sv" ? "en" : "sv";
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root}>
        <div className={styles.top}>
          <Title3 as="h1">{s.title}</Title3>
          <Button appearance="subtle" size="small" lang={other} onClick={() => setLang(other)}>
            {s.otherLanguage}
          </Button>
        </div>
        <Body1>{s.what}</Body1>
        <Body1>{s.runsInExcel}</Body1>
        <section className={styles.section} aria-labelledby="samsyn-how">
          <Subtitle2 as="h2" id="samsyn-how">
            {s.howTitle}
          </Subtitle2>
          <ol className={styles.steps}>
            {s.steps.map((step) => (
              <li key={step}>
                <Body1>{step}</Body1>
              </li>
            ))}
          </ol>
          <Body1>{s.desktop}</Body1>
          <Body1>{s.localNetwork}</Body1>
        </section>
        <section className={styles.section} aria-labelledby="samsyn-playground">
          <Subtitle2 as="h2" id="samsyn-playground">
            {s.playgroundTitle}
          </Subtitle2>
          {playgroundUrl ? (
            <Body1>
              <Link href={playgroundUrl}>{s.playgroundLink}</Link>
            </Body1>
          ) : (
            <Body1>{s.playgroundHow}</Body1>
          )}
        </section>
      </main>
    </FluentProvider>
  );
}
