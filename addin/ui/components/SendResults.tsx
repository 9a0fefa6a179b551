/** What became of each report sent: sent as which version, queued, in conflict, or why it failed. */
import { Body1 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Ref } from "react";
import type { ClientFailure } from "../../../shared/client";
import type { Lang } from "../../../shared/messages";
import type { SendResult } from "../../sync/flow";
import type { UiStrings } from "../strings";

export interface SendResultsProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly results: readonly SendResult[];
  /** The list: where focus goes after sending. */
  readonly listRef: Ref<HTMLUListElement>;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A failure of the service in words, with the service's own detail in the language shown. */
export const syncFailureText = (failure: ClientFailure, s: UiStrings["sync"], lang: Lang): string =>
  [s.failures[failure.code], failure.detail?.[lang === "sv" ? "sv" : "en"]].filter(Boolean).join(" ");

export function SendResults({ strings, lang, results, listRef }: SendResultsProps) {
  const s = strings.sync;
  const styles = useStyles();
  if (results.length === 0) return null;
  return (
    <ul ref={listRef} tabIndex={-1} className={styles.list} aria-label={s.send}>
      {results.map((r) => (
        <li key={`${r.item.address.kind}/${r.item.address.period}/${r.item.address.insats ?? ""}`}>
          <Body1>
            {s.reportName(r.item.address.kind, r.item.address.period, r.item.address.insats)}:{" "}
            {r.status === "sent"
              ? s.sent(r.revision)
              : r.status === "queued"
                ? s.queued
                : r.status === "too-large-to-wait"
                  ? s.tooLargeToWait
                  : r.status === "conflict"
                    ? s.conflicted
                    : syncFailureText(r.failure, s, lang)}
          </Body1>
        </li>
      ))}
    </ul>
  );
}
