/**
 * Sending from Excel: the reports the core built (the same `pushableReports` as `samsyn push`),
 * each under the condition the workbook's memory gives it; a conflict fetched with who sent the
 * other revision and what differs; a send that cannot reach the service kept in the workbook's
 * outbox and sent later with the same Idempotency-Key, so it lands exactly once.
 */
import { pushableReports } from "../../shared/push";
import type { WorkbookReading } from "../../shared/read-workbook";
import type { Report } from "../../shared/report";
import {
  type ConflictRow,
  conditionFor,
  conflictRows,
  type ReportAddress,
  reportKey,
  type SendCondition,
} from "../../shared/sync";
import type { ExcelHost } from "../excel/host";
import type { OutboxEntry, SyncMemory } from "../excel/state";
import { readSyncSettings, type SyncSettings, writeSyncSettings } from "../excel/sync-memory";
import { newIdempotencyKey, type ServiceClient, SyncFailure, type TheirVersion } from "./service";

export interface SendItem {
  readonly address: ReportAddress;
  readonly report: Report;
}

export interface Conflict {
  readonly item: SendItem;
  readonly theirs: TheirVersion;
  readonly rows: readonly ConflictRow[];
}

export type SendResult =
  | { readonly item: SendItem; readonly status: "sent"; readonly revision: number }
  /** The service could not be reached: the report waits in the workbook. */
  | { readonly item: SendItem; readonly status: "queued" }
  | { readonly item: SendItem; readonly status: "conflict"; readonly conflict: Conflict }
  | { readonly item: SendItem; readonly status: "failed"; readonly failure: SyncFailure };

/** What "Skicka till Samsyn" sends: every budget (under its plan year, or the year given) and every participant aggregate. */
export function reportsToSend(
  reading: WorkbookReading,
  associationId: string,
  budgetYear?: string,
): SendItem[] {
  return pushableReports(reading, { source: null }).map((found) => ({
    address: {
      associationId,
      kind: found.kind,
      period: found.kind === "budget" && budgetYear ? budgetYear : found.period,
    },
    report: found.report,
  }));
}

const sameAddress = (a: ReportAddress, b: ReportAddress) =>
  a.associationId === b.associationId && a.kind === b.kind && a.period === b.period;

function remember(memory: SyncMemory, address: ReportAddress, revision: number): SyncMemory {
  return {
    ...memory,
    [address.associationId]: {
      ...memory[address.associationId],
      [reportKey(address.kind, address.period)]: { revision, at: new Date().toISOString() },
    },
  };
}

const lastSeen = (memory: SyncMemory, a: ReportAddress): number | undefined =>
  memory[a.associationId]?.[reportKey(a.kind, a.period)]?.revision;

const conditionOfEntry = (e: OutboxEntry): SendCondition =>
  e.base === null
    ? { kind: "new" }
    : e.override
      ? { kind: "override", revision: e.base }
      : { kind: "based-on", revision: e.base };

/** Failures worth trying again later with the same report: the service or the token may come back. */
const worthRetrying = (f: SyncFailure) =>
  f.code === "service-error" ||
  f.code === "rate-limited" ||
  f.code === "unauthenticated" ||
  f.code === "forbidden";

/** Their revision and what differs from mine; a failure to fetch it still reports the conflict, without rows. */
async function conflictOf(client: ServiceClient, item: SendItem): Promise<Conflict | SyncFailure> {
  try {
    const theirs = await client.latest(item.address);
    return { item, theirs, rows: conflictRows(theirs.report, item.report) };
  } catch (e) {
    return e instanceof SyncFailure ? e : new SyncFailure("service-error");
  }
}

interface Attempt {
  readonly item: SendItem;
  readonly condition: SendCondition;
  readonly idempotencyKey: string;
}

/**
 * Sends each attempt in turn and updates the settings as it goes. Once the service proves
 * unreachable, the rest are queued without waiting out another time limit each.
 */
async function attemptAll(
  client: ServiceClient,
  settings: SyncSettings,
  attempts: readonly Attempt[],
): Promise<{ results: SendResult[]; settings: SyncSettings }> {
  let memory = settings.memory;
  const outbox = [...settings.outbox];
  const results: SendResult[] = [];
  let offline = false;
  const queue = (a: Attempt) => {
    const base = a.condition.kind === "new" ? null : a.condition.revision;
    outbox.push({
      ...a.item.address,
      report: a.item.report,
      base,
      override: a.condition.kind === "override",
      idempotencyKey: a.idempotencyKey,
      queuedAt: new Date().toISOString(),
    });
    results.push({ item: a.item, status: "queued" });
  };
  for (const a of attempts) {
    // A newer send of the same report supersedes one still waiting.
    const waiting = outbox.findIndex((e) => sameAddress(e, a.item.address));
    if (waiting >= 0) outbox.splice(waiting, 1);
    if (offline) {
      queue(a);
      continue;
    }
    try {
      const outcome = await client.send(a.item.address, a.item.report, a.condition, a.idempotencyKey);
      if (outcome.status === "sent") {
        memory = remember(memory, a.item.address, outcome.revision);
        results.push({ item: a.item, status: "sent", revision: outcome.revision });
      } else {
        const conflict = await conflictOf(client, a.item);
        results.push(
          conflict instanceof SyncFailure
            ? { item: a.item, status: "failed", failure: conflict }
            : { item: a.item, status: "conflict", conflict },
        );
      }
    } catch (e) {
      const failure = e instanceof SyncFailure ? e : new SyncFailure("service-error");
      if (failure.code === "unreachable") {
        offline = true;
        queue(a);
      } else results.push({ item: a.item, status: "failed", failure });
    }
  }
  return { results, settings: { memory, outbox } };
}

/** "Skicka till Samsyn": every report under the condition the workbook's memory gives it. */
export async function sendReports(
  host: ExcelHost,
  client: ServiceClient,
  items: readonly SendItem[],
): Promise<{ results: SendResult[]; settings: SyncSettings }> {
  const settings = await readSyncSettings(host);
  const attempts = items.map((item) => ({
    item,
    condition: conditionFor(lastSeen(settings.memory, item.address)),
    idempotencyKey: newIdempotencyKey(),
  }));
  const done = await attemptAll(client, settings, attempts);
  await writeSyncSettings(host, done.settings);
  return done;
}

/** Sends what waits in the outbox for this association, each with its first condition and key: exactly once. */
export async function sendWaiting(
  host: ExcelHost,
  client: ServiceClient,
  associationId: string,
): Promise<{ results: SendResult[]; settings: SyncSettings }> {
  const settings = await readSyncSettings(host);
  const mine = settings.outbox.filter((e) => e.associationId === associationId);
  if (mine.length === 0) return { results: [], settings };
  const others = settings.outbox.filter((e) => e.associationId !== associationId);
  const attempts = mine.map((e) => ({
    item: { address: { associationId, kind: e.kind, period: e.period }, report: e.report },
    condition: conditionOfEntry(e),
    idempotencyKey: e.idempotencyKey,
  }));
  const done = await attemptAll(client, { memory: settings.memory, outbox: others }, attempts);
  // A waiting send the service or the token may still take keeps waiting, with its first key. One
  // refused for good (invalid, too large) is dropped: the workbook still holds what it was made from.
  const kept = done.results.flatMap((r, i) =>
    r.status === "failed" && worthRetrying(r.failure) ? [mine[i]!] : [],
  );
  const settingsAfter = { memory: done.settings.memory, outbox: [...done.settings.outbox, ...kept] };
  await writeSyncSettings(host, settingsAfter);
  return { results: done.results, settings: settingsAfter };
}

/** "Skicka min version ändå": mine as a new revision on top of theirs, recorded as an override. */
export async function sendMineAnyway(
  host: ExcelHost,
  client: ServiceClient,
  conflict: Conflict,
): Promise<{ results: SendResult[]; settings: SyncSettings }> {
  const settings = await readSyncSettings(host);
  const done = await attemptAll(client, settings, [
    {
      item: conflict.item,
      condition: { kind: "override", revision: conflict.theirs.revision },
      idempotencyKey: newIdempotencyKey(),
    },
  ]);
  await writeSyncSettings(host, done.settings);
  return done;
}

/** "Behåll deras": the workbook now builds on their revision; the caller writes theirs into a sheet. */
export async function keepTheirs(host: ExcelHost, conflict: Conflict): Promise<SyncSettings> {
  const settings = await readSyncSettings(host);
  const next = {
    memory: remember(settings.memory, conflict.item.address, conflict.theirs.revision),
    outbox: settings.outbox.filter((e) => !sameAddress(e, conflict.item.address)),
  };
  await writeSyncSettings(host, next);
  return next;
}
