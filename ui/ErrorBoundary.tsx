/**
 * The last line of defence around the pane: an error thrown while rendering shows a message in
 * Swedish (English below it) with a short code, never a blank pane. The code is derived from
 * the error, so the same fault reported by two users gives the same code.
 */

import { Button } from "@fluentui/react-button";
import { FluentProvider } from "@fluentui/react-provider";
import { Body1, Caption1, Title3 } from "@fluentui/react-text";
import { tokens, webLightTheme } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { Component, type ReactNode } from "react";
import type { Lang } from "../shared/messages";
import { CRASH } from "./crashStrings";

/** "UI-" and four hex digits from the error's name and first message line (FNV-1a). */
export function crashCode(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}:${error.message.split("\n")[0]}` : `thrown:${String(error)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `UI-${((hash >>> 0) & 0xffff).toString(16).toUpperCase().padStart(4, "0")}`;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    overflowWrap: "anywhere",
  },
  second: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

function CrashView({ code, lang }: { readonly code: string; readonly lang: Lang }) {
  const styles = useStyles();
  const first = CRASH[lang];
  const second = CRASH[lang === "sv" ? "en" : "sv"];
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.root} role="alert">
        <Title3 as="h1">{first.title}</Title3>
        <Body1>{first.body}</Body1>
        <Body1 className={styles.code}>{first.code(code)}</Body1>
        <div>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            {first.reload}
          </Button>
        </div>
        <Caption1 className={styles.second} lang={lang === "sv" ? "en" : "sv"}>
          {second.title}. {second.body}
        </Caption1>
      </main>
    </FluentProvider>
  );
}

export interface ErrorBoundaryProps {
  readonly lang: Lang;
  readonly children: ReactNode;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { code: string | null }> {
  override state = { code: null as string | null };

  // React itself logs the error to the console, where a developer looks; the user sees the code.
  static getDerivedStateFromError(error: unknown): { code: string } {
    return { code: crashCode(error) };
  }

  override render(): ReactNode {
    return this.state.code ? (
      <CrashView code={this.state.code} lang={this.props.lang} />
    ) : (
      this.props.children
    );
  }
}
