/**
 * The sync memory and the outbox in the workbook's own settings (they travel with the file, so
 * a copy of the workbook knows which revision it is based on). One round trip to read, one to
 * write. Never a token: tokens live in the pane's browser storage (addin/sync/credentials.ts).
 */
import type { ExcelHost } from "./host";
import {
  OUTBOX_KEY,
  type OutboxEntry,
  parseOutbox,
  parseSyncMemory,
  SYNC_KEY,
  type SyncMemory,
} from "./state";

export interface SyncSettings {
  readonly memory: SyncMemory;
  readonly outbox: readonly OutboxEntry[];
}

export function readSyncSettings(host: ExcelHost): Promise<SyncSettings> {
  return host.run(async (context) => {
    const memory = context.workbook.settings.getItemOrNullObject(SYNC_KEY);
    const outbox = context.workbook.settings.getItemOrNullObject(OUTBOX_KEY);
    memory.load("value");
    outbox.load("value");
    await context.sync();
    return {
      memory: memory.isNullObject ? {} : parseSyncMemory(memory.value),
      outbox: outbox.isNullObject ? [] : parseOutbox(outbox.value),
    };
  });
}

export function writeSyncSettings(host: ExcelHost, settings: SyncSettings): Promise<void> {
  return host.run(async (context) => {
    context.workbook.settings.add(SYNC_KEY, JSON.stringify(settings.memory));
    context.workbook.settings.add(OUTBOX_KEY, JSON.stringify(settings.outbox));
    await context.sync();
  });
}
