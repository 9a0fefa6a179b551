/**
 * The network's page: sign in with a token, then the views the token opens — who has
 * reported, the comparison, the history, and for the admin the administration. Who the token
 * is comes from GET /api/me (useSession); the status (associations and their latest reports) is
 * loaded once and shared by the views. After the user signs in, focus goes to the result.
 */
import { FluentProvider } from "@fluentui/react-provider";
import { Spinner } from "@fluentui/react-spinner";
import { tokens, webLightTheme } from "@fluentui/react-theme";
import { makeStaticStyles, makeStyles } from "@griffel/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Me } from "../shared/api";
import type { Lang } from "../shared/messages";
import { PageHeader } from "./components/PageHeader";
import { ViewNav } from "./components/ViewNav";
import { rememberLang } from "./session";
import { STRINGS } from "./strings";
import { useSession, type ViewName } from "./useSession";
import { SessionViews } from "./views/SessionViews";
import { SignIn } from "./views/SignIn";

const useGlobal = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: "1600px",
  },
});

/** The views a token opens, as the service allows: a report's history is the association's and the admin's (a network token gets 403 there). */
function viewsFor(me: Me): ViewName[] {
  if (me.kind === "admin") return ["status", "comparison", "history", "admin"];
  return me.kind === "association" ? ["status", "comparison", "history"] : ["status", "comparison"];
}

export interface AppProps {
  readonly initialLang?: Lang;
}

export function App({ initialLang = "sv" }: AppProps) {
  useGlobal();
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const strings = STRINGS[lang];
  const page = useSession();
  const { session } = page;
  const whoRef = useRef<HTMLSpanElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // After the user signs in, focus goes to what it led to: who is signed in, or why not.
  const { focus, focused } = page;
  useEffect(() => {
    if (focus === null) return;
    (focus === "who" ? whoRef.current : failureRef.current)?.focus();
    focused();
  }, [focus, focused]);

  const chooseLang = (chosen: Lang) => {
    setLang(chosen);
    rememberLang(chosen);
  };

  const views = useMemo(() => (session ? viewsFor(session.me) : []), [session]);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root}>
        <PageHeader
          strings={strings}
          lang={lang}
          me={session?.me ?? null}
          whoRef={whoRef}
          onLang={chooseLang}
          onSignOut={page.signOut}
        />
        {session && <ViewNav strings={strings} views={views} view={page.view} onView={page.setView} />}
        <main>
          {page.checking && !session ? (
            <Spinner label={strings.loading} />
          ) : !session ? (
            <SignIn
              strings={strings}
              lang={lang}
              busy={page.signInBusy}
              failure={page.signInFailure}
              failureRef={failureRef}
              onSignIn={page.signIn}
            />
          ) : (
            <SessionViews strings={strings} lang={lang} session={session} page={page} />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
