/**
 * What the add-in remembers inside the workbook (context.workbook.settings travels with the
 * file): the user's corrections, and which output sheets and tables belong to which source
 * sheet, so a refresh updates them in place. Never a token, never a participant row.
 */
import { z } from "zod";
import { Corrections } from "../../shared/report";

export const CORRECTIONS_KEY = "samsyn.corrections";
export const OUTPUTS_KEY = "samsyn.outputs";

export const OutputSheetRecord = z.object({
  name: z.string(),
  /** The A1 area the conversion wrote (heading, tables, summary rows): what a refresh clears. */
  area: z.string(),
  tables: z.array(z.object({ name: z.string(), headerRow: z.number().int().nonnegative() })),
});
export type OutputSheetRecord = z.infer<typeof OutputSheetRecord>;

export const OutputRecord = z.object({
  sheets: z.array(OutputSheetRecord),
  /** Cells on the source sheet marked as issues last time (fill, and a note where supported). */
  marks: z.array(z.string()),
  notes: z.boolean(),
});
export type OutputRecord = z.infer<typeof OutputRecord>;

/** Keyed by source sheet name. */
export const Outputs = z.record(z.string(), OutputRecord);
export type Outputs = z.infer<typeof Outputs>;

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
