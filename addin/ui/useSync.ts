/**
 * The pane's sync state and actions: sign in and out (useSignIn.ts), send what was read,
 * resolve a conflict, fetch the network's comparison into a sheet. The network is reached only
 * through addin/sync/service.ts, the workbook only through the adapter.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { ReportKind } from "../../shared/report";
import type { ExcelHost } from "../excel/host";
import { fetchComparison, keepTheirsInSheet } from "../sync/comparison";
import { type Conflict, keepTheirs, type SendItem, sendMineAnyway, sendReports } from "../sync/flow";
import { ServiceClient } from "../sync/service";
import {
  type Guarded,
  initialSyncState,
  problemOf,
  publishedOf,
  type SyncState,
  withResults,
} from "./sync-state";
import { useSignIn } from "./useSignIn";

export type { SyncBusy, SyncProblem, SyncState } from "./sync-state";

export function useSync(host: ExcelHost) {
  const [state, setState] = useState<SyncState>(initialSyncState);
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
  const guarded: Guarded = useCallback(async (busy, work) => {
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

  const { signIn, signOut, retry } = useSignIn(host, state, setState, guarded);

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
        return (s) => ({ ...s, done: { kind: "fetched", ...written } });
      }),
    [guarded, client, host],
  );

  const dismiss = useCallback(() => setState((s) => ({ ...s, problem: null })), []);

  return { state, signIn, signOut, send, retry, resolve, fetchMerged, dismiss };
}
