/**
 * The network's page: sign in with a token, then the views the token opens — who has
 * reported, the comparison, the history, and for the admin the administration. Who the token
 * is comes from GET /api/me; the status (associations and their latest reports) is loaded once
 * and shared by the views.
 */
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  Spinner,
  Title2,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Me, Status } from "../shared/api";
import type { Lang } from "../shared/messages";
import { LanguagePicker } from "../ui/LanguagePicker";
import { asFailure, PageApi, type PageFailure, type Session } from "./api";
import { FailureBar } from "./components/FailureBar";
import { forgetToken, rememberLang, rememberToken, storedToken } from "./session";
import { type PageStrings, STRINGS } from "./strings";
import { AdminView } from "./views/AdminView";
import { ComparisonView } from "./views/ComparisonView";
import { HistoryView } from "./views/HistoryView";
import { SignIn } from "./views/SignIn";
import { StatusView } from "./views/StatusView";

export type ViewName = "status" | "comparison" | "history" | "admin";

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
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalL,
  },
  titles: { display: "flex", flexDirection: "column" },
  account: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function whoIs(me: Me, s: PageStrings): string {
  if (me.kind === "association") return me.association.name;
  return me.kind === "network" ? s.who.network(me.token.label) : s.who.admin;
}

/** The views a token opens, as the service allows: a report's history is the association's and the admin's (a network token gets 403 there). */
export function viewsFor(me: Me): ViewName[] {
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
  const [session, setSession] = useState<Session | null>(null);
  // A token remembered in this tab is checked before the sign-in form shows.
  const [checking, setChecking] = useState(() => storedToken() !== null);
  const [signInBusy, setSignInBusy] = useState(false);
  const [signInFailure, setSignInFailure] = useState<PageFailure | null>(null);
  const [view, setView] = useState<ViewName>("status");
  const [status, setStatus] = useState<Status | null>(null);
  const [statusFailure, setStatusFailure] = useState<PageFailure | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const chooseLang = (chosen: Lang) => {
    setLang(chosen);
    rememberLang(chosen);
  };

  const loadStatus = useCallback(async (api: PageApi) => {
    setStatusFailure(null);
    try {
      setStatus(await api.status());
    } catch (e) {
      setStatusFailure(asFailure(e));
    }
  }, []);

  const signIn = useCallback(
    async (token: string) => {
      const api = new PageApi(token.trim());
      setSignInBusy(true);
      setSignInFailure(null);
      try {
        const me = await api.me();
        rememberToken(token.trim());
        setSession({ api, me });
        setView("status");
        void loadStatus(api);
      } catch (e) {
        forgetToken();
        setSignInFailure(asFailure(e));
      } finally {
        setSignInBusy(false);
        setChecking(false);
      }
    },
    [loadStatus],
  );

  useEffect(() => {
    const token = storedToken();
    if (token !== null) void signIn(token);
  }, [signIn]);

  const signOut = () => {
    forgetToken();
    setSession(null);
    setStatus(null);
    setSignInFailure(null);
  };

  const views = useMemo(() => (session ? viewsFor(session.me) : []), [session]);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Title2 as="h1">{strings.title}</Title2>
            <Caption1>{strings.subtitle}</Caption1>
          </div>
          <div className={styles.account}>
            {session && <Body1>{strings.signedInAs(whoIs(session.me, strings))}</Body1>}
            {session && <Button onClick={signOut}>{strings.signOut}</Button>}
            <LanguagePicker lang={lang} label={strings.language} onLang={chooseLang} />
          </div>
        </header>
        {session && (
          <nav className={styles.nav} aria-label={strings.nav.label}>
            {views.map((name) => (
              <Button
                key={name}
                appearance={view === name ? "primary" : "secondary"}
                aria-current={view === name ? "page" : undefined}
                onClick={() => setView(name)}
              >
                {strings.nav[name]}
              </Button>
            ))}
          </nav>
        )}
        <main>
          {checking && !session ? (
            <Spinner label={strings.loading} />
          ) : !session ? (
            <SignIn
              strings={strings}
              lang={lang}
              busy={signInBusy}
              failure={signInFailure}
              onSignIn={signIn}
            />
          ) : (
            <>
              {statusFailure && (
                <FailureBar
                  failure={statusFailure}
                  strings={strings}
                  lang={lang}
                  onDismiss={() => setStatusFailure(null)}
                />
              )}
              {view === "status" && (
                <StatusView
                  strings={strings}
                  lang={lang}
                  status={status}
                  onRefresh={() => void loadStatus(session.api)}
                />
              )}
              {view === "comparison" && (
                <ComparisonView strings={strings} lang={lang} api={session.api} status={status} />
              )}
              {view === "history" && (
                <HistoryView strings={strings} lang={lang} session={session} status={status} />
              )}
              {view === "admin" && session.me.kind === "admin" && (
                <AdminView
                  strings={strings}
                  lang={lang}
                  api={session.api}
                  status={status}
                  onChanged={() => void loadStatus(session.api)}
                />
              )}
            </>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
