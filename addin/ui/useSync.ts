/**
 * The pane's sync state and actions: sign in and out, send what was read, resolve a conflict,
 * send what waits in the workbook, fetch the network's comparison into a sheet. The network
 * is reached only through addin/sync/service.ts, the workbook only through the adapter.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Me } from "../../shared/api";
import { ClientFailure } from "../../shared/client";
import type { ParticipantsReport, ReportKind } from "../../shared/report";
import { classifyFailure, type ExcelFailure } from "../excel/errors";
import type { ExcelHost } from "../excel/host";
import { readSyncSettings } from "../excel/sync-memory";
import { fetchComparison, keepTheirsInSheet } from "../sync/comparison";
import { forgetCredentials, loadCredentials, saveCredentials } from "../sync/credentials";
import {
  type Conflict,
  keepTheirs,
  type SendItem,
  type SendResult,
  sendMineAnyway,
  sendReports,
  sendWaiting,
} from "../sync/flow";
import { type Credentials, normaliseServiceUrl, ServiceClient } from "../sync/service";

export type SyncBusy = "signing-in" | "sending" | "fetching" | "resolving";

export type SyncProblem =
  | { readonly kind: "sync"; readonly failure: ClientFailure }
  | { readonly kind: "excel"; readonly failure: ExcelFailure };

export interface SyncState {
  readonly credentials: Credentials | null;
  readonly me: Me | null;
  readonly busy: SyncBusy | null;
  readonly problem: SyncProblem | null;
  readonly results: readonly SendResult[];
  /** Conflicts still to be resolved, first shown first. */
  readonly conflicts: readonly Conflict[];
  /** Reports of the signed-in association waiting in the workbook's outbox. */
  readonly waiting: number;
  /**
   * The association's participants reports as the service has them (the latest of each period),
   * asked at sign-in and after each send; null when not known (not signed in, or not reached).
   */
  readonly published: readonly ParticipantsReport[] | null;
  readonly done:
    | {
        readonly kind: "fetched";
        readonly sheet: string;
        readonly reporting: number;
        readonly associations: number;
      }
    | {
        readonly kind: "kept-theirs";
        readonly sheet: string;
      }
    | null;
}

/** Not reached is not known: the service checks what arrives all the same. */
const publishedOf = (client: ServiceClient, associationId: string) =>
  client.published(associationId).catch(() => null);

const problemOf = (e: unknown): SyncProblem =>
  e instanceof ClientFailure ? { kind: "sync", failure: e } : { kind: "excel", failure: classifyFailure(e) };

const waitingFor = (me: Me | null, outbox: readonly { associationId: string }[]) =>
  me?.kind === "association"
    ? outbox.filter((e) => e.associationId === me.association.id).length
    : outbox.length;

/** Results of a send folded in: conflicts to the conflict view, the rest listed. */
function withResults(
  s: SyncState,
  results: readonly SendResult[],
  outbox: readonly { associationId: string }[],
) {
  const conflicts = results.flatMap((r) => (r.status === "conflict" ? [r.conflict] : []));
  return {
    ...s,
    results: results.filter((r) => r.status !== "conflict"),
    conflicts: [...s.conflicts, ...conflicts],
    waiting: waitingFor(s.me, outbox),
  };
}

export function useSync(host: ExcelHost) {
  const [state, setState] = useState<SyncState>(() => ({
    credentials: loadCredentials(),
    me: null,
    busy: null,
    problem: null,
    results: [],
    conflicts: [],
    waiting: 0,
    published: null,
    done: null,
  }));
  const running = useRef(false);
  // Stored credentials were checked when saved; one damaged since reads as signed out, never as a crash.
  const client = useMemo(() => {
    try {
      return state.credentials ? new ServiceClient(state.credentials) : null;
    } catch {
      return null;
    }
  }, [state.credentials]);

  /** One piece of sync work at a time; a failure becomes a message and the user's work stays. */
  const guarded = useCallback(async (busy: SyncBusy, work: () => Promise<(s: SyncState) => SyncState>) => {
    if (running.current) return;
    running.current = true;
    setState((s) => ({ ...s, busy, problem: null, done: null }));
    try {
      const change = await work();
      setState((s) => ({ ...change(s), busy: null }));
    } catch (e) {
      setState((s) => ({ ...s, busy: null, problem: problemOf(e) }));
    } finally {
      running.current = false;
    }
  }, []);

  /** Who the token is, then what waits in the workbook goes out: at sign-in and whenever the pane opens. */
  const connect = useCallback(
    (credentials: Credentials, remember: boolean) =>
      guarded("signing-in", async () => {
        const c = new ServiceClient(credentials);
        let me: Me;
        try {
          me = await c.me();
        } catch (e) {
          // A token the service no longer knows is forgotten; an unreachable service keeps a remembered one for later.
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
        return (s) =>
          withResults({ ...s, credentials: stored, me, published }, sent.results, sent.settings.outbox);
      }),
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
  }, [connect, host]);

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
    [connect],
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
  }, []);

  /** "Skicka till Samsyn": exactly the reports the user ticked in the preview, as it showed them. */
  const send = useCallback(
    (items: readonly SendItem[]) =>
      guarded("sending", async () => {
        if (!client || state.me?.kind !== "association" || items.length === 0) return (s) => s;
        const sent = await sendReports(host, client, items);
        // What is published now is what the next report is checked against.
        const published = await publishedOf(client, state.me.association.id);
        return (s) => withResults({ ...s, conflicts: [], published }, sent.results, sent.settings.outbox);
      }),
    [guarded, client, host, state.me],
  );

  const retry = useCallback(() => {
    if (state.credentials) return connect(state.credentials, false);
    return Promise.resolve();
  }, [connect, state.credentials]);

  const resolve = useCallback(
    (conflict: Conflict, choice: "mine" | "theirs") =>
      guarded("resolving", async () => {
        if (!client) return (s) => s;
        const rest = (s: SyncState) => s.conflicts.filter((c) => c !== conflict);
        if (choice === "mine") {
          const sent = await sendMineAnyway(host, client, conflict);
          return (s) => {
            const next = withResults({ ...s, conflicts: rest(s) }, sent.results, sent.settings.outbox);
            return {
              ...next,
              results: [...s.results.filter((r) => r.item !== conflict.item), ...next.results],
            };
          };
        }
        const sheet = await keepTheirsInSheet(host, conflict);
        await keepTheirs(host, conflict);
        return (s) => ({ ...s, conflicts: rest(s), done: { kind: "kept-theirs", sheet } });
      }),
    [guarded, client, host],
  );

  const fetchMerged = useCallback(
    (kind: ReportKind, year: string) =>
      guarded("fetching", async () => {
        if (!client) return (s) => s;
        const written = await fetchComparison(host, client, kind, year);
        return (s) => ({
          ...s,
          done: { kind: "fetched", ...written },
        });
      }),
    [guarded, client, host],
  );

  const dismiss = useCallback(() => setState((s) => ({ ...s, problem: null })), []);

  return { state, signIn, signOut, send, retry, resolve, fetchMerged, dismiss };
}
