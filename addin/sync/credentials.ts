/**
 * The signed-in service and token, kept in the pane's own browser storage — never in the
 * workbook (workbooks are e-mailed and shared), never in a URL or a log. Keyed with Office's
 * partition key where Office gives one, as Microsoft asks of add-ins that use localStorage.
 */
import { z } from "zod";
import { readStored, writeStored } from "../pane-storage";
import type { Credentials } from "./service";

const Stored = z.object({ serviceUrl: z.string().min(1), token: z.string().min(1) });

const KEY = "samsyn.credentials";

export function loadCredentials(): Credentials | null {
  try {
    const raw = readStored(KEY);
    if (!raw) return null;
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
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
