/**
 * The signed-in service and token, kept in the pane's own browser storage — never in the
 * workbook (workbooks are e-mailed and shared), never in a URL or a log. Keyed with Office's
 * partition key where Office gives one, as Microsoft asks of add-ins that use localStorage.
 */
import { z } from "zod";
import type { Credentials } from "./service";

const Stored = z.object({ serviceUrl: z.string().min(1), token: z.string().min(1) });

function storageKey(): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  const partition = office?.context?.partitionKey;
  return partition ? `${partition}samsyn.credentials` : "samsyn.credentials";
}

/** Storage can be switched off (private windows, policies): the pane then keeps the token for this session only. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadCredentials(): Credentials | null {
  try {
    const raw = storage()?.getItem(storageKey());
    if (!raw) return null;
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials: Credentials): void {
  try {
    storage()?.setItem(storageKey(), JSON.stringify(credentials));
  } catch {
    // Full or refused: the pane stays signed in for this session.
  }
}

export function forgetCredentials(): void {
  try {
    storage()?.removeItem(storageKey());
  } catch {
    // Nothing stored.
  }
}
