/**
 * What the pane knows of its sync, and how a piece of work folds into it: who is signed in,
 * what is being done, what went wrong, the results of a send and the conflicts it left, what
 * waits in the workbook and what the association has published. Pure: the hooks that change
 * it are in useSync.ts and useSignIn.ts.
 */
import type { Me } from "../../shared/api";
import type { ClientFailure } from "../../shared/client";
import type { PublishedReport } from "../../shared/participants/periods";
import type { ExcelFailure } from "../excel/errors";
import { loadCredentials } from "../sync/credentials";
import type { Conflict, SendResult } from "../sync/flow";
import type { Credentials } from "../sync/service";

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
  readonly published: readonly PublishedReport[] | null;
  /** The insatser a participants comparison of the year can be asked for, from the last one fetched. */
  readonly insatser: { readonly year: string; readonly names: readonly string[] } | null;
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

/** A change to the state, computed by a piece of work and applied when it is done. */
export type SyncChange = (s: SyncState) => SyncState;

/** Runs one piece of sync work; none starts while another runs. */
export type Guarded = (busy: SyncBusy, work: () => Promise<SyncChange>) => Promise<void>;

/** The state the pane opens with: the remembered credentials, not yet checked. */
export const initialSyncState = (): SyncState => ({
  credentials: loadCredentials(),
  me: null,
  busy: null,
  problem: null,
  results: [],
  conflicts: [],
  waiting: 0,
  published: null,
  insatser: null,
  done: null,
});

export const waitingFor = (me: Me | null, outbox: readonly { associationId: string }[]) =>
  me?.kind === "association"
    ? outbox.filter((e) => e.associationId === me.association.id).length
    : outbox.length;

/** Results of a send folded in: conflicts to the conflict view, the rest listed. */
export function withResults(
  s: SyncState,
  results: readonly SendResult[],
  outbox: readonly { associationId: string }[],
): SyncState {
  const conflicts = results.flatMap((r) => (r.status === "conflict" ? [r.conflict] : []));
  return {
    ...s,
    results: results.filter((r) => r.status !== "conflict"),
    conflicts: [...s.conflicts, ...conflicts],
    waiting: waitingFor(s.me, outbox),
  };
}
