/**
 * The pane's own browser storage (localStorage), never the workbook: keys are prefixed with
 * Office's partition key where Office gives one, as Microsoft asks of add-ins that use
 * localStorage. Storage can be switched off (private windows, policies): then nothing is kept
 * beyond the session, and nothing fails.
 */

export function storageKey(name: string): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  const partition = office?.context?.partitionKey;
  return partition ? `${partition}${name}` : name;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readStored(name: string): string | null {
  try {
    return storage()?.getItem(storageKey(name)) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(name: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(storageKey(name));
    else storage()?.setItem(storageKey(name), value);
  } catch {
    // Full or refused: kept for this session only.
  }
}
