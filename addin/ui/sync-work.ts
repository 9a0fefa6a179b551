/**
 * What the pane's sync does — the client of the service, sending, conflicts, fetching the
 * comparison, the workbook's outbox — in one module the pane loads once it is on screen
 * (useSync.ts, useSignIn.ts): "Läs in" is ready before zod and the report schemas arrive.
 */
import type { Me } from "../../shared/api";
import { ClientFailure } from "../../shared/client";
import { classifyFailure } from "../excel/errors";
import { readSyncSettings } from "../excel/sync-memory";
import { forgetCredentials, saveCredentials } from "../sync/credentials";
import { sendWaiting } from "../sync/flow";
import { isReachable, reachableServices } from "../sync/reachable";
import { type Credentials, ServiceClient } from "../sync/service";
import { type SyncChange, type SyncProblem, waitingFor, withResults } from "./sync-state";

export { fetchComparison, keepTheirsInSheet } from "../sync/comparison";
export { keepTheirs, sendMineAnyway, sendReports } from "../sync/flow";
export { normaliseServiceUrl, ServiceClient } from "../sync/service";
export { readSyncSettings };

/** Not reached is not known: the service checks what arrives all the same. */
export const publishedOf = (client: ServiceClient, associationId: string) =>
  client.published(associationId).catch(() => null);

export const problemOf = (e: unknown): SyncProblem =>
  e instanceof ClientFailure ? { kind: "sync", failure: e } : { kind: "excel", failure: classifyFailure(e) };

/** Who the token is, then the outbox sent; a failure keeps what it may keep. */
export async function connected(
  host: Parameters<typeof readSyncSettings>[0],
  credentials: Credentials,
  remember: boolean,
): Promise<SyncChange> {
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

/** A client over the stored credentials; one damaged since reads as signed out, never as a crash. */
export function clientOf(credentials: Credentials | null): ServiceClient | null {
  try {
    return credentials ? new ServiceClient(credentials) : null;
  } catch {
    return null;
  }
}
