/**
 * The issue marks on the source sheet: each marked cell filled by its worst severity, with a
 * note ("Samsyn: …") where the Excel has notes; last run's marks taken off, the user's own fill
 * put back. Reads are queued in the write's first round trip, writes in its second.
 */
import type { ExcelHost } from "./host";
import { NOTES_EXCEL_API } from "./host";
import { OUTPUTS_KEY, type OutputRecord, outputsOf, parseOutputs, type UserFill } from "./state";
import type { RequestBudget } from "./write-budget";

export interface IssueMark {
  /** A1 cell on the source sheet. */
  readonly cell: string;
  readonly severity: "error" | "warning" | "info";
  readonly text: string;
}

export const MARK_FILL = { error: "#FDE7E9", warning: "#FFF4CE", info: "#EBF3FC" } as const;
/** Notes the add-in wrote start with this, so a refresh removes only its own. */
export const NOTE_PREFIX = "Samsyn: ";

const isMarkFill = (color: string): boolean =>
  Object.values(MARK_FILL).some((c) => c.toUpperCase() === color.toUpperCase());

/** The marks of one write by cell: a cell may carry several issues. */
export type MarksByCell = ReadonlyMap<string, readonly IssueMark[]>;

export function marksByCell(marks: readonly IssueMark[]): MarksByCell {
  const byCell = new Map<string, IssueMark[]>();
  for (const mark of marks) byCell.set(mark.cell, [...(byCell.get(mark.cell) ?? []), mark]);
  return byCell;
}

/** What the first round trip loads for the marks: notes where they may be, fills about to be covered. */
export interface MarkReads {
  readonly notes: ReadonlyMap<string, Excel.Note>;
  readonly fills: ReadonlyMap<string, Excel.RangeFill>;
}

/** Queues the loads of the marks' cells; `known` are the cells the last write marked, as the pane saw them. */
export function readMarks(
  source: Excel.Worksheet,
  known: readonly string[],
  marks: MarksByCell,
  notesSupported: boolean,
): MarkReads {
  const noteCells = notesSupported ? [...new Set([...known, ...marks.keys()])] : [];
  const notes = new Map(noteCells.map((cell) => [cell, source.notes.getItemOrNullObject(cell)] as const));
  for (const note of notes.values()) note.load("content");
  // The user's own fill of each cell about to be marked, to put back when the mark goes. No fill
  // and white both read "#FFFFFF"; tintAndShade is null for no fill only (office-js#4900, #6218).
  const fills = new Map(
    [...marks.keys()].map(
      (cell) =>
        [cell, source.getRange(cell).format.fill.load("color,tintAndShade,pattern,patternColor")] as const,
    ),
  );
  return { notes, fills };
}

/** After the first round trip: the user's own fill of each cell this write marks. */
export function userFillsOf(
  reads: MarkReads,
  marks: MarksByCell,
  previous: OutputRecord | undefined,
  sourceFound: boolean,
): Record<string, UserFill> {
  const markedBefore = new Set(previous?.marks ?? []);
  const userFills: Record<string, UserFill> = {};
  for (const cell of marks.keys()) {
    const before = previous?.fills[cell];
    if (before !== undefined) userFills[cell] = before;
  }
  for (const [cell, fill] of reads.fills) {
    if (markedBefore.has(cell)) continue;
    // No fill reads as white, with tintAndShade null; our own colour left by a write whose record
    // was lost is not the user's.
    if (!sourceFound || fill.tintAndShade === null || fill.tintAndShade === undefined) continue;
    const color = fill.color;
    if (!color || isMarkFill(color)) continue;
    const pattern = fill.pattern;
    userFills[cell] =
      pattern && pattern !== "Solid" && pattern !== "None"
        ? { color, pattern, ...(fill.patternColor ? { patternColor: fill.patternColor } : {}) }
        : color;
  }
  return userFills;
}

/** Queues the user's own fill back on a cell (or no fill where it had none). */
export function restoreFill(fill: Excel.RangeFill, own: UserFill | undefined): void {
  if (own === undefined) {
    fill.clear();
    return;
  }
  fill.color = typeof own === "string" ? own : own.color;
  if (typeof own !== "string" && own.pattern) {
    fill.pattern = own.pattern as Excel.FillPattern;
    if (own.patternColor) fill.patternColor = own.patternColor;
  }
}

const hasPattern = (own: UserFill | undefined): boolean =>
  typeof own === "object" && own.pattern !== undefined;

/** Queues the marks: last run's cleared (the user's fill put back), this run's set. */
export async function writeMarks(
  source: Excel.Worksheet,
  reads: MarkReads,
  marks: MarksByCell,
  previous: OutputRecord | undefined,
  notesSupported: boolean,
  budget: RequestBudget,
  userFills: Readonly<Record<string, UserFill>> = {},
): Promise<void> {
  if (source.isNullObject) return;
  for (const cell of new Set(previous?.marks ?? [])) {
    if (!marks.has(cell)) restoreFill(source.getRange(cell).format.fill, previous?.fills[cell]);
    const note = reads.notes.get(cell);
    if (note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX) && !marks.has(cell)) note.delete();
  }
  for (const [cell, cellMarks] of marks) {
    const worst = cellMarks.some((m) => m.severity === "error")
      ? "error"
      : cellMarks.some((m) => m.severity === "warning")
        ? "warning"
        : "info";
    const text = NOTE_PREFIX + cellMarks.map((m) => m.text).join("\n");
    await budget.reserve(text.length + 120);
    const fill = source.getRange(cell).format.fill;
    fill.color = MARK_FILL[worst];
    // A patterned cell's mark is a plain colour, not the colour under the user's pattern.
    if (hasPattern(userFills[cell])) fill.pattern = "Solid";
    if (!notesSupported) continue;
    const note = reads.notes.get(cell);
    // A note of ours already there (a write that stopped midway, settings lost) is rewritten, never added twice.
    if (!note || note.isNullObject) source.notes.add(cell, text);
    else if (note.content.startsWith(NOTE_PREFIX)) note.content = text;
  }
}

/**
 * "Ta bort markeringar": takes Samsyn's marks off the source sheet — each cell's fill back to
 * the user's own (or none), Samsyn's notes deleted, the user's notes left — and forgets them.
 * Two round trips: what is marked, then the changes.
 */
export async function removeMarks(
  host: ExcelHost,
  source: { id: string; name: string; sheetId?: string },
): Promise<void> {
  const notesSupported = host.supports(NOTES_EXCEL_API);
  await host.run(async (context) => {
    const workbook = context.workbook;
    const stored = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
    stored.load("value");
    // Found by this session's id; by its key (an id of this session too) where none is given.
    const sheet = workbook.worksheets.getItemOrNullObject(source.sheetId ?? source.id);
    await context.sync();
    const outputs = parseOutputs(stored.isNullObject ? null : stored.value);
    const record = outputsOf(outputs, source);
    if (!record || record.marks.length === 0 || sheet.isNullObject) return;
    const notes = notesSupported
      ? record.marks.map((cell) => {
          const note = sheet.notes.getItemOrNullObject(cell);
          note.load("content");
          return note;
        })
      : [];
    await context.sync();
    for (const cell of record.marks) restoreFill(sheet.getRange(cell).format.fill, record.fills[cell]);
    for (const note of notes) if (!note.isNullObject && note.content.startsWith(NOTE_PREFIX)) note.delete();
    const { [source.name]: _byName, ...rest } = outputs;
    workbook.settings.add(
      OUTPUTS_KEY,
      JSON.stringify({ ...rest, [source.id]: { ...record, marks: [], fills: {} } }),
    );
    await context.sync();
  });
}
