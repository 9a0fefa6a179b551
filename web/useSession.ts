/**
 * The page's session: signing in with a token (a token remembered in this tab is checked first),
 * signing out, who the token is (GET /api/me), the status shared by the views, and where focus
 * goes after the user signs in — to who is signed in, or to the failure.
 */
import { useCallback, useEffect, useState } from "react";
import type { Status } from "../shared/api";
import type { ClientFailure } from "../shared/client";
import type { PageApi, Session } from "./api";
import { forgetToken, rememberToken, storedToken } from "./session";

export type ViewName = "status" | "comparison" | "history" | "admin";

export interface PageSession {
  readonly session: Session | null;
  /** A remembered token is being checked: neither the form nor the views yet. */
  readonly checking: boolean;
  readonly signInBusy: boolean;
  readonly signInFailure: ClientFailure | null;
  readonly view: ViewName;
  readonly status: Status | null;
  readonly statusFailure: ClientFailure | null;
  /** Where focus goes once the page has rendered what the user's sign-in led to; null once moved. */
  readonly focus: "who" | "failure" | null;
  readonly signIn: (token: string) => void;
  readonly signOut: () => void;
  readonly setView: (view: ViewName) => void;
  readonly loadStatus: (api: PageApi) => Promise<void>;
  readonly dismissStatusFailure: () => void;
  readonly focused: () => void;
}

type SessionWork = typeof import("./session-work");
let work: Promise<SessionWork> | undefined;
/** The client of the service, a chunk of its own: asked for at start, so it is there by sign-in. */
const loadWork = (): Promise<SessionWork> => {
  // A chunk that failed to load (the network gone a moment) is asked for again next time.
  work ??= import("./session-work").catch((e: unknown) => {
    work = undefined;
    throw e;
  });
  return work;
};

export function useSession(): PageSession {
  const [session, setSession] = useState<Session | null>(null);
  // A token remembered in this tab is checked before the sign-in form shows.
  const [checking, setChecking] = useState(() => storedToken() !== null);
  const [signInBusy, setSignInBusy] = useState(false);
  const [signInFailure, setSignInFailure] = useState<ClientFailure | null>(null);
  const [view, setView] = useState<ViewName>("status");
  const [status, setStatus] = useState<Status | null>(null);
  const [statusFailure, setStatusFailure] = useState<ClientFailure | null>(null);
  const [focus, setFocus] = useState<"who" | "failure" | null>(null);

  const loadStatus = useCallback(async (api: PageApi) => {
    setStatusFailure(null);
    try {
      setStatus(await api.status());
    } catch (e) {
      setStatusFailure((await loadWork()).asClientFailure(e));
    }
  }, []);

  /** `byUser`: the form was sent, so focus follows to the result; a remembered token moves nothing. */
  const connect = useCallback(
    async (token: string, byUser: boolean) => {
      setSignInBusy(true);
      setSignInFailure(null);
      const loaded = await loadWork().catch(() => null);
      if (!loaded) {
        // The page's own code did not arrive: the form stays, and signing in again asks for it again.
        setSignInBusy(false);
        setChecking(false);
        return;
      }
      const { PageApi, asClientFailure } = loaded;
      const api = new PageApi(token.trim());
      try {
        const me = await api.me();
        rememberToken(token.trim());
        setSession({ api, me });
        setView("status");
        if (byUser) setFocus("who");
        void loadStatus(api);
      } catch (e) {
        forgetToken();
        setSignInFailure(asClientFailure(e));
        if (byUser) setFocus("failure");
      } finally {
        setSignInBusy(false);
        setChecking(false);
      }
    },
    [loadStatus],
  );

  useEffect(() => {
    const token = storedToken();
    if (token !== null) void connect(token, false);
    else void loadWork().catch(() => undefined);
  }, [connect]);

  const signOut = () => {
    forgetToken();
    setSession(null);
    setStatus(null);
    setSignInFailure(null);
  };

  return {
    session,
    checking,
    signInBusy,
    signInFailure,
    view,
    status,
    statusFailure,
    focus,
    signIn: (token) => void connect(token, true),
    signOut,
    setView,
    loadStatus,
    dismissStatusFailure: () => setStatusFailure(null),
    focused: () => setFocus(null),
  };
}
