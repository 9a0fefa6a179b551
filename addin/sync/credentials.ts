/**
 * The signed-in service and token, kept in the pane's own browser storage — never in the
 * workbook (workbooks are e-mailed and shared), never in a URL or a log. Keyed with Office's
 * partition key where Office gives one, as Microsoft asks of add-ins that use localStorage.
 */
import { readStored, writeStored } from "../pane-storage";
import type { Credentials } from "./service";

/** Two non-empty strings, checked by hand: the pane reads this while it opens, before zod is loaded. */
function stored(value: unknown): Credentials | null {
  if (typeof value !== "object" || value === null) return null;
  const { serviceUrl, token } = value as Record<string, unknown>;
  return typeof serviceUrl === "string" &&
    serviceUrl.length > 0 &&
    typeof token === "string" &&
    token.length > 0
    ? { serviceUrl, token }
    : null;
}

const KEY = "samsyn.credentials";

export function loadCredentials(): Credentials | null {
  try {
    const raw = readStored(KEY);
    if (!raw) return null;
    return stored(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveCredentials(credentials: Credentials): void {
  // Full or refused storage: the pane stays signed in for this session.
  writeStored(KEY, JSON.stringify(credentials));
}

export function forgetCredentials(): void {
  writeStored(KEY, null);
}
