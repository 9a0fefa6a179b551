/**
 * The pane's sync state and actions: sign in and out (useSignIn.ts), send what was read,
 * resolve a conflict, fetch the network's comparison into a sheet. The network is reached only
 * through addin/sync/service.ts, the workbook only through the adapter.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { ReportKind } from "../../shared/report";
import { classifyFailure } from "../excel/errors";
import type { ExcelHost } from "../excel/host";
import type { Conflict, SendItem } from "../sync/flow";
import { loadSync } from "./lazy";
import { type Guarded, initialSyncState, type SyncProblem, type SyncState, withResults } from "./sync-state";
import { useSignIn } from "./useSignIn";

export type { SyncBusy, SyncProblem, SyncState } from "./sync-state";

export function useSync(host: ExcelHost) {
  const [state, setState] = useState<SyncState>(initialSyncState);
  const running = useRef(false);
  // Stored credentials were checked when saved; one damaged since reads as signed out, never as a crash.
  const { credentials } = state;
  const client = useMemo(() => async () => (await loadSync()).clientOf(credentials), [credentials]);

  /** One piece of sync work at a time; a failure becomes a message and the user's work stays. */
  const guarded: Guarded = useCallback(async (busy, work) => {
    if (running.current) return;
    running.current = true;
    setState((s) => ({ ...s, busy, problem: null, done: null }));
    try {
      const change = await work();
      setState((s) => ({ ...change(s), busy: null }));
    } catch (e) {
      // Without the sync's code (it could not be loaded) the failure is worded as Excel's are.
      const problem = await loadSync().then(
        ({ problemOf }) => problemOf(e),
        (): SyncProblem => ({ kind: "excel", failure: classifyFailure(e) }),
      );
      setState((s) => ({ ...s, busy: null, problem }));
    } finally {
      running.current = false;
    }
  }, []);

  const { signIn, signOut, retry } = useSignIn(host, state, setState, guarded);

  /** "Skicka till Samsyn": exactly the reports the user ticked in the preview, as it showed them. */
  const send = useCallback(
    (items: readonly SendItem[]) =>
      guarded("sending", async () => {
        const c = await client();
        if (!c || state.me?.kind !== "association" || items.length === 0) return (s) => s;
        const { sendReports, publishedOf } = await loadSync();
        const sent = await sendReports(host, c, items);
        // What is published now is what the next report is checked against.
        const published = await publishedOf(c, state.me.association.id);
        return (s) => withResults({ ...s, conflicts: [], published }, sent.results, sent.settings.outbox);
      }),
    [guarded, client, host, state.me],
  );

  const resolve = useCallback(
    (conflict: Conflict, choice: "mine" | "theirs") =>
      guarded("resolving", async () => {
        const c = await client();
        if (!c) return (s) => s;
        const { sendMineAnyway, keepTheirsInSheet, keepTheirs } = await loadSync();
        const rest = (s: SyncState) => s.conflicts.filter((c) => c !== conflict);
        if (choice === "mine") {
          const sent = await sendMineAnyway(host, c, conflict);
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
    (kind: ReportKind, year: string, insats?: string) =>
      guarded("fetching", async () => {
        const c = await client();
        if (!c) return (s) => s;
        const { insatser, ...written } = await (await loadSync()).fetchComparison(
          host,
          c,
          kind,
          year,
          insats,
        );
        return (s) => ({
          ...s,
          done: { kind: "fetched", ...written },
          insatser: kind === "participants" ? { year, names: insatser } : s.insatser,
        });
      }),
    [guarded, client, host],
  );

  const dismiss = useCallback(() => setState((s) => ({ ...s, problem: null })), []);

  return { state, signIn, signOut, send, retry, resolve, fetchMerged, dismiss };
}
