/**
 * Signing in and out: who the token is, and then what waits in the workbook goes out — at
 * sign-in and whenever the pane opens with a remembered token. A token the service no longer
 * knows is forgotten; an unreachable service keeps a remembered one for later.
 */
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef } from "react";
import type { Me } from "../../shared/api";
import { ClientFailure } from "../../shared/client";
import type { ExcelHost } from "../excel/host";
import { readSyncSettings } from "../excel/sync-memory";
import { forgetCredentials, loadCredentials, saveCredentials } from "../sync/credentials";
import { sendWaiting } from "../sync/flow";
import { isReachable, reachableServices } from "../sync/reachable";
import { type Credentials, normaliseServiceUrl, ServiceClient } from "../sync/service";
import {
  type Guarded,
  problemOf,
  publishedOf,
  type SyncChange,
  type SyncState,
  waitingFor,
  withResults,
} from "./sync-state";

/** Who the token is, then the outbox sent; a failure keeps what it may keep. */
async function connected(host: ExcelHost, credentials: Credentials, remember: boolean): Promise<SyncChange> {
  if (!isReachable(credentials.serviceUrl, reachableServices())) {
    // Remembered from a pane hosted elsewhere, or typed before the policy was stated: the browser
    // would block every request, and "cannot be reached" would send the user looking at the network.
    forgetCredentials();
    return (s) => ({
      ...s,
      credentials: null,
      me: null,
      problem: problemOf(new ClientFailure("blocked-address")),
    });
  }
  const c = new ServiceClient(credentials);
  let me: Me;
  try {
    me = await c.me();
  } catch (e) {
    const revoked = e instanceof ClientFailure && e.code === "unauthenticated";
    if (revoked) forgetCredentials();
    const settings = await readSyncSettings(host).catch(() => null);
    return (s) => ({
      ...s,
      credentials: revoked || remember ? null : s.credentials,
      me: null,
      problem: problemOf(e),
      waiting: settings ? settings.outbox.length : s.waiting,
    });
  }
  if (remember) saveCredentials({ serviceUrl: c.serviceUrl, token: credentials.token });
  const stored = { serviceUrl: c.serviceUrl, token: credentials.token };
  if (me.kind !== "association") {
    const settings = await readSyncSettings(host);
    return (s) => ({ ...s, credentials: stored, me, waiting: waitingFor(me, settings.outbox) });
  }
  const sent = await sendWaiting(host, c, me.association.id);
  const published = await publishedOf(c, me.association.id);
  return (s) => withResults({ ...s, credentials: stored, me, published }, sent.results, sent.settings.outbox);
}

export function useSignIn(
  host: ExcelHost,
  state: SyncState,
  setState: Dispatch<SetStateAction<SyncState>>,
  guarded: Guarded,
) {
  const connect = useCallback(
    (credentials: Credentials, remember: boolean) =>
      guarded("signing-in", () => connected(host, credentials, remember)),
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
      void readSyncSettings(host)
        .then((settings) => setState((s) => ({ ...s, waiting: settings.outbox.length })))
        .catch(() => undefined);
  }, [connect, host, setState]);

  const signIn = useCallback(
    (serviceUrl: string, token: string) => {
      try {
        normaliseServiceUrl(serviceUrl);
      } catch (e) {
        setState((s) => ({ ...s, problem: problemOf(e) }));
        return Promise.resolve();
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
