/**
 * The sync memory and the outbox in the workbook's own settings (they travel with the file, so
 * a copy of the workbook knows which revision it is based on). One round trip to read; each
 * that changed is written in a batch of its own, the memory first, so an outbox Excel refuses
 * (its settings have a ceiling: office-js#621, #3957) never takes the memory of what was sent
 * with it. Never a token: tokens live in the pane's browser storage (addin/sync/credentials.ts).
 */
import { errorCode } from "./errors";
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

/**
 * Most the outbox keeps, in characters of its JSON: Microsoft documents at most 2 MB for an
 * add-in's settings (Office.Settings.set; office-js#621), Excel refuses from around 1 MB
 * (office-js#3957), and the outputs and corrections live there too. A report that would take
 * the outbox past this does not wait in the workbook (README, "Skicka").
 */
export const OUTBOX_LIMIT = 512 * 1024;

/** The size the outbox takes in the workbook's settings. */
export const outboxSize = (outbox: readonly OutboxEntry[]): number => JSON.stringify(outbox).length;

/**
 * Writes what changed since `before`: the memory in one batch, then the outbox in another.
 * Returns whether the outbox is kept as given; false when Excel refused it (the memory is
 * written all the same, and the workbook still holds the outbox it had).
 */
export async function writeSyncSettings(
  host: ExcelHost,
  settings: SyncSettings,
  before?: SyncSettings,
): Promise<{ outboxKept: boolean }> {
  if (!before || JSON.stringify(before.memory) !== JSON.stringify(settings.memory)) {
    await host.run(async (context) => {
      context.workbook.settings.add(SYNC_KEY, JSON.stringify(settings.memory));
      await context.sync();
    });
  }
  if (before && JSON.stringify(before.outbox) === JSON.stringify(settings.outbox))
    return { outboxKept: true };
  try {
    await host.run(async (context) => {
      context.workbook.settings.add(OUTBOX_KEY, JSON.stringify(settings.outbox));
      await context.sync();
    });
    return { outboxKept: true };
  } catch (error) {
    // What Excel answers for settings past its ceiling (office-js#3957); anything else is no size matter.
    if (errorCode(error) === "InvalidArgument") return { outboxKept: false };
    throw error;
  }
}
