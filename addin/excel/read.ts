/**
 * Reads a source sheet (or a range of it) into a Grid in a fixed number of round trips: one
 * sync for the used range's size, where the formula cells are, the workbook's sheet names and
 * the remembered settings; then one sync for values and number formats of every cell and the
 * formulas of the formula cells. Only a sheet too big for one answer (Excel on the web: 5 MB)
 * is read in row chunks, halved until they fit; only a sheet with more merged areas than
 * Range.getMergedAreasOrNullObject returns (512, its reference text) has its merges read in row
 * bands afterwards, halved until each answers. Every sheet of a workbook at once (readSheets):
 * the same two syncs for all of them, after one for their names.
 */
import type { CellValue, Grid, RangeAddress } from "../../shared/grid";
import { parseRangeA1 } from "../../shared/grid";
import type { Corrections } from "../../shared/report";
import { AddinError, errorCode, isPayloadTooLarge } from "./errors";
import type { ExcelHost } from "./host";
import {
  CORRECTIONS_KEY,
  OUTPUTS_KEY,
  type Outputs,
  parseCorrections,
  parseOutputs,
  SHEET_KEY_TAG,
} from "./state";

/** Where the source is: a whole sheet (its used range), or a range on it (a selection). */
export type SourceScope =
  | { readonly kind: "active" }
  | { readonly kind: "selection" }
  | { readonly kind: "sheet"; readonly sheet: string }
  | { readonly kind: "range"; readonly sheet: string; readonly address: string };

export interface SourceSnapshot {
  readonly grid: Grid;
  /**
   * The source sheet's key: what its outputs are remembered under, whatever its name, session
   * or platform (the sheet's samsyn.key tag, or for a sheet never converted its id now).
   */
  readonly sourceId: string;
  /** Its Worksheet.id in this session: how the write finds it again if renamed meanwhile. */
  readonly sheetId: string;
  /** How to read the same source again on refresh. */
  readonly scope: Extract<SourceScope, { kind: "sheet" | "range" }>;
  readonly sheetNames: readonly string[];
  readonly corrections: Corrections;
  readonly outputs: Outputs;
}

/** Cells per read request before splitting: values and number formats of 200 000 cells stay under 5 MB. */
export const READ_CHUNK_CELLS = 200_000;

/** The address part of "'Budget 2008'!A1:D40". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

/** Merged areas from RangeAreas.address ("Blad1!A1:D1, Blad1!A3:B3"). */
export function parseAreas(address: string): RangeAddress[] {
  const areas: RangeAddress[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)\s*(?=,|$)/g)) {
    const range = parseRangeA1(m[1]!.replace(/\$/g, ""));
    if (range) areas.push(range);
  }
  return areas;
}

/** office.js cells to the Grid's shape: "" → null, number format "General" → null. */
export function toGridRows(
  values: readonly (readonly unknown[])[],
  numberFormats: readonly (readonly unknown[])[],
): { values: CellValue[][]; numberFormats: (string | null)[][] } {
  const v: CellValue[][] = [];
  const n: (string | null)[][] = [];
  values.forEach((row, r) => {
    const vr: CellValue[] = [];
    const nr: (string | null)[] = [];
    row.forEach((raw, c) => {
      vr.push(
        raw === "" || raw === undefined || raw === null
          ? null
          : typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string"
            ? raw
            : String(raw),
      );
      const format = numberFormats[r]?.[c];
      nr.push(typeof format === "string" && format !== "" && format !== "General" ? format : null);
    });
    v.push(vr);
    n.push(nr);
  });
  return { values: v, numberFormats: n };
}

export async function readSource(host: ExcelHost, scope: SourceScope): Promise<SourceSnapshot> {
  try {
    return await readBatch(host, scope);
  } catch (error) {
    // getSelectedRange refuses a selection of several areas (Microsoft, "Work with workbooks").
    if (scope.kind === "selection" && errorCode(error) === "InvalidSelection")
      throw new AddinError("several-areas");
    throw error;
  }
}

/** What the first sync asks of one sheet (or a range of it). */
interface Asked {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  /** The formula cells' areas, or a null object where there are none. */
  readonly formulaCells: Excel.RangeAreas;
  readonly key: Excel.WorksheetCustomProperty;
}

function ask(sheet: Excel.Worksheet, base: Excel.Range): Asked {
  const used = base.getUsedRangeOrNullObject();
  // Formulas are fetched for formula cells only: reading them for every cell would double the answer.
  const formulaCells = base.getSpecialCellsOrNullObject("Formulas");
  sheet.load("name,id");
  const key = sheet.customProperties.getItemOrNullObject(SHEET_KEY_TAG);
  key.load("value");
  used.load("address,rowIndex,columnIndex,rowCount,columnCount");
  return { sheet, used, formulaCells, key };
}

/** What the first sync asks of the workbook: its sheet names and what it remembers. */
function askWorkbook(workbook: Excel.Workbook) {
  workbook.worksheets.load("items/name");
  const corrections = workbook.settings.getItemOrNullObject(CORRECTIONS_KEY);
  corrections.load("value");
  const outputs = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  outputs.load("value");
  return () => ({
    sheetNames: workbook.worksheets.items.map((s) => s.name),
    corrections: parseCorrections(corrections.isNullObject ? null : corrections.value),
    outputs: parseOutputs(outputs.isNullObject ? null : outputs.value),
  });
}

/** A sheet's snapshot but its grid, once the first sync has answered. */
function snapshotOf(
  a: Asked,
  book: Pick<SourceSnapshot, "sheetNames" | "corrections" | "outputs">,
  scope: SourceScope,
): Omit<SourceSnapshot, "grid"> {
  const name = a.sheet.name;
  return {
    ...book,
    sourceId: a.key.isNullObject || !a.key.value ? a.sheet.id : a.key.value,
    sheetId: a.sheet.id,
    scope:
      scope.kind === "selection" || scope.kind === "range"
        ? { kind: "range", sheet: name, address: a.used.isNullObject ? "A1" : localAddress(a.used.address) }
        : { kind: "sheet", sheet: name },
  };
}

const emptyGrid = (sheet: string): Grid => ({
  sheet,
  origin: { row: 0, col: 0 },
  values: [],
  formulas: [],
  numberFormats: [],
  merges: [],
});

function readBatch(host: ExcelHost, scope: SourceScope): Promise<SourceSnapshot> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    let sheet: Excel.Worksheet;
    let base: Excel.Range;
    if (scope.kind === "selection") {
      base = workbook.getSelectedRange();
      sheet = base.worksheet;
    } else {
      sheet =
        scope.kind === "active"
          ? workbook.worksheets.getActiveWorksheet()
          : workbook.worksheets.getItem(scope.sheet);
      base = scope.kind === "range" ? sheet.getRange(scope.address) : sheet.getRange();
    }
    const asked = ask(sheet, base);
    const book = askWorkbook(workbook);
    await context.sync();
    return { ...snapshotOf(asked, book(), scope), grid: await readCells(context, asked) };
  });
}

/**
 * Every sheet the workbook has, but those `skip` names, each as the import reads it, in a fixed
 * number of round trips however many sheets there are: one for the names, one for each sheet's
 * size and the workbook's settings, one for the cells of all sheets together while they stay
 * under READ_CHUNK_CELLS, and for a sheet beyond that its own reads, as one sheet is read.
 */
export function readSheets(host: ExcelHost, skip: (name: string) => boolean): Promise<SourceSnapshot[]> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const asked = sheets.items.filter((s) => !skip(s.name)).map((s) => ask(s, s.getRange()));
    const book = askWorkbook(workbook);
    await context.sync();
    const remembered = book();
    const snapshots = asked.map((a) => snapshotOf(a, remembered, { kind: "sheet", sheet: a.sheet.name }));
    const grids = new Map<Asked, Grid>();
    // Together while the answer stays small; a sheet that does not fit is read on its own.
    let cells = 0;
    const together = asked.filter((a) => {
      const size = a.used.isNullObject ? 0 : a.used.rowCount * a.used.columnCount;
      if (cells + size > READ_CHUNK_CELLS) return false;
      cells += size;
      return true;
    });
    const parts = together.flatMap((a) =>
      a.used.isNullObject ? [] : [[a, askCells(a.used, a.formulaCells)] as const],
    );
    try {
      if (parts.length > 0) await context.sync();
      for (const [a, part] of parts) {
        const grid = gridOf(a, part);
        if (grid) grids.set(a, grid);
      }
    } catch {
      // Too large after all, or more merged areas than one read returns: each sheet on its own,
      // as one is read (which halves its chunks, reads merges in bands, or says what failed).
      grids.clear();
    }
    for (const a of asked) if (!grids.has(a)) grids.set(a, await readCells(context, a));
    return snapshots.map((s, i) => ({ ...s, grid: grids.get(asked[i]!)! }));
  });
}

/** A range's cells, merged areas and formulas, asked for the next sync. */
function askCells(range: Excel.Range, formulaCells: Excel.RangeAreas) {
  range.load("values,numberFormat");
  const merged: Excel.RangeAreas | null = range.getMergedAreasOrNullObject();
  merged.load("address");
  let formulas: Excel.RangeCollection | null = null;
  if (!formulaCells.isNullObject) {
    formulas = formulaCells.areas;
    formulas.load("items/address,items/formulas");
  }
  return { range, merged, formulas };
}

/** The grid of a used range read whole by askCells; null where Excel answered null (too large for one answer). */
function gridOf(a: Asked, part: ReturnType<typeof askCells>): Grid | null {
  const { range, merged, formulas } = part;
  if (range.values == null || range.numberFormat == null) return null;
  const origin = { row: a.used.rowIndex, col: a.used.columnIndex };
  const converted = toGridRows(range.values, range.numberFormat);
  return {
    sheet: a.sheet.name,
    origin,
    values: converted.values,
    formulas: placeFormulas(formulas?.items ?? [], origin, a.used.rowCount, a.used.columnCount),
    numberFormats: converted.numberFormats,
    merges: merged === null || merged.isNullObject ? [] : parseAreas(merged.address),
  };
}

/**
 * A sheet's cells once its size is known: in row chunks that fit one answer, halved until they
 * do; the merged areas with the first chunk, or in bands after it where there are too many.
 */
async function readCells(context: Excel.RequestContext, a: Asked): Promise<Grid> {
  const { used, formulaCells } = a;
  const name = a.sheet.name;
  if (used.isNullObject) return emptyGrid(name);
  const origin = { row: used.rowIndex, col: used.columnIndex };
  const rows = used.rowCount;
  const cols = used.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  let merges: RangeAddress[] | null = null;
  let formulaAreas: Excel.RangeCollection | null = null;
  let chunkRows = Math.max(1, Math.floor(READ_CHUNK_CELLS / cols));
  let start = 0;
  /** Whether the merged areas are asked with the first chunk; false once that failed. */
  let mergesInline = true;
  while (start < rows) {
    const count = Math.min(chunkRows, rows - start);
    const part = used.getCell(start, 0).getResizedRange(count - 1, cols - 1);
    part.load("values,numberFormat");
    const first: boolean = start === 0;
    const mergedAreas: Excel.RangeAreas | null =
      first && mergesInline ? used.getMergedAreasOrNullObject() : null;
    mergedAreas?.load("address");
    if (first && !formulaCells.isNullObject) {
      formulaAreas = formulaCells.areas;
      formulaAreas.load("items/address,items/formulas");
    }
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && count > 1) {
        chunkRows = Math.ceil(count / 2);
        continue;
      }
      // More than 512 merged areas make their read fail, and the whole sync with it: read the
      // cells again without them, and the merges in bands afterwards.
      if (mergedAreas) {
        mergesInline = false;
        continue;
      }
      throw error;
    }
    // Excel on the web may answer null for a range too large to return: smaller pieces, or give up.
    if (part.values == null || part.numberFormat == null) {
      if (count > 1) {
        chunkRows = Math.ceil(count / 2);
        continue;
      }
      throw new AddinError("too-large");
    }
    const converted = toGridRows(part.values, part.numberFormat);
    for (let r = 0; r < count; r++) {
      values.push(converted.values[r]!);
      numberFormats.push(converted.numberFormats[r]!);
    }
    if (mergedAreas) merges = mergedAreas.isNullObject ? [] : parseAreas(mergedAreas.address);
    start += count;
  }
  merges ??= await readMergesInBands(context, used, rows, cols);
  return {
    sheet: name,
    origin,
    values,
    formulas: placeFormulas(formulaAreas?.items ?? [], origin, rows, cols),
    numberFormats,
    merges,
  };
}

/**
 * The merged areas of a used range too rich in them for one getMergedAreasOrNullObject: one
 * round trip per band of rows, a band that fails halved (a merge across two bands is reported
 * by both, clipped by neither: Excel returns whole merged areas that intersect the range).
 */
async function readMergesInBands(
  context: Excel.RequestContext,
  used: Excel.Range,
  rows: number,
  cols: number,
): Promise<RangeAddress[]> {
  const found = new Map<string, RangeAddress>();
  const bands: [number, number][] = [[0, Math.ceil(rows / 2)]];
  if (rows > 1) bands.push([Math.ceil(rows / 2), rows - Math.ceil(rows / 2)]);
  while (bands.length > 0) {
    const [top, count] = bands.shift()!;
    const areas = used
      .getCell(top, 0)
      .getResizedRange(count - 1, cols - 1)
      .getMergedAreasOrNullObject();
    areas.load("address");
    try {
      await context.sync();
    } catch (error) {
      if (count === 1) throw error;
      const half = Math.ceil(count / 2);
      bands.unshift([top, half], [top + half, count - half]);
      continue;
    }
    if (areas.isNullObject) continue;
    for (const area of parseAreas(areas.address)) found.set(JSON.stringify(area), area);
  }
  return [...found.values()];
}

/** The formula cells' formulas laid into a grid-shaped array (null elsewhere). */
function placeFormulas(
  areas: readonly { address: string; formulas: unknown[][] }[],
  origin: { row: number; col: number },
  rows: number,
  cols: number,
): (string | null)[][] {
  const out: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null),
  );
  for (const area of areas) {
    const at = parseRangeA1(localAddress(area.address));
    if (!at) continue;
    for (const [r, row] of area.formulas.entries()) {
      for (const [c, formula] of row.entries()) {
        const gr = at.start.row + r - origin.row;
        const gc = at.start.col + c - origin.col;
        if (typeof formula === "string" && formula.startsWith("=") && out[gr] && gc >= 0 && gc < cols) {
          out[gr]![gc] = formula;
        }
      }
    }
  }
  return out;
}
