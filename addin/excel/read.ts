/**
 * Reads a source sheet (or a range of it) into a Grid in a fixed number of round trips: one
 * sync for the used range's size, where the formula cells are, the workbook's sheet names and
 * the remembered settings; then one sync for values and number formats of every cell and the
 * formulas of the formula cells. Only a sheet too big for one answer (Excel on the web: 5 MB)
 * is read in row chunks, halved until they fit; only a sheet with more merged areas than
 * Range.getMergedAreasOrNullObject returns (512, its reference text) has its merges read in row
 * bands afterwards, halved until each answers.
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

function readBatch(host: ExcelHost, scope: SourceScope): Promise<SourceSnapshot> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    let sheet: Excel.Worksheet;
    /** Never a null object: what the formula cells are looked for in. */
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
    const used = base.getUsedRangeOrNullObject();
    // Formulas are fetched for formula cells only: reading them for every cell would double the answer.
    const formulaCells = base.getSpecialCellsOrNullObject("Formulas");
    sheet.load("name,id");
    const key = sheet.customProperties.getItemOrNullObject(SHEET_KEY_TAG);
    key.load("value");
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    workbook.worksheets.load("items/name");
    const corrections = workbook.settings.getItemOrNullObject(CORRECTIONS_KEY);
    corrections.load("value");
    const outputs = workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
    outputs.load("value");
    await context.sync();

    const snapshot = {
      sourceId: key.isNullObject || !key.value ? sheet.id : key.value,
      sheetId: sheet.id,
      sheetNames: workbook.worksheets.items.map((s) => s.name),
      corrections: parseCorrections(corrections.isNullObject ? null : corrections.value),
      outputs: parseOutputs(outputs.isNullObject ? null : outputs.value),
    };
    const name = sheet.name;
    const sourceScope =
      scope.kind === "selection" || scope.kind === "range"
        ? ({
            kind: "range",
            sheet: name,
            address: used.isNullObject ? "A1" : localAddress(used.address),
          } as const)
        : ({ kind: "sheet", sheet: name } as const);
    if (used.isNullObject) {
      const empty: Grid = {
        sheet: name,
        origin: { row: 0, col: 0 },
        values: [],
        formulas: [],
        numberFormats: [],
        merges: [],
      };
      return { ...snapshot, grid: empty, scope: sourceScope };
    }

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
      ...snapshot,
      grid: {
        sheet: name,
        origin,
        values,
        formulas: placeFormulas(formulaAreas?.items ?? [], origin, rows, cols),
        numberFormats,
        merges: merges ?? [],
      },
      scope: sourceScope,
    };
  });
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
