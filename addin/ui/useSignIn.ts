/**
 * Signing in and out: who the token is, and then what waits in the workbook goes out — at
 * sign-in and whenever the pane opens with a remembered token. A token the service no longer
 * knows is forgotten; an unreachable service keeps a remembered one for later.
 */
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef } from "react";
import type { ExcelHost } from "../excel/host";
import { forgetCredentials, loadCredentials } from "../sync/credentials";
import type { Credentials } from "../sync/service";
import { loadSync } from "./lazy";
import type { Guarded, SyncState } from "./sync-state";

export function useSignIn(
  host: ExcelHost,
  state: SyncState,
  setState: Dispatch<SetStateAction<SyncState>>,
  guarded: Guarded,
) {
  const connect = useCallback(
    (credentials: Credentials, remember: boolean) =>
      guarded("signing-in", async () => (await loadSync()).connected(host, credentials, remember)),
    [guarded, host],
  );

  // On opening: the remembered token is checked and the outbox sent, exactly as after signing in.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const remembered = loadCredentials();
    if (remembered) void connect(remembered, false);
    else
      void loadSync()
        .then(({ readSyncSettings }) => readSyncSettings(host))
        .then((settings) => setState((s) => ({ ...s, waiting: settings.outbox.length })))
        .catch(() => undefined);
  }, [connect, host, setState]);

  const signIn = useCallback(
    async (serviceUrl: string, token: string) => {
      // The address is checked before anything is sent; connect() words a sync that could not load.
      const sync = await loadSync().catch(() => null);
      try {
        sync?.normaliseServiceUrl(serviceUrl);
      } catch (e) {
        setState((s) => ({ ...s, problem: sync ? sync.problemOf(e) : s.problem }));
        return;
      }
      return connect({ serviceUrl, token: token.trim() }, true);
    },
    [connect, setState],
  );

  const signOut = useCallback(() => {
    forgetCredentials();
    setState((s) => ({
      ...s,
      credentials: null,
      me: null,
      published: null,
      insatser: null,
      results: [],
      conflicts: [],
      problem: null,
      done: null,
    }));
  }, [setState]);

  const retry = useCallback(() => {
    if (state.credentials) return connect(state.credentials, false);
    return Promise.resolve();
  }, [connect, state.credentials]);

  return { signIn, signOut, retry };
}
