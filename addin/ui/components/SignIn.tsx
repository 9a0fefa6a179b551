/** Signing in to the Samsyn service: its address (default: where the pane came from) and a token. */
import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { UiStrings } from "../strings";

export interface SignInProps {
  readonly strings: UiStrings;
  readonly busy: boolean;
  readonly defaultUrl: string;
  readonly onSignIn: (serviceUrl: string, token: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  button: { alignSelf: "flex-start" },
  input: { minWidth: 0, width: "100%" },
});

export function SignIn({ strings, busy, defaultUrl, onSignIn }: SignInProps) {
  const styles = useStyles();
  const [url, setUrl] = useState(defaultUrl);
  const [token, setToken] = useState("");
  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onSignIn(url, token);
      }}
    >
      <Field label={strings.sync.serviceUrl} hint={strings.sync.serviceUrlHint}>
        <Input
          className={styles.input}
          type="url"
          value={url}
          onChange={(_, d) => setUrl(d.value)}
          autoComplete="url"
        />
      </Field>
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
