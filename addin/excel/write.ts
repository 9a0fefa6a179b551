/**
 * Writes a conversion plan into the workbook with the layout the exceljs writer uses
 * (shared/output.ts layoutSheet): each table as one 2D array through Range.formulas, then a
 * real Excel table over it; summary rows one blank row below; issue cells on the source sheet
 * marked. A refresh updates the same sheets and tables in place (values and formulas
 * rewritten, tables resized, the user's formatting kept).
 * Round trips: one to see what exists, one for all the writes. Only a request that would pass
 * Excel on the web's 5 MB limit is split, in payload-sized chunks.
 */
import { columnLetters, rangeToA1 } from "../../shared/grid";
import type { OutputCell, OutputSheet, TablePlacement } from "../../shared/output";
import {
  isFormula,
  isOutputSheet,
  layoutSheet,
  pageHeaderText,
  printLayout,
  uniqueSheetName,
  uniqueTableName,
} from "../../shared/output";
import type { Corrections } from "../../shared/report";
import { type ExcelInput, estimateBytes, toExcelInput } from "./cells";
import { errorCode } from "./errors";
import type { ExcelHost } from "./host";
import { NOTES_EXCEL_API, UNDO_GROUP_EXCEL_API } from "./host";
import {
  CORRECTIONS_KEY,
  OUTPUTS_KEY,
  type OutputRecord,
  type OutputSheetRecord,
  type Outputs,
  outputsOf,
  parseOutputs,
} from "./state";

/** Bytes of cell data per request; Excel on the web refuses requests over 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;

export interface IssueMark {
  /** A1 cell on the source sheet. */
  readonly cell: string;
  readonly severity: "error" | "warning" | "info";
  readonly text: string;
}

export interface WriteRequest {
  /** The source sheet the plan was read from, by name as read. */
  readonly source: string;
  /** Its Worksheet.id: what the output is remembered under, and how the sheet is found if renamed. */
  readonly sourceId: string;
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

export type Progress = (done: number, total: number) => void;

export const MARK_FILL = { error: "#FDE7E9", warning: "#FFF4CE", info: "#EBF3FC" } as const;
/** Notes the add-in wrote start with this, so a refresh removes only its own. */
export const NOTE_PREFIX = "Samsyn: ";

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A1 area from 1-based rows, columns from A. */
export const area = (firstRow: number, lastRow: number, columns: number): string =>
  rangeToA1({
    start: { row: firstRow - 1, col: 0 },
    end: { row: lastRow - 1, col: Math.max(columns, 1) - 1 },
  });

export interface SheetPlan {
  readonly sheet: OutputSheet;
  readonly placements: readonly TablePlacement[];
  /** 1-based last row and widest column count: the area a refresh clears. */
  readonly lastRow: number;
  readonly columns: number;
}

export function planSheet(sheet: OutputSheet): SheetPlan {
  const placements = layoutSheet(sheet);
  let lastRow = sheet.heading.length;
  let columns = 1;
  for (const p of placements) {
    lastRow = Math.max(lastRow, p.lastBodyRow, p.firstSummaryRow + p.table.summaryRows.length - 1);
    columns = Math.max(columns, p.table.columns.length, ...p.table.summaryRows.map((r) => r.length));
  }
  return { sheet, placements, lastRow, columns };
}

/** Queues writes and syncs before a request would grow past the budget; yields to the UI between. */
export class RequestBudget {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly progress: () => void,
  ) {}
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET_BYTES) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
    this.progress();
    await yieldToUi();
  }
}

/** Rows of a matrix in runs of at most half the request budget each. */
function chunksOf(
  rows: readonly (readonly ExcelInput[])[],
): { start: number; count: number; bytes: number }[] {
  const chunks: { start: number; count: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const b = estimateBytes(row);
    if (i > start && bytes + b > REQUEST_BUDGET_BYTES / 2) {
      chunks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (rows.length > start) chunks.push({ start, count: rows.length - start, bytes });
  return chunks;
}

function padRow(row: readonly ExcelInput[], width: number): ExcelInput[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push("");
  return out;
}

/** Structured references follow a table that had to take another name ("Budget[2008]" → "Budget_2[2008]"). */
function renameInFormulas(cell: OutputCell, renames: ReadonlyMap<string, string>): OutputCell {
  if (!isFormula(cell) || renames.size === 0) return cell;
  let formula = cell.formula;
  for (const [from, to] of renames) {
    formula = formula.replace(
      new RegExp(`(?<![A-Za-z0-9_.])${from.replace(/[.\\]/g, "\\$&")}\\[`, "g"),
      `${to}[`,
    );
  }
  return { formula };
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
  const newMarks = new Map<string, IssueMark[]>();
  for (const mark of request.marks) newMarks.set(mark.cell, [...(newMarks.get(mark.cell) ?? []), mark]);

  return host.run(
    async (context) => {
      const workbook = context.workbook;
      let rowsDone = 0;
      let totalRows = 1;
      const budget = new RequestBudget(context, () => onProgress?.(Math.min(rowsDone, totalRows), totalRows));

      // —— round trip 1: what exists ——
      workbook.worksheets.load("items/name");
      workbook.tables.load("items/name,items/worksheet/name");
      const stored = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
      stored.load("value");
      // By id: the user may have renamed the source sheet since it was read.
      const source = workbook.worksheets.getItemOrNullObject(request.sourceId);
      const sourceKey = { id: request.sourceId, name: request.source };
      // Marks of the last write, as the pane saw it and as the workbook has it now.
      const knownMarks = outputsOf(request.outputs, sourceKey)?.marks ?? [];
      const noteCells = notesSupported ? [...new Set([...knownMarks, ...newMarks.keys()])] : [];
      const notes = new Map(noteCells.map((cell) => [cell, source.notes.getItemOrNullObject(cell)] as const));
      for (const note of notes.values()) note.load("content");
      // The user's own fill of each cell about to be marked, to put back when the mark goes.
      const fills = new Map(
        [...newMarks.keys()].map((cell) => [cell, source.getRange(cell).format.fill.load("color")] as const),
      );
      await context.sync();

      // What the workbook holds now wins over what the pane read: a write that stopped midway left it.
      const outputs = stored.isNullObject ? request.outputs : parseOutputs(stored.value);
      const previous =
        outputsOf(outputs, sourceKey) ??
        (await recoverOutputs(context, request.sourceId, notesSupported, outputs));
      const ownSheets = new Map((previous?.sheets ?? []).map((s) => [s.name.toLowerCase(), s]));
      const markedBefore = new Set(previous?.marks ?? []);
      const present = workbook.worksheets.items.map((s) => s.name);
      const own = new Set(ownSheets.keys());
      const sheets =
        typeof request.sheets === "function"
          ? request.sheets(present.filter((name) => !own.has(name.toLowerCase())))
          : request.sheets;
      const plans = sheets.map(planSheet);
      totalRows = plans.reduce((n, p) => n + p.lastRow, 0) + 1;

      const sheetNames = new Set(workbook.worksheets.items.map((s) => s.name.toLowerCase()));
      const tableNames = new Set(workbook.tables.items.map((t) => t.name.toLowerCase()));
      // A table on a sheet of ours that our record does not name was left by a write that stopped
      // between Excel making the table and naming it: it goes, or ours would overlap it.
      const recorded = new Set(
        (previous?.sheets ?? []).flatMap((s) => s.tables.map((t) => t.name.toLowerCase())),
      );
      const strays = workbook.tables.items.filter(
        (t) => ownSheets.has(t.worksheet.name.toLowerCase()) && !recorded.has(t.name.toLowerCase()),
      );
      const userFills: Record<string, string> = {};
      for (const cell of newMarks.keys()) {
        const before = previous?.fills[cell];
        if (before !== undefined) userFills[cell] = before;
      }
      for (const [cell, fill] of fills) {
        if (markedBefore.has(cell)) continue;
        // No fill reads as white; our own colour left by a write whose record was lost is not the user's.
        const color = source.isNullObject ? null : fill.color;
        if (color && !isMarkFill(color) && color.toUpperCase() !== "#FFFFFF") userFills[cell] = color;
      }

      // —— round trip 2: the writes ——
      // A sheet that took a planned name since the read, and is not ours, is left alone: ours takes another name.
      const taken = new Set(workbook.worksheets.items.map((s) => s.name));
      const sheetNamesPlanned = plans.map((plan) => {
        const wish = plan.sheet.name;
        if (!sheetNames.has(wish.toLowerCase()) || ownSheets.has(wish.toLowerCase())) return wish;
        const name = uniqueSheetName(wish, taken);
        taken.add(name);
        return name;
      });
      const planned = new Set(sheetNamesPlanned.map((n) => n.toLowerCase()));
      // A sheet of ours the user renamed or deleted is no longer ours: its tables are left alone.
      const ownAlive = new Map([...ownSheets].filter(([name]) => sheetNames.has(name) && planned.has(name)));
      for (const stray of strays) {
        stray.delete();
        tableNames.delete(stray.name.toLowerCase());
      }
      const tables = placeTables(workbook, plans, sheetNamesPlanned, ownAlive, tableNames);
      const records: OutputSheetRecord[] = plans.map((plan, s) => ({
        name: sheetNamesPlanned[s]!,
        area: area(1, plan.lastRow, plan.columns),
        tables: plan.placements.map((p, i) => ({ name: tables.placed[s]![i]!.name, headerRow: p.headerRow })),
      }));
      const finalRecord: OutputRecord = {
        sheets: records,
        marks: source.isNullObject ? [] : [...newMarks.keys()],
        notes: notesSupported,
        fills: userFills,
      };
      // What this write will leave is remembered first: a write that fails midway is found again
      // by the retry (same sheets, tables, notes), never duplicated. Marks of both runs stay
      // listed until the write is through, so none is forgotten.
      const remember = (record: OutputRecord) =>
        workbook.settings.add(
          OUTPUTS_KEY,
          JSON.stringify({ ...withoutLegacyKey(outputs, request), [request.sourceId]: record }),
        );
      remember({
        ...finalRecord,
        // Our sheets about to be deleted stay ours until they are gone.
        sheets: [
          ...records,
          ...(previous?.sheets ?? []).filter((own) => !planned.has(own.name.toLowerCase())),
        ],
        marks: [...new Set([...markedBefore, ...finalRecord.marks])],
        fills: { ...previous?.fills, ...userFills },
      });
      workbook.settings.add(CORRECTIONS_KEY, JSON.stringify(request.corrections));

      // Our sheets the new plan no longer has (the checks sheet once every issue is fixed) go.
      for (const own of previous?.sheets ?? []) {
        if (!planned.has(own.name.toLowerCase()) && sheetNames.has(own.name.toLowerCase())) {
          workbook.worksheets.getItem(own.name).delete();
          for (const t of own.tables) tableNames.delete(t.name.toLowerCase());
        }
      }

      for (const [s, plan] of plans.entries()) {
        const name = sheetNamesPlanned[s]!;
        const key = name.toLowerCase();
        const own = ownSheets.get(key);
        const exists = sheetNames.has(key);
        const ws = exists ? workbook.worksheets.getItem(name) : workbook.worksheets.add(name);
        // Tagged, so that the sheet is found as ours even if the workbook's settings are lost.
        ws.customProperties.add(SOURCE_TAG, request.sourceId);
        ws.customProperties.add(AREA_TAG, records[s]!.area);
        // A refresh rewrites our area; clearing contents only keeps the user's formatting.
        if (exists && own) ws.getRange(own.area).clear("Contents");
        await writeSheet(ws, plan, tables.placed[s]!, tables.renames, budget, !exists, (n) => {
          rowsDone += n;
        });
      }

      // Issue marks on the source sheet: last run's cleared (the user's fill put back), this run's set.
      if (!source.isNullObject) {
        for (const cell of markedBefore) {
          if (!newMarks.has(cell)) {
            const fill = source.getRange(cell).format.fill;
            const own = previous?.fills[cell];
            if (own) fill.color = own;
            else fill.clear();
          }
          const note = notes.get(cell);
          if (note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX) && !newMarks.has(cell))
            note.delete();
        }
        for (const [cell, marks] of newMarks) {
          const worst = marks.some((m) => m.severity === "error")
            ? "error"
            : marks.some((m) => m.severity === "warning")
              ? "warning"
              : "info";
          const text = NOTE_PREFIX + marks.map((m) => m.text).join("\n");
          await budget.reserve(text.length + 120);
          source.getRange(cell).format.fill.color = MARK_FILL[worst];
          if (!notesSupported) continue;
          const note = notes.get(cell);
          // A note of ours already there (a write that stopped midway, settings lost) is rewritten, never added twice.
          if (!note || note.isNullObject) source.notes.add(cell, text);
          else if (note.content.startsWith(NOTE_PREFIX)) note.content = text;
        }
      }

      remember(finalRecord);
      await budget.flush();
      onProgress?.(totalRows, totalRows);
      return finalRecord;
    },
    { undoGroup },
  );
}

/** Custom properties (ExcelApi 1.12) on each sheet Samsyn writes: whose output it is, and the area it wrote. */
const SOURCE_TAG = "samsyn.source";
const AREA_TAG = "samsyn.area";

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

/** The outputs to keep beside this source's: an older record of it under its name is replaced. */
function withoutLegacyKey(outputs: Outputs, request: WriteRequest): Outputs {
  const { [request.source]: _legacy, ...rest } = outputs;
  return request.source === request.sourceId ? outputs : rest;
}

const isMarkFill = (color: string): boolean =>
  Object.values(MARK_FILL).some((c) => c.toUpperCase() === color.toUpperCase());

export interface PlacedTable {
  readonly name: string;
  /** The existing table to resize, or null to create one. */
  readonly existing: Excel.Table | null;
}

/**
 * Matches the plan's tables to last run's by sheet and position. A table whose header row
 * stayed is resized in place (and renamed to the plan's name if that changed); one that moved
 * is made anew (Table.resize keeps the header row); one no longer planned is deleted. A plan
 * name already used by a table that is not ours gets a unique one, and formulas follow it.
 */
function placeTables(
  workbook: Excel.Workbook,
  plans: readonly SheetPlan[],
  sheetNames: readonly string[],
  ownSheets: ReadonlyMap<string, OutputSheetRecord>,
  tableNames: Set<string>,
): { placed: PlacedTable[][]; renames: Map<string, string> } {
  const reused = new Set<string>();
  const kept: { plan: TablePlacement; before: OutputSheetRecord["tables"][number] | null }[][] = [];
  for (const [s, plan] of plans.entries()) {
    const own = ownSheets.get(sheetNames[s]!.toLowerCase());
    kept.push(
      plan.placements.map((p, i) => {
        const before = own?.tables[i];
        if (before && tableNames.has(before.name.toLowerCase()) && before.headerRow === p.headerRow) {
          reused.add(before.name.toLowerCase());
          return { plan: p, before };
        }
        return { plan: p, before: null };
      }),
    );
  }
  // Tables of ours that are not reused go first, freeing their names and cells.
  for (const own of ownSheets.values()) {
    for (const t of own.tables) {
      const lower = t.name.toLowerCase();
      if (!reused.has(lower) && tableNames.has(lower)) {
        workbook.tables.getItem(t.name).delete();
        tableNames.delete(lower);
      }
    }
  }
  const foreign = new Set([...tableNames].filter((n) => !reused.has(n)));
  const taken = new Set(foreign);
  const renames = new Map<string, string>();
  const placed = kept.map((sheet) =>
    sheet.map(({ plan, before }) => {
      const wish = plan.table.name;
      const name =
        foreign.has(wish.toLowerCase()) || taken.has(wish.toLowerCase())
          ? uniqueTableName(wish, taken)
          : wish;
      taken.add(name.toLowerCase());
      if (name !== wish) renames.set(wish, name);
      if (!before) return { name, existing: null };
      const existing = workbook.tables.getItem(before.name);
      if (before.name !== name) existing.name = name;
      return { name, existing };
    }),
  );
  return { placed, renames };
}

/**
 * Range.format.columnWidth is in points; a plan's width is in characters, as exceljs and the
 * file format count them. Excel's rule (ECMA-376 Part 1, 18.3.1.13 col, "width"): a column n
 * characters wide is n × the maximum digit width (7 px in Calibri 11) plus 5 px of padding;
 * a pixel is 0.75 point at 96 dpi. So 14 characters are 103 px, 77.25 points — not 14 × 7 points.
 */
export const columnWidthPoints = (characters: number): number => ((characters * 7 + 5) * 3) / 4;

/** One plan sheet's cells, its tables (made or resized) and their formats; shared with the network sheet. */
export async function writeSheet(
  ws: Excel.Worksheet,
  plan: SheetPlan,
  tables: readonly PlacedTable[],
  renames: ReadonlyMap<string, string>,
  budget: RequestBudget,
  isNew: boolean,
  advance: (rows: number) => void,
): Promise<void> {
  const { sheet } = plan;
  if (sheet.heading.length > 0) {
    const heading = sheet.heading.map((line) => [toExcelInput(line)]);
    await budget.reserve(heading.reduce((n, row) => n + estimateBytes(row), 0));
    ws.getRange(area(1, sheet.heading.length, 1)).formulas = heading;
    advance(sheet.heading.length);
  }
  for (const [i, p] of plan.placements.entries()) {
    const { table } = p;
    const columns = table.columns.length;
    const bodyRows = p.lastBodyRow - p.headerRow;
    const matrix: ExcelInput[][] = [table.columns.map((c) => toExcelInput(c.header))];
    for (let r = 0; r < bodyRows; r++) {
      matrix.push(
        padRow(
          (table.rows[r] ?? []).map((cell) => toExcelInput(renameInFormulas(cell, renames))),
          columns,
        ),
      );
    }
    for (const chunk of chunksOf(matrix)) {
      await budget.reserve(chunk.bytes);
      const first = p.headerRow + chunk.start;
      ws.getRange(area(first, first + chunk.count - 1, columns)).formulas = matrix.slice(
        chunk.start,
        chunk.start + chunk.count,
      );
      advance(chunk.count);
    }
    const address = area(p.headerRow, p.lastBodyRow, columns);
    const placed = tables[i]!;
    if (placed.existing) {
      placed.existing.resize(ws.getRange(address));
    } else {
      // A Range, not a string: a string address without a sheet name means the active sheet.
      const created = ws.tables.add(ws.getRange(address), true);
      created.name = placed.name;
      created.style = "TableStyleMedium2";
    }
    const lastSummaryRow = p.firstSummaryRow + table.summaryRows.length - 1;
    if (table.summaryRows.length > 0) {
      const width = Math.max(columns, ...table.summaryRows.map((r) => r.length));
      const summary = table.summaryRows.map((row) =>
        padRow(
          row.map((cell) => toExcelInput(renameInFormulas(cell, renames))),
          width,
        ),
      );
      await budget.reserve(summary.reduce((n, row) => n + estimateBytes(row), 0));
      ws.getRange(area(p.firstSummaryRow, lastSummaryRow, width)).formulas = summary;
      if (isNew) ws.getRange(area(p.firstSummaryRow, lastSummaryRow, width)).format.font.bold = true;
      advance(summary.length);
    }
    // Number formats down the body and the summary rows, as full 2D arrays (what every API version takes).
    const lastFormatted = Math.max(p.lastBodyRow, lastSummaryRow);
    for (const [c, column] of table.columns.entries()) {
      if (!column.numberFormat) continue;
      const count = lastFormatted - p.firstBodyRow + 1;
      await budget.reserve(count * (column.numberFormat.length + 5));
      const col = columnLetters(c);
      ws.getRange(`${col}${p.firstBodyRow}:${col}${lastFormatted}`).numberFormat = Array.from(
        { length: count },
        () => [column.numberFormat],
      );
    }
  }
  // Widths, print settings and the title's weight only on a new sheet: on refresh the user's formatting stays.
  if (isNew) {
    if (sheet.heading.length > 0) ws.getRange("A1").format.font.bold = true;
    // One page wide, as many tall as it takes (0: automatic, as the file format's fitToHeight),
    // the main table's header row on every page, the title in the page header. ExcelApi 1.9.
    const print = printLayout(sheet);
    ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.titleRow !== null) ws.pageLayout.setPrintTitleRows(`$${print.titleRow}:$${print.titleRow}`);
    ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = pageHeaderText(print.header);
    const widths = new Map<number, number>();
    for (const t of sheet.tables) {
      t.columns.forEach((c, i) => {
        if (c.width) widths.set(i, Math.max(widths.get(i) ?? 0, c.width));
      });
    }
    for (const [c, width] of widths) {
      ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = columnWidthPoints(width);
    }
  }
}

/**
 * "Ta bort markeringar": takes Samsyn's marks off the source sheet — each cell's fill back to
 * the user's own (or none), Samsyn's notes deleted, the user's notes left — and forgets them.
 * Two round trips: what is marked, then the changes.
 */
export async function removeMarks(host: ExcelHost, source: { id: string; name: string }): Promise<void> {
  const notesSupported = host.supports(NOTES_EXCEL_API);
  await host.run(async (context) => {
    const workbook = context.workbook;
    const stored = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
    stored.load("value");
    const sheet = workbook.worksheets.getItemOrNullObject(source.id);
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
    for (const cell of record.marks) {
      const fill = sheet.getRange(cell).format.fill;
      const own = record.fills[cell];
      if (own) fill.color = own;
      else fill.clear();
    }
    for (const note of notes) if (!note.isNullObject && note.content.startsWith(NOTE_PREFIX)) note.delete();
    const { [source.name]: _byName, ...rest } = outputs;
    workbook.settings.add(
      OUTPUTS_KEY,
      JSON.stringify({ ...rest, [source.id]: { ...record, marks: [], fills: {} } }),
    );
    await context.sync();
  });
}
