/**
 * Writes a conversion plan into the workbook with the layout the exceljs writer uses
 * (shared/output.ts layoutSheet): each table as one 2D array through Range.formulas, then a
 * real Excel table over it; summary rows one blank row below; issue cells on the source sheet
 * marked. A refresh updates the same sheets and tables in place (values and formulas
 * rewritten, tables resized, the user's formatting kept).
 * Round trips: one to see what exists (write-existing.ts), one for all the writes (the sheets in
 * write-sheet.ts, the tables matched in write-tables.ts, the marks in write-marks.ts). Only a
 * request that would pass Excel on the web's 5 MB limit is split, in payload-sized chunks
 * (write-budget.ts).
 */
import type { OutputSheet } from "../../shared/output";
import { uniqueSheetName } from "../../shared/output";
import type { Corrections } from "../../shared/report";
import { errorCode } from "./errors";
import type { ExcelHost } from "./host";
import { NOTES_EXCEL_API, UNDO_GROUP_EXCEL_API } from "./host";
import {
  CORRECTIONS_KEY,
  OUTPUTS_KEY,
  type OutputRecord,
  type OutputSheetRecord,
  type Outputs,
  SHEET_KEY_TAG,
} from "./state";
import { type Progress, RequestBudget } from "./write-budget";
import { AREA_TAG, type Existing, readExisting, SOURCE_TAG } from "./write-existing";
import { type IssueMark, marksByCell, writeMarks } from "./write-marks";
import { area, planSheet, type SheetPlan, writeSheet } from "./write-sheet";
import { placeTables } from "./write-tables";

export { type Progress, RequestBudget } from "./write-budget";
export { type IssueMark, MARK_FILL, NOTE_PREFIX, removeMarks } from "./write-marks";
export {
  area,
  columnWidthPoints,
  type PlacedTable,
  planSheet,
  writeSheet,
} from "./write-sheet";

export interface WriteRequest {
  /** The source sheet the plan was read from, by name as read. */
  readonly source: string;
  /** Its key (SourceSnapshot.sourceId): what the output is remembered under, tagged on the sheet. */
  readonly sourceId: string;
  /** Its Worksheet.id in this session, how it is found if renamed; without it, the key is tried. */
  readonly sheetId?: string;
  /**
   * The plan, or how to make it once the workbook's present sheets are known (inside the write,
   * so a retry after a write that stopped midway reuses that write's sheets): given the sheet
   * names to avoid, the sheets to write.
   */
  readonly sheets: readonly OutputSheet[] | ((avoid: readonly string[]) => readonly OutputSheet[]);
  readonly marks: readonly IssueMark[];
  readonly corrections: Corrections;
  /** What the workbook remembered at the read just before; what it holds at the write wins. */
  readonly outputs: Outputs;
}

export interface Written {
  readonly record: OutputRecord;
  /** Whether Excel's undo takes the whole write back in one step, or one change at a time. */
  readonly undo: "one-step" | "steps";
}

/**
 * Writes a plan as one undo step where Excel can group the write (ExcelApi 1.20); where it
 * cannot — an older Excel, or the write deletes a sheet (Worksheet.delete has no undo) — it is
 * written again ungrouped, which is safe because a write finds what it already made.
 */
export async function writeConversion(
  host: ExcelHost,
  request: WriteRequest,
  onProgress?: Progress,
): Promise<Written> {
  if (host.supports(UNDO_GROUP_EXCEL_API)) {
    try {
      return { record: await writeBatch(host, request, onProgress, true), undo: "one-step" };
    } catch (error) {
      if (errorCode(error) !== "UndoNotSupported") throw error;
    }
  }
  return { record: await writeBatch(host, request, onProgress, false), undo: "steps" };
}

async function writeBatch(
  host: ExcelHost,
  request: WriteRequest,
  onProgress: Progress | undefined,
  undoGroup: boolean,
): Promise<OutputRecord> {
  const notesSupported = host.supports(NOTES_EXCEL_API);
  const newMarks = marksByCell(request.marks);

  return host.run(
    async (context) => {
      const workbook = context.workbook;
      let rowsDone = 0;
      let totalRows = 1;
      const budget = new RequestBudget(context, () => onProgress?.(Math.min(rowsDone, totalRows), totalRows));

      // —— round trip 1: what exists ——
      const sourceKey = { id: request.sourceId, name: request.source };
      const existing = await readExisting(
        context,
        { ...sourceKey, sheetId: request.sheetId ?? request.sourceId },
        request.outputs,
        newMarks,
        notesSupported,
      );
      const { previous, ownSheets, source } = existing;
      const sheets =
        typeof request.sheets === "function"
          ? request.sheets(existing.present.filter((name) => !ownSheets.has(name.toLowerCase())))
          : request.sheets;
      const plans = sheets.map(planSheet);
      totalRows = plans.reduce((n, p) => n + p.lastRow, 0) + 1;

      // —— round trip 2: the writes ——
      const { planned, tables, records } = placeOutputs(workbook, plans, existing);
      const finalRecord: OutputRecord = {
        sheets: records,
        marks: source.isNullObject ? [] : [...newMarks.keys()],
        notes: notesSupported,
        fills: existing.userFills,
      };
      // What this write will leave is remembered first: a write that fails midway is found again
      // by the retry (same sheets, tables, notes), never duplicated. Marks of both runs stay
      // listed until the write is through, so none is forgotten.
      const remember = (record: OutputRecord) =>
        workbook.settings.add(
          OUTPUTS_KEY,
          JSON.stringify({ ...withoutLegacyKey(existing.outputs, request), [request.sourceId]: record }),
        );
      remember({
        ...finalRecord,
        // Our sheets about to be deleted stay ours until they are gone.
        sheets: [
          ...records,
          ...(previous?.sheets ?? []).filter((own) => !planned.has(own.name.toLowerCase())),
        ],
        marks: [...new Set([...(previous?.marks ?? []), ...finalRecord.marks])],
        fills: { ...previous?.fills, ...existing.userFills },
      });
      workbook.settings.add(CORRECTIONS_KEY, JSON.stringify(request.corrections));
      // The key travels with the sheet: reopened elsewhere, with another id, it finds its outputs.
      if (!source.isNullObject) source.customProperties.add(SHEET_KEY_TAG, request.sourceId);
      dropSheets(workbook, existing, planned);

      for (const [s, plan] of plans.entries()) {
        const { ws, isNew } = outputSheet(workbook, existing, records[s]!, request.sourceId);
        await writeSheet(ws, plan, tables.placed[s]!, tables.renames, budget, isNew, (n) => {
          rowsDone += n;
        });
      }

      // Issue marks on the source sheet.
      await writeMarks(source, existing.marks, newMarks, previous, notesSupported, budget, {
        ...previous?.fills,
        ...existing.userFills,
      });

      remember(finalRecord);
      await budget.flush();
      onProgress?.(totalRows, totalRows);
      return finalRecord;
    },
    { undoGroup },
  );
}

/**
 * Queued: the tables a stopped write left unnamed deleted, each planned table matched to one of
 * last run's (resized, renamed) or to be made; and the record of the sheets and tables to write.
 */
function placeOutputs(workbook: Excel.Workbook, plans: readonly SheetPlan[], existing: Existing) {
  const names = sheetNamesFor(plans, existing);
  const planned = new Set(names.map((n) => n.toLowerCase()));
  // A sheet of ours the user renamed or deleted is no longer ours: its tables are left alone.
  const ownAlive = new Map(
    [...existing.ownSheets].filter(([name]) => existing.sheetNames.has(name) && planned.has(name)),
  );
  for (const stray of existing.strays) {
    stray.delete();
    existing.tableNames.delete(stray.name.toLowerCase());
  }
  const tables = placeTables(workbook, plans, names, ownAlive, existing.tableNames, existing.definedNames);
  const records: OutputSheetRecord[] = plans.map((plan, s) => ({
    name: names[s]!,
    area: area(1, plan.lastRow, plan.columns),
    tables: plan.placements.map((p, i) => ({ name: tables.placed[s]![i]!.name, headerRow: p.headerRow })),
  }));
  return { planned, tables, records };
}

/** The sheet a record names, made if new, tagged as ours, and on refresh our area's contents cleared. */
function outputSheet(
  workbook: Excel.Workbook,
  existing: Existing,
  record: OutputSheetRecord,
  sourceId: string,
): { ws: Excel.Worksheet; isNew: boolean } {
  const key = record.name.toLowerCase();
  const own = existing.ownSheets.get(key);
  const exists = existing.sheetNames.has(key);
  const ws = exists ? workbook.worksheets.getItem(record.name) : workbook.worksheets.add(record.name);
  // Tagged, so that the sheet is found as ours even if the workbook's settings are lost.
  ws.customProperties.add(SOURCE_TAG, sourceId);
  ws.customProperties.add(AREA_TAG, record.area);
  // A refresh rewrites our area; clearing contents only keeps the user's formatting.
  if (exists && own) ws.getRange(own.area).clear("Contents");
  return { ws, isNew: !exists };
}

/** The sheet each plan goes to: a sheet that took a planned name since the read, and is not ours, is left alone: ours takes another name. */
function sheetNamesFor(plans: readonly SheetPlan[], existing: Existing): string[] {
  const taken = new Set(existing.present);
  return plans.map((plan) => {
    const wish = plan.sheet.name;
    if (!existing.sheetNames.has(wish.toLowerCase()) || existing.ownSheets.has(wish.toLowerCase()))
      return wish;
    const name = uniqueSheetName(wish, taken);
    taken.add(name);
    return name;
  });
}

/** Our sheets the new plan no longer has (the checks sheet once every issue is fixed) go. */
function dropSheets(workbook: Excel.Workbook, existing: Existing, planned: ReadonlySet<string>): void {
  for (const own of existing.previous?.sheets ?? []) {
    if (!planned.has(own.name.toLowerCase()) && existing.sheetNames.has(own.name.toLowerCase())) {
      workbook.worksheets.getItem(own.name).delete();
      for (const t of own.tables) existing.tableNames.delete(t.name.toLowerCase());
    }
  }
}

/** The outputs to keep beside this source's: an older record of it under its name is replaced. */
function withoutLegacyKey(outputs: Outputs, request: WriteRequest): Outputs {
  const { [request.source]: _legacy, ...rest } = outputs;
  return request.source === request.sourceId ? outputs : rest;
}
