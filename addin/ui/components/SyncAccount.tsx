/** Who the pane is signed in as, with signing out; or the sign-in form when it is not. */

import { Button } from "@fluentui/react-button";
import { Body1 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Ref } from "react";
import type { Me } from "../../../shared/api";
import type { Credentials } from "../../sync/service";
import type { UiStrings } from "../strings";
import { SignIn } from "./SignIn";

export interface SyncAccountProps {
  readonly strings: UiStrings;
  readonly credentials: Credentials | null;
  readonly me: Me | null;
  readonly busy: boolean;
  readonly services: readonly string[];
  /** The line that says who is signed in: where focus goes after signing in. */
  readonly whoRef: Ref<HTMLSpanElement>;
  readonly onSignIn: (serviceUrl: string, token: string) => void;
  readonly onSignOut: () => void;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  who: { overflowWrap: "anywhere" },
});

/** The token's holder in words: the association's name, the network (with the token's label), or the admin. */
function whoIs(me: Me | null, s: UiStrings["sync"]): string | null {
  if (me?.kind === "association") return me.association.name;
  if (me?.kind === "network") return `${s.network}${me.token.label ? ` – ${me.token.label}` : ""}`;
  return me?.kind === "admin" ? s.admin : null;
}

export function SyncAccount({
  strings,
  credentials,
  me,
  busy,
  services,
  whoRef,
  onSignIn,
  onSignOut,
}: SyncAccountProps) {
  const s = strings.sync;
  const styles = useStyles();
  if (credentials === null)
    return <SignIn strings={strings} busy={busy} services={services} onSignIn={onSignIn} />;
  const who = whoIs(me, s);
  return (
    <div className={styles.row}>
      <span ref={whoRef} tabIndex={-1} className={styles.who}>
        <Body1>{who ? s.signedInAs(who) : credentials.serviceUrl}</Body1>
      </span>
      <Button size="small" disabled={busy} onClick={onSignOut}>
        {s.signOut}
      </Button>
    </div>
  );
}
