/** A failure in words: the service's own message in the chosen language, else the page's; never a stack trace. */
import { Button } from "@fluentui/react-button";
import { MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-message-bar";
import type { ClientFailure } from "../../shared/client";
import type { Lang } from "../../shared/messages";
import type { PageStrings } from "../strings";

export function failureText(failure: ClientFailure, strings: PageStrings, lang: Lang): string {
  const ours = strings.failures[failure.code];
  // The service's 401 speaks of headers; the page's says what to do.
  if (failure.code === "unauthenticated") return ours;
  const own = failure.detail ? (lang === "sv" ? failure.detail.sv : failure.detail.en) : null;
  // A refusal of access gets the page's sentence too: the service's alone does not say what to do.
  if (own && failure.code === "forbidden") return `${ours} ${own}`;
  return own ?? ours;
}

export interface FailureBarProps {
  readonly failure: ClientFailure;
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly onDismiss?: () => void;
}

export function FailureBar({ failure, strings, lang, onDismiss }: FailureBarProps) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{failureText(failure, strings, lang)}</MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {strings.dismiss}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
