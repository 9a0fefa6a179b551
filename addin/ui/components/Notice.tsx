/** A message to the user: a failure in words (never a stack trace), or a success. */
import { Button } from "@fluentui/react-button";
import { MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-message-bar";

export interface NoticeProps {
  readonly intent: "error" | "success";
  readonly text: string;
  readonly dismissLabel: string;
  readonly onDismiss?: () => void;
}

export function Notice({ intent, text, dismissLabel, onDismiss }: NoticeProps) {
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{text}</MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {dismissLabel}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
