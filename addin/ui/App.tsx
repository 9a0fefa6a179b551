/** The task pane: header, source and actions, progress and messages, and what the import found. */

import { FluentProvider } from "@fluentui/react-provider";
import { Body1 } from "@fluentui/react-text";
import { tokens, webDarkTheme, webLightTheme } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { Lang } from "../../shared/messages";
import { type ExcelHost, REQUIRED_EXCEL_API } from "../excel/host";
import { outputsOf } from "../excel/outputs";
import { comparisonYear } from "../sync/periods";
import { reachableServices } from "../sync/reachable";
import { Header } from "./components/Header";
import { SourceBar } from "./components/SourceBar";
import { later } from "./lazy";
import { type PaneTheme, rememberLang, storedLang } from "./preferences";
import { loadStrings, stringsOf } from "./strings";
import { sourceOf, useConversion } from "./useConversion";
import { useListPeriods, useSendChoice } from "./useSendChoice";
import { useSync } from "./useSync";

// Shown only once something happened (a sheet read, a message, a signed-in association): each
// a chunk of its own, so that the pane opens with only what its first screen shows.
const ResultTabs = later(() => import("./components/ResultTabs").then((m) => m.ResultTabs));
const SendPreview = later(() => import("./components/SendPreview").then((m) => m.SendPreview));
const Notice = later(() => import("./components/Notice").then((m) => m.Notice));
const BusyBar = later(() => import("./components/BusyBar").then((m) => m.BusyBar));
// Below "Läs in", and it waits for the sync to load anyway (a remembered token is checked first).
const SyncPanel = later(() => import("./components/SyncPanel").then((m) => m.SyncPanel));

export interface AppProps {
  readonly host: ExcelHost;
  readonly initialLang?: Lang;
  /** Office's theme: the pane follows a dark Office. */
  readonly theme?: PaneTheme;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function App({ host, initialLang = "sv", theme = "light" }: AppProps) {
  const styles = useStyles();
  // The language the user chose last time wins over Office's display language.
  const [lang, setLang] = useState<Lang>(() => storedLang() ?? initialLang);
  const chooseLang = (chosen: Lang) =>
    void loadStrings(chosen).then(() => {
      setLang(chosen);
      rememberLang(chosen);
    });
  const strings = stringsOf(lang);
  const { state, reading, importSheet, write, followup, unmark, correct, select, dismiss } = useConversion(
    host,
    lang,
  );
  const source = state.imported?.snapshot.grid.sheet ?? null;
  const sync = useSync(host);
  const [services] = useState(() => reachableServices() ?? [window.location.origin]);
  // One period per participant list: its key figures show it, and it is what is sent.
  const periods = useListPeriods(reading);
  const me = sync.state.me;
  const choice = useSendChoice(
    reading,
    me?.kind === "association" ? me.association.id : null,
    periods.chosen,
    sync.state.published,
  );
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root}>
        <Header strings={strings} lang={lang} onLang={chooseLang} />
        {!host.supports(REQUIRED_EXCEL_API) && (
          <Notice intent="error" text={strings.tooOld(REQUIRED_EXCEL_API)} dismissLabel={strings.dismiss} />
        )}
        <SourceBar
          strings={strings}
          busy={state.busy !== null}
          canWrite={reading !== null && reading.tables.length > 0}
          isRefresh={
            state.imported !== null &&
            outputsOf(state.imported.snapshot.outputs, sourceOf(state.imported)) !== undefined
          }
          hasMarks={
            state.imported !== null &&
            (outputsOf(state.imported.snapshot.outputs, sourceOf(state.imported))?.marks.length ?? 0) > 0
          }
          willMark={reading?.issues.some((i) => i.sheet === source && i.cell !== null) === true}
          onImport={importSheet}
          onWrite={write}
          onUnmark={unmark}
          onFollowup={followup}
        />
        {state.busy && <BusyBar strings={strings} busy={state.busy} />}
        {state.failure && (
          <Notice
            intent="error"
            text={strings.failures[state.failure]}
            dismissLabel={strings.dismiss}
            onDismiss={dismiss}
          />
        )}
        {state.written && state.busy === null && (
          <Notice
            intent="success"
            text={`${strings.written(state.written.join(", "))} ${state.undo === "steps" ? strings.undoSteps : strings.undoOneStep}`}
            dismissLabel={strings.dismiss}
          />
        )}
        <SyncPanel
          strings={strings}
          lang={lang}
          state={sync.state}
          canSend={choice.candidates.length > 0}
          sendPreview={
            <SendPreview
              strings={strings}
              lang={lang}
              candidates={choice.candidates}
              lists={periods.lists}
              onPeriod={periods.choose}
              onTick={choice.tick}
              hasBudget={choice.hasBudget}
              budgetYear={choice.budgetYear}
              budgetYearOk={choice.budgetYearOk}
              onBudgetYear={choice.setBudgetYear}
              busy={sync.state.busy !== null}
              sending={sync.state.busy === "sending"}
              onSend={() => void sync.send(choice.items)}
            />
          }
          suggestedYear={comparisonYear(reading) ?? String(new Date().getFullYear())}
          services={services}
          onSignIn={sync.signIn}
          onSignOut={sync.signOut}
          onRetry={sync.retry}
          onResolve={sync.resolve}
          onFetch={sync.fetchMerged}
          onDismiss={sync.dismiss}
        />
        {reading === null || source === null ? (
          <Body1>{strings.nothingYet}</Body1>
        ) : (
          <ResultTabs
            strings={strings}
            lang={lang}
            reading={reading}
            corrections={state.corrections[source] ?? {}}
            onCorrect={(change) => correct(source, change)}
            onSelect={select}
            periods={periods}
          />
        )}
      </main>
    </FluentProvider>
  );
}
