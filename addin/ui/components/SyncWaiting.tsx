/** Reports waiting in the workbook's outbox, and trying again when the service was not reached. */

import { Button } from "@fluentui/react-button";
import { Body1, Caption1 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { UiStrings } from "../strings";

export interface SyncWaitingProps {
  readonly strings: UiStrings;
  /** How many reports wait in the outbox. */
  readonly waiting: number;
  readonly signedIn: boolean;
  /** Signed in, but who the token is could not be asked (the service was not reached). */
  readonly unknownWho: boolean;
  readonly busy: boolean;
  readonly onRetry: () => void;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export function SyncWaiting({ strings, waiting, signedIn, unknownWho, busy, onRetry }: SyncWaitingProps) {
  const s = strings.sync;
  const styles = useStyles();
  if (waiting > 0)
    return (
      <div role="status" className={styles.row}>
        <Body1>{s.waiting(waiting)}</Body1>
        {signedIn && (
          <Button size="small" disabled={busy} onClick={onRetry}>
            {s.retry}
          </Button>
        )}
        <Caption1>{s.waitingHint}</Caption1>
      </div>
    );
  if (signedIn && unknownWho && !busy)
    return (
      <Button size="small" onClick={onRetry}>
        {s.retry}
      </Button>
    );
  return null;
}
