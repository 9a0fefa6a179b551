/**
 * Focus follows the user's action to its result: after signing in, to who is signed in; after
 * sending, to what became of each report; after either fails, to the message. A sign-in the
 * pane makes by itself (a remembered token, when it opens) moves nothing.
 */
import { useEffect, useRef } from "react";
import type { SyncBusy } from "./useSync";

/** Call `asked()` when the user signs in; the refs go on the elements to focus. */
export function useFocusResult(busy: SyncBusy | null, failed: boolean) {
  const problem = useRef<HTMLDivElement>(null);
  const who = useRef<HTMLSpanElement>(null);
  const results = useRef<HTMLUListElement>(null);
  const signInAsked = useRef(false);
  const before = useRef(busy);

  useEffect(() => {
    const was = before.current;
    before.current = busy;
    if (busy !== null || (was !== "sending" && was !== "signing-in")) return;
    if (was === "signing-in") {
      if (!signInAsked.current) return;
      signInAsked.current = false;
    }
    const target = failed ? problem.current : was === "sending" ? results.current : who.current;
    target?.focus();
  }, [busy, failed]);

  return {
    refs: { problem, who, results },
    asked: () => {
      signInAsked.current = true;
    },
  };
}
