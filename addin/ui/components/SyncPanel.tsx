/**
 * The pane's link to the Samsyn service: sign in, send what was read, see each report's fate,
 * what waits in the workbook, conflicts to resolve, and the network's comparison to fetch.
 * Focus follows the user to the result of signing in and of sending (useFocusResult).
 */
import { Caption1, Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { type ReactNode, useState } from "react";
import type { Lang } from "../../../shared/messages";
import type { ReportKind } from "../../../shared/report";
import { later } from "../lazy";
import type { UiStrings } from "../strings";
import { useFocusResult } from "../useFocusResult";
import type { SyncState } from "../useSync";
import { SendResults, syncFailureText } from "./SendResults";
import { SyncAccount } from "./SyncAccount";
import { SyncWaiting } from "./SyncWaiting";

// Shown once signed in, or after something happened: chunks of their own (see App.tsx).
const ConflictView = later(() => import("./ConflictView").then((m) => m.ConflictView));
const FetchComparison = later(() => import("./FetchComparison").then((m) => m.FetchComparison));
const Notice = later(() => import("./Notice").then((m) => m.Notice));

export interface SyncPanelProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly state: SyncState;
  /** Something was read that can be sent. */
  readonly canSend: boolean;
  /** What would be sent, to tick and send (SendPreview). */
  readonly sendPreview: ReactNode;
  /** The year the comparison starts at: the workbook's own (comparisonYear), else this year. */
  readonly suggestedYear: string;
  readonly services: readonly string[];
  readonly onSignIn: (serviceUrl: string, token: string) => void;
  readonly onSignOut: () => void;
  readonly onRetry: () => void;
  readonly onResolve: (conflict: SyncState["conflicts"][number], choice: "mine" | "theirs") => void;
  /** Participants: one insats by name, or (undefined) all of them added up. */
  readonly onFetch: (kind: ReportKind, year: string, insats?: string) => void;
  readonly onDismiss: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalM,
  },
});

export function SyncPanel(props: SyncPanelProps) {
  const { strings, lang, state, canSend } = props;
  const s = strings.sync;
  const styles = useStyles();
  // The suggestion follows the workbook read (none yet when the pane opens) until the user types a year.
  const [typedYear, setYear] = useState<string | null>(null);
  const year = typedYear ?? props.suggestedYear;
  const [kind, setKind] = useState<ReportKind>("budget");
  // "" for all insatser; a name only while the last comparison of the year listed it.
  const [insats, setInsats] = useState("");
  const focus = useFocusResult(state.busy, state.problem !== null);
  const busy = state.busy !== null;
  const me = state.me;

  return (
    <section className={styles.root} aria-label={s.heading}>
      <Subtitle2 as="h2">{s.heading}</Subtitle2>
      {state.problem && (
        <div ref={focus.refs.problem} tabIndex={-1}>
          <Notice
            intent="error"
            text={
              state.problem.kind === "sync"
                ? syncFailureText(state.problem.failure, s, lang)
                : strings.failures[state.problem.failure]
            }
            dismissLabel={strings.dismiss}
            onDismiss={props.onDismiss}
          />
        </div>
      )}
      <SyncAccount
        strings={strings}
        credentials={state.credentials}
        me={me}
        busy={busy}
        services={props.services}
        whoRef={focus.refs.who}
        onSignIn={(serviceUrl, token) => {
          focus.asked();
          props.onSignIn(serviceUrl, token);
        }}
        onSignOut={props.onSignOut}
      />
      <SyncWaiting
        strings={strings}
        waiting={state.waiting}
        signedIn={state.credentials !== null}
        unknownWho={me === null}
        busy={busy}
        onRetry={props.onRetry}
      />

      {me?.kind === "association" && (canSend ? props.sendPreview : <Caption1>{s.sendNeedsRead}</Caption1>)}
      {me !== null && me.kind !== "association" && <Caption1>{s.sendNeedsAssociation}</Caption1>}

      <SendResults strings={strings} lang={lang} results={state.results} listRef={focus.refs.results} />

      {state.conflicts.map((conflict) => (
        <ConflictView
          key={`${conflict.item.address.kind}/${conflict.item.address.period}/${conflict.item.address.insats ?? ""}`}
          strings={strings}
          lang={lang}
          conflict={conflict}
          busy={busy}
          onChoose={(choice) => props.onResolve(conflict, choice)}
        />
      ))}

      {state.done && (
        <Notice
          intent="success"
          text={
            state.done.kind === "fetched"
              ? s.fetched(state.done.sheet, state.done.reporting, state.done.associations)
              : s.keptTheirs(state.done.sheet)
          }
          dismissLabel={strings.dismiss}
        />
      )}

      {me !== null && (
        <FetchComparison
          strings={strings}
          lang={lang}
          year={year}
          kind={kind}
          busy={busy}
          fetching={state.busy === "fetching"}
          insats={insats}
          insatser={state.insatser?.year === year.trim() ? state.insatser.names : []}
          onYear={setYear}
          onKind={setKind}
          onInsats={setInsats}
          onFetch={props.onFetch}
        />
      )}
    </section>
  );
}
