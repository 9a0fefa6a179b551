/**
 * What the add-in remembers inside the workbook (context.workbook.settings travels with the
 * file): the user's corrections, and which output sheets and tables belong to which source
 * sheet, so a refresh updates them in place. Never a token, never a participant row.
 */
import * as z from "zod";
import { Corrections, Report, ReportKind } from "../../shared/report";

export const CORRECTIONS_KEY = "samsyn.corrections";
export const OUTPUTS_KEY = "samsyn.outputs";
/** Worksheet custom property (ExcelApi 1.12) on a source sheet: the key its outputs are remembered under. */
export const SHEET_KEY_TAG = "samsyn.key";

export const OutputSheetRecord = z.object({
  name: z.string(),
  /** The A1 area the conversion wrote (heading, tables, summary rows): what a refresh clears. */
  area: z.string(),
  tables: z.array(z.object({ name: z.string(), headerRow: z.number().int().nonnegative() })),
});
export type OutputSheetRecord = z.infer<typeof OutputSheetRecord>;

/**
 * The user's own fill of a cell Samsyn marks: its colour, and a pattern other than solid with
 * its colour. Older records hold the colour alone, as a string.
 */
export const UserFill = z.union([
  z.string(),
  z.object({ color: z.string(), pattern: z.string().optional(), patternColor: z.string().optional() }),
]);
export type UserFill = z.infer<typeof UserFill>;

export const OutputRecord = z.object({
  sheets: z.array(OutputSheetRecord),
  /** Cells on the source sheet marked as issues last time (fill, and a note where supported). */
  marks: z.array(z.string()),
  notes: z.boolean(),
  /** The user's own fill of a marked cell before Samsyn marked it, put back when the mark goes. */
  fills: z.record(z.string(), UserFill).default({}),
});
export type OutputRecord = z.infer<typeof OutputRecord>;

/**
 * Keyed by the source sheet's key: the custom property SHEET_KEY_TAG on the sheet, which
 * travels with the file, whatever its name. Worksheet.id is valid within a session only
 * (office-js#38, #1390; office-js-docs-pr#297), so it is the key only of a sheet first converted
 * in this session (and then written into the tag). Records from before ids were used are keyed
 * by the sheet's name.
 */
export const Outputs = z.record(z.string(), OutputRecord);
export type Outputs = z.infer<typeof Outputs>;

export { outputsOf } from "./outputs";

/** Parses a stored setting; a damaged or foreign value reads as nothing stored, never as a crash. */
export function parseSetting<T>(schema: z.ZodType<T>, raw: unknown, fallback: T): T {
  if (typeof raw !== "string") return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export const parseCorrections = (raw: unknown): Corrections => parseSetting(Corrections, raw, {});
export const parseOutputs = (raw: unknown): Outputs => parseSetting(Outputs, raw, {});

// —— sync: what this workbook last sent or fetched, and what waits to be sent ——

export const SYNC_KEY = "samsyn.sync";
export const OUTBOX_KEY = "samsyn.outbox";

/**
 * The version this workbook last sent or fetched, by association id, then by "kind/period", with
 * a fingerprint of that version's figures and whether the user took it with "Behåll deras"
 * (then a send whose figures differ from it asks again rather than going out). No token.
 */
export const SyncMemory = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      revision: z.number().int().positive(),
      at: z.string(),
      fingerprint: z.string().optional(),
      kept: z.boolean().optional(),
    }),
  ),
);
export type SyncMemory = z.infer<typeof SyncMemory>;

/**
 * A send that could not reach the service: only the shareable report (the same strict schema
 * the service takes, so no participant row can be queued), the condition it goes with, and the
 * Idempotency-Key it was first tried with, so that a retry after a lost answer makes no second revision.
 */
export const OutboxEntry = z.object({
  associationId: z.string(),
  kind: ReportKind,
  period: z.string(),
  /** The insats the report is filed under, where its list has an insats column. */
  insats: z.string().optional(),
  report: Report,
  /** The revision the send was based on; null for a report new to the service. */
  base: z.number().int().positive().nullable(),
  override: z.boolean(),
  idempotencyKey: z.string(),
  queuedAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
export const Outbox = z.array(OutboxEntry);

export const parseSyncMemory = (raw: unknown): SyncMemory => parseSetting(SyncMemory, raw, {});
export const parseOutbox = (raw: unknown): OutboxEntry[] => parseSetting(Outbox, raw, []);
