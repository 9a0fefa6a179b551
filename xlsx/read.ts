/**
 * Reads an .xlsx file into the core's Grid model with exceljs — the command line's and the
 * service's counterpart of the add-in's office.js reader. It mirrors what Excel hands the
 * add-in: dates as serial numbers, formulas beside their cached results, merged cells empty
 * but for the top-left one, so both ends feed the core the same grid.
 *
 * Every read of a file or buffer into grids goes one way: the package checked (package.ts),
 * then read through exceljs's streaming reader (stream.ts). `loadWorkbookFile` + `gridsOf`
 * remain for `convert` alone, which needs the whole exceljs Workbook to write into; `gridsOf`
 * turns that already loaded workbook into the very grids the streaming read gives.
 */
import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { SamsynError } from "../shared/failures";
import { type CellValue, type Grid, parseRangeA1, type RangeAddress } from "../shared/grid";
import { plainValue } from "./cell-value";
import { checkPackage, type PackageContents, type PackageLimits } from "./package";
import { readPackageGrids } from "./stream";

/**
 * The most cells read: exceljs holds about 1 000 000 within 10 s and 1 GiB on a small
 * machine (a participant list of 100 000 rows is 900 000). Excel's own ceiling, 5 000 000, is
 * for Excel; an operator with a larger server may raise this (SAMSYN_MAX_CELLS) or lower it.
 */
export const MAX_CELLS =
  Number(process.env.SAMSYN_MAX_CELLS) > 0 ? Number(process.env.SAMSYN_MAX_CELLS) : 1_000_000;
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** What exceljs is given at most; see package.ts for why each is there. */
const LIMITS: PackageLimits = {
  cells: MAX_CELLS,
  // exceljs compares merges pairwise: 5 000 take about 2 s, 20 000 took 30.
  merges: 5_000,
  // 1 000 000 cells of XML take about 40 MB, their shared strings as much again: room to spare.
  inflatedBytes: 160 * 1024 * 1024,
  entries: 10_000,
};

/** Grids of every worksheet of an .xlsx file, read through exceljs's streaming reader. */
export async function readWorkbookFile(path: string): Promise<Grid[]> {
  return readChecked(await fileBytes(path));
}

/** The same read of a workbook already in memory (an upload, a test's workbook). */
export async function readWorkbookBuffer(buffer: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  if (buffer.byteLength > MAX_FILE_BYTES) throw fileTooLarge(buffer.byteLength);
  const bytes =
    buffer instanceof Uint8Array
      ? Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      : Buffer.from(buffer);
  return readChecked(bytes);
}

/**
 * Opens an .xlsx with exceljs behind the same checks as every read (exists, size limit, a
 * readable zip), for callers that write the workbook back (convert).
 */
export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  const bytes = await fileBytes(path);
  await checked(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(error);
  }
  return workbook;
}

async function fileBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new SamsynError({ code: "file-unreadable", path });
  }
  if (size > MAX_FILE_BYTES) throw fileTooLarge(size);
  try {
    return await readFile(path);
  } catch {
    throw new SamsynError({ code: "file-unreadable", path });
  }
}

/** The package checked against the limits, then its checked parts streamed into grids. */
async function readChecked(bytes: Buffer): Promise<Grid[]> {
  const contents = await checked(bytes);
  try {
    return await readPackageGrids(contents, MAX_CELLS);
  } catch (error) {
    if (error instanceof SamsynError) throw error;
    throw unreadable(error);
  }
}

const checked = (bytes: Buffer): Promise<PackageContents> => checkPackage(bytes, LIMITS);

const fileTooLarge = (bytes: number) =>
  new SamsynError({
    code: "file-too-large",
    megabytes: Math.round(bytes / 1024 / 1024),
    limitMegabytes: MAX_FILE_BYTES / 1024 / 1024,
  });

/**
 * Grids of every worksheet of an already loaded exceljs workbook: for convert, which holds
 * the whole Workbook anyway, and as the reference the streaming read is tested against.
 */
export function gridsOf(workbook: ExcelJS.Workbook): Grid[] {
  if (workbook.worksheets.length === 0) throw new SamsynError({ code: "no-sheets" });
  let cells = 0;
  for (const ws of workbook.worksheets) cells += ws.rowCount * ws.columnCount;
  if (cells > MAX_CELLS) throw new SamsynError({ code: "too-many-cells", cells, limit: MAX_CELLS });
  return workbook.worksheets.map(worksheetToGrid);
}

/**
 * The parts of exceljs's worksheet, row and cell objects the grid is read from. They are
 * exceljs's own internals (what eachRow, eachCell and ws.model walk), read directly: one pass
 * over the cells with no callback per cell, and no full sheet model built for its merges.
 */
interface SheetInternals {
  readonly _rows: readonly (RowInternals | undefined)[];
  readonly _merges: Readonly<Record<string, { readonly range: string }>>;
}
interface RowInternals {
  readonly _cells: readonly (ExcelJS.Cell | undefined)[];
}

const NULL_TYPE = ExcelJS.ValueType.Null;
const MERGE_TYPE = ExcelJS.ValueType.Merge;
const FORMULA_TYPE = ExcelJS.ValueType.Formula;

function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const internals = ws as unknown as SheetInternals;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const rows = internals._rows;
  // Rows with no value (styled or empty) stay out, as with eachRow({ includeEmpty: false }).
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]?._cells;
    if (cells === undefined) continue;
    let v: CellValue[] | null = null;
    let f: (string | null)[] = [];
    let n: (string | null)[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined) continue;
      const type = cell.type;
      if (type === NULL_TYPE) continue;
      if (v === null) {
        v = [];
        f = [];
        n = [];
      }
      while (v.length < c) {
        v.push(null);
        f.push(null);
        n.push(null);
      }
      // Excel reports only the top-left cell of a merged area; exceljs copies it into all.
      if (type === MERGE_TYPE && cell.master.address !== cell.address) {
        v.push(null);
        f.push(null);
      } else if (type === FORMULA_TYPE) {
        // cell.value drops a formula's result when it is 0 (exceljs copies only truthy fields); cell.result does not.
        v.push(plainValue(cell.result as ExcelJS.CellValue));
        const text = cell.formula;
        f.push(text ? `=${text}` : null);
      } else {
        v.push(plainValue(cell.value));
        f.push(null);
      }
      const numFmt = cell.style?.numFmt;
      n.push(numFmt && numFmt !== "General" ? numFmt : null);
    }
    if (v === null) continue;
    values[r] = v;
    formulas[r] = f;
    numberFormats[r] = n;
  }
  for (let r = 0; r < values.length; r++) {
    if (values[r] === undefined) {
      values[r] = [];
      formulas[r] = [];
      numberFormats[r] = [];
    }
  }
  const merges: RangeAddress[] = [];
  for (const key in internals._merges) {
    const range = parseRangeA1(internals._merges[key]!.range);
    if (range) merges.push(range);
  }
  return { sheet: ws.name, origin: { row: 0, col: 0 }, values, formulas, numberFormats, merges };
}

/** What exceljs threw, as the failure a user can act on: its first line, without its links. */
function unreadable(error: unknown): SamsynError {
  const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  if (/central directory|zip|signature/i.test(detail)) return new SamsynError({ code: "not-a-workbook" });
  const short = detail.replace(/\s*(:|\.)?\s*(If it is|see) https?:\S+.*$/i, "").slice(0, 160);
  return new SamsynError({ code: "workbook-damaged", detail: short });
}
