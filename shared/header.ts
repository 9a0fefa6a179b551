/**
 * One reader for headers of one or two rows: each column's header composed from its own row and
 * the group header above it ("2023" merged over "Budget | Utfall | Avvikelse", "Datum" over
 * "Inskriven | Avslutad"). Excel reports a merged cell's value only in its top-left cell, so the
 * group's text is taken from there for every column the merge spans; a text repeated over the
 * columns is read column by column. A header merged down over both rows is the column's lower
 * text. Positions are grid-relative (row/col into grid.values), as the readers use them.
 */
import { type CellAddress, type CellValue, type Grid, type RangeAddress, sheetOrderKey } from "./grid";

/** The merged areas of a grid, grid-relative, found by any cell they cover. */
export class MergeIndex {
  private readonly byCell = new Map<number, RangeAddress>();

  constructor(grid: Grid) {
    for (const m of grid.merges) {
      const area: RangeAddress = {
        start: { row: m.start.row - grid.origin.row, col: m.start.col - grid.origin.col },
        end: { row: m.end.row - grid.origin.row, col: m.end.col - grid.origin.col },
      };
      for (let r = area.start.row; r <= area.end.row; r++)
        for (let c = area.start.col; c <= area.end.col; c++) this.byCell.set(sheetOrderKey(r, c), area);
    }
  }

  get size(): number {
    return this.byCell.size;
  }

  /** The merged area covering (r, c), or null. */
  at(r: number, c: number): RangeAddress | null {
    return this.byCell.size === 0 ? null : (this.byCell.get(sheetOrderKey(r, c)) ?? null);
  }
}

/** One column's header: the text of its own row and of the group header above it, with their cells. */
export interface HeaderColumn {
  readonly col: number;
  /** The group header above ("2023", "Datum"), or null where the row above says nothing over this column. */
  readonly upper: string | null;
  /** The column's own header ("Utfall", "Inskriven"), or null where it is blank. */
  readonly lower: string | null;
  /** Where the upper text stands (a merge's top-left cell), or null. */
  readonly upperCell: CellAddress | null;
  readonly lowerCell: CellAddress | null;
  /** The columns the upper text spans (a merge's, or the run of the same text repeated). */
  readonly upperSpan: { readonly first: number; readonly last: number } | null;
}

const NOT_BLANK = /\S/;

function textOf(v: CellValue | undefined): string | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  return NOT_BLANK.test(v) ? v.trim() : null;
}

/** The text a cell shows: a merge's top-left value for every cell it covers. */
function shownAt(
  grid: Grid,
  merges: MergeIndex,
  r: number,
  c: number,
): { text: string | null; at: CellAddress } {
  const m = merges.at(r, c);
  const at = m ? m.start : { row: r, col: c };
  return { text: textOf(grid.values[at.row]?.[at.col]), at };
}

/**
 * The header of row `row`, column by column from `first` to `last` (inclusive; the row's width by
 * default), composed with the row above. Linear in the columns read.
 */
export function composeHeader(
  grid: Grid,
  row: number,
  options: { merges?: MergeIndex; first?: number; last?: number } = {},
): HeaderColumn[] {
  const merges = options.merges ?? new MergeIndex(grid);
  const width = Math.max(grid.values[row]?.length ?? 0, row > 0 ? (grid.values[row - 1]?.length ?? 0) : 0);
  const first = options.first ?? 0;
  const last = Math.min(options.last ?? width - 1, width - 1);
  const out: HeaderColumn[] = [];
  const runs = row > 0 ? repeatedRuns(grid, merges, row - 1, first, last) : null;
  for (let c = first; c <= last; c++) {
    const own = shownAt(grid, merges, row, c);
    const ownMerge = merges.at(row, c);
    // Merged down from the row above over this row: one header over both rows, the lower text.
    if (ownMerge && ownMerge.start.row < row) {
      const shown = own.text;
      out.push({
        col: c,
        upper: null,
        lower: shown,
        upperCell: null,
        lowerCell: shown === null ? null : own.at,
        upperSpan: null,
      });
      continue;
    }
    let upper: string | null = null;
    let upperCell: CellAddress | null = null;
    let upperSpan: { first: number; last: number } | null = null;
    if (row > 0) {
      const above = merges.at(row - 1, c);
      if (above && above.end.row === row - 1) {
        const shown = shownAt(grid, merges, row - 1, c);
        upper = shown.text;
        upperCell = upper === null ? null : shown.at;
        upperSpan = upper === null ? null : { first: above.start.col, last: above.end.col };
      } else if (!above) {
        upper = textOf(grid.values[row - 1]?.[c]);
        if (upper !== null) {
          upperCell = { row: row - 1, col: c };
          upperSpan = runs![c - first]!;
        }
      }
    }
    out.push({
      col: c,
      upper,
      lower: own.text,
      upperCell,
      lowerCell: own.text === null ? null : own.at,
      upperSpan,
    });
  }
  return out;
}

/**
 * For each column first … last of row r, the run of neighbouring unmerged cells repeating its text
 * ("2023 | 2023 | 2024"): one pass, so a wide row costs no more than its width.
 */
function repeatedRuns(grid: Grid, merges: MergeIndex, r: number, first: number, last: number) {
  const textAt = (k: number) => (merges.at(r, k) === null ? textOf(grid.values[r]?.[k]) : null);
  const runs: ({ first: number; last: number } | null)[] = [];
  let start = first;
  for (let c = first; c <= last + 1; c++) {
    const t = c <= last ? textAt(c) : null;
    if (c > first && (c > last || t === null || t !== textAt(c - 1))) {
      const previous = textAt(c - 1);
      const run = previous === null ? null : { first: start, last: c - 1 };
      for (let k = start; k < c; k++) runs.push(run);
      start = c;
    }
  }
  return runs;
}
