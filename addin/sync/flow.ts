/**
 * Sending from Excel: the reports the core built (the same `pushableReports` as `samsyn push`),
 * each under the condition the workbook's memory gives it; a conflict fetched with who sent the
 * other revision and what differs; a send that cannot reach the service kept in the workbook's
 * outbox and sent later with the same Idempotency-Key, so it lands exactly once.
 */

import { ClientFailure } from "../../shared/client";
import { reportEntries } from "../../shared/diff";
import type { PublishedReport } from "../../shared/participants/periods";
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
import {
  OUTBOX_LIMIT,
  outboxSize,
  readSyncSettings,
  type SyncSettings,
  writeSyncSettings,
} from "../excel/sync-memory";
import { listPeriods } from "./periods";
import { newIdempotencyKey, type ServiceClient, type TheirVersion } from "./service";

export interface SendItem {
  readonly address: ReportAddress;
  readonly report: Report;
  /** Which of the user's choices it comes from (see SendChoice); absent for what waited in the outbox. */
  readonly choice?: string;
}

export interface Conflict {
  readonly item: SendItem;
  readonly theirs: TheirVersion;
  readonly rows: readonly ConflictRow[];
  /**
   * "unseen": the service has a version this workbook has not seen. "kept": the user took
   * theirs with "Behåll deras", yet the sheet's figures still differ from it.
   */
  readonly reason: "unseen" | "kept";
}

export type SendResult =
  | { readonly item: SendItem; readonly status: "sent"; readonly revision: number }
  /** The service could not be reached: the report waits in the workbook. */
  | { readonly item: SendItem; readonly status: "queued" }
  /** The service could not be reached, and the report is too large to wait in the workbook. */
  | { readonly item: SendItem; readonly status: "too-large-to-wait" }
  | { readonly item: SendItem; readonly status: "conflict"; readonly conflict: Conflict }
  | { readonly item: SendItem; readonly status: "failed"; readonly failure: ClientFailure };

/** What the user ticked in the preview: which budgets, and which periods of which participant lists. */
export interface SendChoice {
  /** Budgets by where they were read ("Budget 2008!A13:D40", see budgetChoice). */
  readonly budgets: readonly string[];
  /** The year every budget is filed under; absent: each budget's plan year. */
  readonly budgetYear?: string;
  /** Per participant list, by its sheet: the periods to send ("2014", "2014-H1"). */
  readonly periods: Readonly<Record<string, readonly string[]>>;
  /** Smallest count published; absent: the list's own, else 5. */
  readonly threshold?: number;
  /**
   * What the association has published (the latest of each period): a participants report hides
   * one more figure where it could otherwise be worked out against them, as the service checks.
   */
  readonly published?: readonly PublishedReport[];
}

/** How a budget table is named in a SendChoice. */
export const budgetChoice = (table: { readonly sheet: string; readonly range: string }): string =>
  `${table.sheet}!${table.range}`;

/** What the preview ticks to begin with: every budget, and each participant list for its preferred period. */
export function defaultChoice(reading: WorkbookReading): SendChoice {
  const periods: Record<string, string[]> = {};
  for (const list of reading.participantReadings) {
    const sheet = list.tables[0]?.sheet;
    const preferred = listPeriods(list).preferred;
    if (sheet !== undefined && list.participants.length > 0 && preferred !== null)
      periods[sheet] = [preferred];
  }
  return {
    budgets: reading.tables.flatMap((t) => (t.kind === "budget" ? [budgetChoice(t)] : [])),
    periods,
  };
}

/**
 * The reports "Skicka till Samsyn" sends, exactly as they leave: the preview shows these and
 * the send sends these, so what the user saw is what leaves. One home on purpose: what is hidden
 * (small counts, and whatever could be worked out from them) is decided here and nowhere else.
 * Built by the same `pushableReports` as `samsyn push`.
 */
export function reportsToSend(
  reading: WorkbookReading,
  associationId: string,
  choice: SendChoice = defaultChoice(reading),
): SendItem[] {
  const ticked = new Set(choice.budgets);
  return pushableReports(reading, {
    source: null,
    periods: choice.periods,
    ...(choice.published ? { published: choice.published } : {}),
    ...(choice.threshold !== undefined ? { threshold: choice.threshold } : {}),
  }).flatMap((found) => {
    const budget = found.report.kind === "budget" ? budgetChoice(found.report) : null;
    if (budget !== null && !ticked.has(budget)) return [];
    return [
      {
        address: {
          associationId,
          kind: found.kind,
          period: found.kind === "budget" && choice.budgetYear ? choice.budgetYear : found.period,
          ...(found.insats ? { insats: found.insats } : {}),
        },
        report: found.report,
        choice: budget ?? found.sheet,
      },
    ];
  });
}

const sameAddress = (a: ReportAddress, b: ReportAddress) =>
  a.associationId === b.associationId &&
  a.kind === b.kind &&
  a.period === b.period &&
  (a.insats ?? "") === (b.insats ?? "");

/**
 * A fingerprint of a report's figures: budget amounts by line and period, key figures by path
 * (what the conflict view compares), not where on the sheet they were read. Not a secret, only
 * "the same figures or not", so a short non-cryptographic hash of a canonical text does.
 */
export function figuresFingerprint(report: Report): string {
  const entries = [...reportEntries(report)].map(([key, value]) => {
    const amounts = report.kind === "budget" ? (value as { amounts: Record<string, number> }).amounts : null;
    return [key, amounts ? Object.entries(amounts).sort(([a], [b]) => a.localeCompare(b)) : value];
  });
  const text = JSON.stringify(entries.sort(([a], [b]) => String(a).localeCompare(String(b))));
  // cyrb53 (public domain): 53 bits, plenty to tell one set of figures from another.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

function remember(
  memory: SyncMemory,
  address: ReportAddress,
  revision: number,
  report: Report,
  kept = false,
): SyncMemory {
  const entry = {
    revision,
    at: new Date().toISOString(),
    fingerprint: figuresFingerprint(report),
    ...(kept ? { kept } : {}),
  };
  return {
    ...memory,
    [address.associationId]: {
      ...memory[address.associationId],
      [reportKey(address.kind, address.period, address.insats)]: entry,
    },
  };
}

const memoryOf = (memory: SyncMemory, a: ReportAddress) =>
  memory[a.associationId]?.[reportKey(a.kind, a.period, a.insats)];

/**
 * After "Behåll deras" the workbook builds on their version, but the sheet still holds the
 * user's own figures. We do not write theirs into the user's sheet: a budget sheet is the
 * bookkeeper's own layout (formulas, tkr, comments) and a participant report comes from rows
 * that cannot be rewritten from counts; their version is on its own sheet to compare. So a
 * send whose figures still differ from the version kept is not sent on top of it silently:
 * the pane asks again, and "Skicka min version ändå" is recorded as an override.
 */
const stillMine = (memory: SyncMemory, item: SendItem): boolean => {
  const seen = memoryOf(memory, item.address);
  return seen?.kept === true && seen.fingerprint !== figuresFingerprint(item.report);
};

const conditionOfEntry = (e: OutboxEntry): SendCondition =>
  e.base === null
    ? { kind: "new" }
    : e.override
      ? { kind: "override", revision: e.base }
      : { kind: "based-on", revision: e.base };

/** Failures worth trying again later with the same report: the service or the token may come back. */
const worthRetrying = (f: ClientFailure) =>
  f.code === "service-error" ||
  f.code === "rate-limited" ||
  f.code === "unauthenticated" ||
  f.code === "forbidden";

/** Their revision and what differs from mine; a failure to fetch it still reports the conflict, without rows. */
async function conflictOf(
  client: ServiceClient,
  item: SendItem,
  reason: Conflict["reason"],
): Promise<Conflict | ClientFailure> {
  try {
    const theirs = await client.latest(item.address);
    return { item, theirs, rows: conflictRows(theirs.report, item.report), reason };
  } catch (e) {
    return e instanceof ClientFailure ? e : new ClientFailure("service-error");
  }
}

interface Attempt {
  readonly item: SendItem;
  readonly condition: SendCondition;
  readonly idempotencyKey: string;
  /** Not sent: the user kept theirs and the sheet still differs, so the conflict is shown again. */
  readonly askAgain?: boolean;
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
    const entry: OutboxEntry = {
      ...a.item.address,
      report: a.item.report,
      base,
      override: a.condition.kind === "override",
      idempotencyKey: a.idempotencyKey,
      queuedAt: new Date().toISOString(),
    };
    // The workbook's settings have a ceiling: a report that would pass the outbox's bound is not kept.
    if (outboxSize([...outbox, entry]) > OUTBOX_LIMIT) {
      results.push({ item: a.item, status: "too-large-to-wait" });
      return;
    }
    outbox.push(entry);
    results.push({ item: a.item, status: "queued" });
  };
  for (const a of attempts) {
    // A newer send of the same report supersedes one still waiting.
    const waiting = outbox.findIndex((e) => sameAddress(e, a.item.address));
    if (waiting >= 0) outbox.splice(waiting, 1);
    if (a.askAgain) {
      // Someone may have sent since: then theirs is news again, not the version kept.
      const kept = a.condition.kind === "new" ? null : a.condition.revision;
      const found = await conflictOf(client, a.item, "kept");
      const conflict =
        found instanceof ClientFailure || found.theirs.revision === kept
          ? found
          : { ...found, reason: "unseen" as const };
      results.push(
        conflict instanceof ClientFailure
          ? { item: a.item, status: "failed", failure: conflict }
          : { item: a.item, status: "conflict", conflict },
      );
      continue;
    }
    if (offline) {
      queue(a);
      continue;
    }
    try {
      const outcome = await client.send(a.item.address, a.item.report, a.condition, a.idempotencyKey);
      if (outcome.status === "sent") {
        memory = remember(memory, a.item.address, outcome.revision, a.item.report);
        results.push({ item: a.item, status: "sent", revision: outcome.revision });
      } else {
        const conflict = await conflictOf(client, a.item, "unseen");
        results.push(
          conflict instanceof ClientFailure
            ? { item: a.item, status: "failed", failure: conflict }
            : { item: a.item, status: "conflict", conflict },
        );
      }
    } catch (e) {
      const failure = e instanceof ClientFailure ? e : new ClientFailure("service-error");
      if (failure.code === "unreachable" || failure.code === "timed-out") {
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
    condition: conditionFor(memoryOf(settings.memory, item.address)?.revision),
    idempotencyKey: newIdempotencyKey(),
    askAgain: stillMine(settings.memory, item),
  }));
  const done = await attemptAll(client, settings, attempts);
  return kept(done, settings, await writeSyncSettings(host, done.settings, settings));
}

/**
 * The results as the workbook keeps them: where Excel refused the outbox, what was to wait is
 * too large to wait, and the workbook holds the outbox it had.
 */
function kept(
  done: { results: SendResult[]; settings: SyncSettings },
  before: SyncSettings,
  written: { outboxKept: boolean },
): { results: SendResult[]; settings: SyncSettings } {
  if (written.outboxKept) return done;
  return {
    results: done.results.map((r) =>
      r.status === "queued" ? { item: r.item, status: "too-large-to-wait" } : r,
    ),
    settings: { memory: done.settings.memory, outbox: before.outbox },
  };
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
    item: {
      address: { associationId, kind: e.kind, period: e.period, ...(e.insats ? { insats: e.insats } : {}) },
      report: e.report,
    },
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
  const written = await writeSyncSettings(host, settingsAfter, settings);
  // Refused, the workbook keeps the outbox it had: what waited still waits.
  return {
    results: done.results,
    settings: written.outboxKept ? settingsAfter : { ...settingsAfter, outbox: settings.outbox },
  };
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
  return kept(done, settings, await writeSyncSettings(host, done.settings, settings));
}

/**
 * "Behåll deras": the workbook now builds on their version, remembered with its figures, so a
 * later send of other figures asks again; the caller writes theirs into a sheet to compare.
 */
export async function keepTheirs(host: ExcelHost, conflict: Conflict): Promise<SyncSettings> {
  const settings = await readSyncSettings(host);
  const next = {
    memory: remember(
      settings.memory,
      conflict.item.address,
      conflict.theirs.revision,
      conflict.theirs.report,
      true,
    ),
    outbox: settings.outbox.filter((e) => !sameAddress(e, conflict.item.address)),
  };
  const written = await writeSyncSettings(host, next, settings);
  return written.outboxKept ? next : { ...next, outbox: settings.outbox };
}
