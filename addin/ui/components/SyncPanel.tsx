/**
 * The pane's link to the Samsyn service: sign in, send what was read, see each report's fate,
 * what waits in the workbook, conflicts to resolve, and the network's comparison to fetch.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import type { Lang } from "../../../shared/messages";
import { isYearText } from "../../../shared/period";
import type { ReportKind } from "../../../shared/report";
import type { UiStrings } from "../strings";
import type { SyncState } from "../useSync";
import { ConflictView } from "./ConflictView";
import { Notice } from "./Notice";
import { SignIn } from "./SignIn";

export interface SyncPanelProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly state: SyncState;
  /** Something was read that can be sent. */
  readonly canSend: boolean;
  /** What would be sent, to tick and send (SendPreview). */
  readonly sendPreview: ReactNode;
  /** The year the comparison starts at: the read budget's plan year, else this year. */
  readonly suggestedYear: string;
  readonly defaultUrl: string;
  readonly onSignIn: (serviceUrl: string, token: string) => void;
  readonly onSignOut: () => void;
  readonly onRetry: () => void;
  readonly onResolve: (conflict: SyncState["conflicts"][number], choice: "mine" | "theirs") => void;
  readonly onFetch: (kind: ReportKind, year: string) => void;
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
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  who: { overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  year: { minWidth: 0, width: "120px" },
});

export function SyncPanel(props: SyncPanelProps) {
  const { strings, lang, state, canSend } = props;
  const s = strings.sync;
  const styles = useStyles();
  const [year, setYear] = useState(props.suggestedYear);
  const [kind, setKind] = useState<ReportKind>("budget");
  const busy = state.busy !== null;
  const me = state.me;
  const yearOk = isYearText(year);

  const who =
    me?.kind === "association"
      ? me.association.name
      : me?.kind === "network"
        ? `${s.network}${me.token.label ? ` – ${me.token.label}` : ""}`
        : me?.kind === "admin"
          ? s.admin
          : null;

  return (
    <section className={styles.root} aria-label={s.heading}>
      <Subtitle2 as="h2">{s.heading}</Subtitle2>
      {state.problem && (
        <Notice
          intent="error"
          text={
            state.problem.kind === "sync"
              ? [
                  s.failures[state.problem.failure.code],
                  state.problem.failure.detail?.[lang === "sv" ? "sv" : "en"],
                ]
                  .filter(Boolean)
                  .join(" ")
              : strings.failures[state.problem.failure]
          }
          dismissLabel={strings.dismiss}
          onDismiss={props.onDismiss}
        />
      )}
      {state.credentials === null ? (
        <SignIn strings={strings} busy={busy} defaultUrl={props.defaultUrl} onSignIn={props.onSignIn} />
      ) : (
        <div className={styles.row}>
          <Body1 className={styles.who}>{who ? s.signedInAs(who) : state.credentials.serviceUrl}</Body1>
          <Button size="small" disabled={busy} onClick={props.onSignOut}>
            {s.signOut}
          </Button>
        </div>
      )}

      {state.waiting > 0 && (
        <div role="status" className={styles.row}>
          <Body1>{s.waiting(state.waiting)}</Body1>
          {state.credentials && (
            <Button size="small" disabled={busy} onClick={props.onRetry}>
              {s.retry}
            </Button>
          )}
          <Caption1>{s.waitingHint}</Caption1>
        </div>
      )}
      {state.waiting === 0 && state.credentials && me === null && !busy && (
        <Button size="small" onClick={props.onRetry}>
          {s.retry}
        </Button>
      )}

      {me?.kind === "association" && (canSend ? props.sendPreview : <Caption1>{s.sendNeedsRead}</Caption1>)}
      {me !== null && me.kind !== "association" && <Caption1>{s.sendNeedsAssociation}</Caption1>}

      {state.results.length > 0 && (
        <ul className={styles.list} aria-label={s.send}>
          {state.results.map((r) => (
            <li key={`${r.item.address.kind}/${r.item.address.period}`}>
              <Body1>
                {s.reportName(r.item.address.kind, r.item.address.period)}:{" "}
                {r.status === "sent"
                  ? s.sent(r.revision)
                  : r.status === "queued"
                    ? s.queued
                    : r.status === "conflict"
                      ? s.conflicted
                      : [s.failures[r.failure.code], r.failure.detail?.[lang === "sv" ? "sv" : "en"]]
                          .filter(Boolean)
                          .join(" ")}
              </Body1>
            </li>
          ))}
        </ul>
      )}

      {state.conflicts.map((conflict) => (
        <ConflictView
          key={`${conflict.item.address.kind}/${conflict.item.address.period}`}
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
        <>
          <Subtitle2 as="h2">{s.fetchHeading}</Subtitle2>
          <Field label={s.year} {...(yearOk ? {} : { validationMessage: s.badYear })}>
            <Input
              className={styles.year}
              inputMode="numeric"
              value={year}
              onChange={(_, d) => setYear(d.value)}
            />
          </Field>
          <Field label={s.kind}>
            <RadioGroup
              layout="horizontal"
              value={kind}
              onChange={(_, d) => setKind(d.value === "participants" ? "participants" : "budget")}
            >
              <Radio value="budget" label={s.kinds.budget} />
              <Radio value="participants" label={s.kinds.participants} />
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            <Button disabled={busy || !yearOk} onClick={() => props.onFetch(kind, year.trim())}>
              {state.busy === "fetching" ? s.fetching : s.fetchComparison}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
