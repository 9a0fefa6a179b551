/**
 * Signing in to the Samsyn service with a token. The service is one the pane's policy lets it
 * reach (addin/sync/reachable.ts): its own origin shows no address at all; one other service is
 * named; several are a choice. No free address: the browser would block any other one.
 */
import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Select } from "@fluentui/react-select";
import { Caption1 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { UiStrings } from "../strings";

export interface SignInProps {
  readonly strings: UiStrings;
  readonly busy: boolean;
  /** The services the pane may reach, as origins; the first is the default. */
  readonly services: readonly string[];
  readonly onSignIn: (serviceUrl: string, token: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  button: { alignSelf: "flex-start" },
  input: { minWidth: 0, width: "100%" },
  service: { overflowWrap: "anywhere" },
});

/** The address as a user reads it: the host, with its port where it has one. */
const hostOf = (origin: string) => new URL(origin).host;

export function SignIn({ strings, busy, services, onSignIn }: SignInProps) {
  const styles = useStyles();
  const [url, setUrl] = useState(services[0] ?? window.location.origin);
  const [token, setToken] = useState("");
  const own = services.length === 1 && services[0] === window.location.origin;
  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onSignIn(url, token);
      }}
    >
      {services.length > 1 ? (
        <Field label={strings.sync.serviceUrl} hint={strings.sync.serviceUrlHint}>
          <Select className={styles.input} value={url} onChange={(_, d) => setUrl(d.value)}>
            {services.map((s) => (
              <option key={s} value={s}>
                {hostOf(s)}
              </option>
            ))}
          </Select>
        </Field>
      ) : own ? null : (
        <Caption1 className={styles.service}>{strings.sync.service(hostOf(url))}</Caption1>
      )}
      <Field label={strings.sync.token} hint={strings.sync.tokenHint}>
        <Input
          className={styles.input}
          type="password"
          value={token}
          onChange={(_, d) => setToken(d.value)}
          autoComplete="off"
        />
      </Field>
      <Button
        className={styles.button}
        appearance="primary"
        type="submit"
        disabled={busy || token.trim() === ""}
      >
        {busy ? strings.sync.signingIn : strings.sync.signIn}
      </Button>
    </form>
  );
}
