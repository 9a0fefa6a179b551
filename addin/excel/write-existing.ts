/**
 * The first round trip of a write: what the workbook holds now — the record of what this source
 * wrote (recovered from the sheets' tags if the settings lost it), the sheets and tables present,
 * tables a stopped write left unnamed, and what the marks need (notes, the user's fills).
 */
import { isOutputSheet } from "../../shared/output";
import {
  OUTPUTS_KEY,
  type OutputRecord,
  type OutputSheetRecord,
  type Outputs,
  outputsOf,
  parseOutputs,
  type UserFill,
} from "./state";
import { type MarkReads, type MarksByCell, readMarks, userFillsOf } from "./write-marks";

/** Custom properties (ExcelApi 1.12) on each sheet Samsyn writes: whose output it is, and the area it wrote. */
export const SOURCE_TAG = "samsyn.source";
export const AREA_TAG = "samsyn.area";

export interface Existing {
  /** The outputs of every source, as the workbook holds them now. */
  readonly outputs: Outputs;
  /** What this source wrote last, if anything. */
  readonly previous: OutputRecord | undefined;
  /** This source's sheets by lower-cased name. */
  readonly ownSheets: ReadonlyMap<string, OutputSheetRecord>;
  /** The workbook's sheet names as they are, and lower-cased. */
  readonly present: readonly string[];
  readonly sheetNames: ReadonlySet<string>;
  /** The workbook's table names, lower-cased; the writes keep it up to date. */
  readonly tableNames: Set<string>;
  /** The workbook's defined names, lower-cased: tables share their namespace (ECMA-376 18.5.1.2). */
  readonly definedNames: ReadonlySet<string>;
  /** Tables on sheets of ours that our record does not name. */
  readonly strays: readonly Excel.Table[];
  /** The source sheet, found by this session's id (a null object if it is gone). */
  readonly source: Excel.Worksheet;
  readonly marks: MarkReads;
  readonly userFills: Record<string, UserFill>;
}

/** One sync (two if the record must be recovered from the sheets' tags). */
export async function readExisting(
  context: Excel.RequestContext,
  sourceKey: { readonly id: string; readonly name: string; readonly sheetId: string },
  remembered: Outputs,
  newMarks: MarksByCell,
  notesSupported: boolean,
): Promise<Existing> {
  const workbook = context.workbook;
  workbook.worksheets.load("items/name");
  workbook.tables.load("items/name,items/worksheet/name");
  // A table may not take a defined name's name: a user's name "Budget_2009" would fail the write.
  workbook.names.load("items/name");
  const stored = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  stored.load("value");
  // By this session's id: the user may have renamed the source sheet since it was read.
  const source = workbook.worksheets.getItemOrNullObject(sourceKey.sheetId);
  // Marks of the last write, as the pane saw it and as the workbook has it now.
  const knownMarks = outputsOf(remembered, sourceKey)?.marks ?? [];
  const marks = readMarks(source, knownMarks, newMarks, notesSupported);
  await context.sync();

  // What the workbook holds now wins over what the pane read: a write that stopped midway left it.
  const outputs = stored.isNullObject ? remembered : parseOutputs(stored.value);
  const previous =
    outputsOf(outputs, sourceKey) ?? (await recoverOutputs(context, sourceKey.id, notesSupported, outputs));
  const ownSheets = new Map((previous?.sheets ?? []).map((s) => [s.name.toLowerCase(), s]));
  const present = workbook.worksheets.items.map((s) => s.name);
  // A table on a sheet of ours that our record does not name was left by a write that stopped
  // between Excel making the table and naming it: it goes, or ours would overlap it.
  const recorded = new Set(
    (previous?.sheets ?? []).flatMap((s) => s.tables.map((t) => t.name.toLowerCase())),
  );
  const strays = workbook.tables.items.filter(
    (t) => ownSheets.has(t.worksheet.name.toLowerCase()) && !recorded.has(t.name.toLowerCase()),
  );
  return {
    outputs,
    previous,
    ownSheets,
    present,
    sheetNames: new Set(present.map((name) => name.toLowerCase())),
    tableNames: new Set(workbook.tables.items.map((t) => t.name.toLowerCase())),
    definedNames: new Set(workbook.names.items.map((n) => n.name.toLowerCase())),
    strays,
    source,
    marks,
    userFills: userFillsOf(marks, newMarks, previous, !source.isNullObject),
  };
}

/**
 * What a source wrote, found from the sheets' tags when the workbook's settings do not have it
 * (settings lost, a write that stopped before keeping them): its sheets, and their tables, to be
 * made again under the plan's names. Marks cannot be found this way. One more round trip, and
 * only when there are "Samsyn …" sheets that no other source's record names: a second source
 * sheet converted in the same workbook finds the first one's outputs accounted for, and asks nothing.
 */
async function recoverOutputs(
  context: Excel.RequestContext,
  sourceId: string,
  notes: boolean,
  outputs: Outputs,
): Promise<OutputRecord | undefined> {
  const { workbook } = context;
  const othersOwn = new Set(
    Object.values(outputs).flatMap((record) => record.sheets.map((s) => s.name.toLowerCase())),
  );
  const candidates = workbook.worksheets.items
    .filter((ws) => isOutputSheet(ws.name) && !othersOwn.has(ws.name.toLowerCase()))
    .map((ws) => {
      const source = ws.customProperties.getItemOrNullObject(SOURCE_TAG);
      const area = ws.customProperties.getItemOrNullObject(AREA_TAG);
      source.load("value");
      area.load("value");
      return { ws, source, area };
    });
  if (candidates.length === 0) return undefined;
  await context.sync();
  const tagged = candidates.filter((c) => !c.source.isNullObject && c.source.value === sourceId);
  if (tagged.length === 0) return undefined;
  return {
    sheets: tagged.map(({ ws, area }) => ({
      name: ws.name,
      area: area.isNullObject ? "A1" : area.value,
      // Header row 0 matches no plan: these tables are deleted and made anew, under the plan's names.
      tables: workbook.tables.items
        .filter((t) => t.worksheet.name === ws.name)
        .map((t) => ({ name: t.name, headerRow: 0 })),
    })),
    marks: [],
    notes,
    fills: {},
  };
}
