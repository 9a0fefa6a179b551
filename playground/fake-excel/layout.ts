/**
 * What prints, beside the cells: each sheet's column widths (points), bold cells and page
 * layout. The fake book keeps them, but its JSON (book.ts) does not, so the playground page
 * sends them with it — from the server's first reading of a file (the source sheet's own widths
 * and bold) and back with "Ladda ned arbetsboken" (what the pane set too) — and the download
 * writes them, so the file prints as `samsyn convert`'s does. Plain data; no Node, no exceljs.
 */
import type { BookJson, FakeBook, FakePageLayout, FakeSheet } from "./book";

/** A source cell's font beyond bold, as the user set it (a 9-point footnote prints on fewer pages). */
export interface CellFont {
  readonly size?: number;
  readonly italic?: boolean;
}

export interface LayoutJson {
  readonly sheets: readonly {
    readonly name: string;
    /** [column index, width in points]. */
    readonly columnWidths: readonly (readonly [number, number])[];
    /** "row:col" of each bold cell. */
    readonly bold: readonly string[];
    readonly pageLayout: FakePageLayout | null;
    /** Optional: "row:col" → the font size and italic of the source's cells. */
    readonly fonts?: readonly (readonly [string, CellFont])[];
  }[];
}

/** The fonts the fake does not model, kept beside its sheets. */
const fonts = new WeakMap<FakeSheet, Map<string, CellFont>>();

/** The source cells' fonts (size, italic) of a sheet, "row:col" → font. */
export const fontsOf = (sheet: FakeSheet): ReadonlyMap<string, CellFont> => fonts.get(sheet) ?? new Map();

/** A book's JSON with its layout beside it, as the page and the server pass it. */
export type BookWithLayout = BookJson & { layout?: LayoutJson };

export function layoutOf(book: FakeBook): LayoutJson {
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      columnWidths: [...s.columnWidths],
      bold: [...s.bold],
      pageLayout: s.pageLayout,
      fonts: [...fontsOf(s)],
    })),
  };
}

/** Puts a layout back on the book's sheets, by name; what it does not name is left as it is. */
export function applyLayout(book: FakeBook, layout: LayoutJson | undefined): FakeBook {
  for (const entry of layout?.sheets ?? []) {
    const sheet = book.sheet(entry.name);
    if (!sheet) continue;
    for (const [col, points] of entry.columnWidths)
      if (Number.isInteger(col) && col >= 0 && Number.isFinite(points) && points > 0)
        sheet.columnWidths.set(col, points);
    for (const key of entry.bold) if (/^\d+:\d+$/.test(key)) sheet.bold.add(key);
    if (entry.pageLayout) sheet.pageLayout = { ...entry.pageLayout };
    const kept = fonts.get(sheet) ?? new Map<string, CellFont>();
    for (const [key, font] of entry.fonts ?? [])
      if (/^\d+:\d+$/.test(key))
        kept.set(key, {
          ...(typeof font.size === "number" && font.size > 0 && font.size < 410 ? { size: font.size } : {}),
          ...(font.italic === true ? { italic: true } : {}),
        });
    fonts.set(sheet, kept);
  }
  return book;
}
