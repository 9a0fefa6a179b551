/** Signing in with a token: "Nyckel" and "Logga in"; Enter in the box signs in. */
import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { type Ref, useState } from "react";
import type { ClientFailure } from "../../shared/client";
import type { Lang } from "../../shared/messages";
import { FailureBar } from "../components/FailureBar";
import type { PageStrings } from "../strings";

export interface SignInProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly failure: ClientFailure | null;
  /** The failure's message: where focus goes when signing in fails. */
  readonly failureRef?: Ref<HTMLDivElement>;
  readonly onSignIn: (token: string) => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "560px",
  },
  button: { alignSelf: "flex-start" },
});

export function SignIn({ strings, lang, busy, failure, failureRef, onSignIn }: SignInProps) {
  const styles = useStyles();
  const [token, setToken] = useState("");
  return (
    <form
      className={styles.root}
      aria-labelledby="sign-in-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim() && !busy) onSignIn(token);
      }}
    >
      <Title3 as="h2" id="sign-in-heading">
        {strings.signIn.heading}
      </Title3>
      {failure && (
        <div ref={failureRef} tabIndex={-1}>
          <FailureBar failure={failure} strings={strings} lang={lang} />
        </div>
      )}
      <Field label={strings.signIn.token} hint={strings.signIn.tokenHint}>
        <Input
          type="password"
          value={token}
          onChange={(_, d) => setToken(d.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Button className={styles.button} appearance="primary" type="submit" disabled={busy}>
        {busy ? strings.signIn.busy : strings.signIn.submit}
      </Button>
    </form>
  );
}
