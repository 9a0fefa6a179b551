/**
 * An .xlsx package into grids through exceljs's streaming reader (stream.xlsx.WorkbookReader):
 * each part read once as it inflates, each worksheet's XML parsed as it streams — never held
 * whole, no exceljs cell made, no merged range expanded — and finished into the grid the
 * whole-workbook read would give (sheet-xml.ts, sheet-grid.ts).
 *
 * WorkbookReader reads the workbook, its relationships and its styles with its own steps.
 * Where its steps would read differently from the whole-workbook read, they are replaced:
 * - the walk over the zip: WorkbookReader's (unzipper through exceljs's iterateStream) takes
 *   unzipper's early "end" for the last entry and now and then drops the parts after a
 *   worksheet — the shared strings, the styles — of a small package. It walks here the parts
 *   the package check read from the central directory, worksheets last, so nothing is put in
 *   a temporary file and each part is decoded as one UTF-8 stream (WorkbookReader decodes each
 *   chunk alone: an "ö" cut between two chunks comes out as two "�");
 * - the shared strings go through exceljs's SharedStringsXform, the parser of the whole read
 *   (the stream's own reads rich text and phonetic runs otherwise);
 * - a worksheet is handed over as its bytes with its number rather than through
 *   WorksheetReader, which loses shared formulas, errors and truth values of formula results,
 *   and the 1904 date system when the styles come after the sheet.
 */
import { Readable } from "node:stream";
import { SamsynError } from "../shared/failures";
import type { CellValue, Grid } from "../shared/grid";
import { plainValue } from "./cell-value";
import {
  parseSax,
  parseSharedStrings,
  type SharedString,
  WorkbookReaderBase,
  type WorkbookReaderState,
  type WorksheetEntry,
} from "./exceljs-internals";
import { EXCELJS_SHEET, type MergedRange, type PackageContents, type PackagePart } from "./package";
import { finishSheet, gridOf, type SheetContext } from "./sheet-grid";
import { type RawSheet, readSheetXml } from "./sheet-xml";

/** WorkbookReader over the checked parts, with the steps that would read differently replaced. */
class PackageReader extends WorkbookReaderBase {
  stylesRead = false;

  constructor(private readonly parts: readonly PackagePart[]) {
    super(Readable.from([]), {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      entries: "ignore",
    });
  }

  /** WorkbookReader's parse, over the checked parts: the workbook's own parts, then its worksheets. */
  override async *parse(): AsyncGenerator<{
    readonly eventType: "worksheet";
    readonly value: WorksheetEntry;
  }> {
    const worksheets: [string, PackagePart][] = [];
    for (const part of this.parts) {
      const text = () => part.open().setEncoding("utf8");
      switch (part.name) {
        case "xl/_rels/workbook.xml.rels":
          await this._parseRels(text());
          break;
        case "xl/workbook.xml":
          await this._parseWorkbook(text());
          break;
        case "xl/sharedStrings.xml":
          // exceljs's SharedStringsXform, the whole read's parser, in place of the stream's own.
          this.sharedStrings = await parseSharedStrings(text());
          break;
        case "xl/styles.xml":
          await this._parseStyles(text());
          this.stylesRead = true;
          break;
        default: {
          const sheetNo = EXCELJS_SHEET.exec(part.name)?.[1];
          if (sheetNo !== undefined) worksheets.push([sheetNo, part]);
        }
      }
    }
    for (const [sheetNo, part] of worksheets)
      yield { eventType: "worksheet", value: { sheetNo, chunks: part.open() } };
  }
}

/**
 * Grids of the package's worksheets, in the workbook's order. Refuses (SamsynError) a
 * package without worksheets and one whose sheets exceljs would count to more than
 * `maxCells` (rows × columns, as the whole-workbook read counts them); any other failure is
 * the package's own (malformed XML, a damaged zip) and is thrown as it comes.
 */
export async function readPackageGrids(contents: PackageContents, maxCells: number): Promise<Grid[]> {
  const reader = new PackageReader(contents.parts);
  const parsed = new Map<string, RawSheet>();
  // Worksheets come after the workbook's own parts: its sheets and shared strings are known.
  let listed: ReadonlyMap<string, ListedSheet> | undefined;
  let strings: readonly CellValue[] | null = null;
  for await (const { eventType, value } of reader.parse()) {
    if (eventType !== "worksheet") continue;
    const { sheetNo, chunks } = value as WorksheetEntry;
    if (listed === undefined) {
      listed = listedSheets(reader);
      strings = reader.sharedStrings ? reader.sharedStrings.map((s: SharedString) => plainValue(s)) : null;
    }
    if (listed.has(sheetNo)) parsed.set(sheetNo, await readSheetXml(parseSax(utf8(chunks)), strings));
  }
  const sheets = worksheetsInOrder(reader, parsed, listed ?? new Map());
  if (sheets.length === 0) throw new SamsynError({ code: "no-sheets" });
  const merges = mergesBySheetNo(contents);
  const formatOf = formatLookup(reader);
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const contexts = new Map<string, SheetContext>();
  let cells = 0;
  for (const { sheetNo } of sheets) {
    const context: SheetContext = { formatOf, date1904, merges: merges.get(sheetNo) ?? [] };
    contexts.set(sheetNo, context);
    cells += finishSheet(parsed.get(sheetNo)!, context);
  }
  if (cells > maxCells) throw new SamsynError({ code: "too-many-cells", cells, limit: maxCells });
  return sheets.map(({ name, sheetNo }) => gridOf(name, parsed.get(sheetNo)!, contexts.get(sheetNo)!));
}

/** Bytes to text as one UTF-8 stream: a character cut between two chunks stays whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

interface ListedSheet {
  readonly name?: string;
  readonly id: number;
}

/** Worksheet parts that a <sheet> of workbook.xml points to (through the workbook's relationships), by number. */
function listedSheets(reader: WorkbookReaderState): Map<string, ListedSheet> {
  const rels = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel]));
  const listed = new Map<string, ListedSheet>();
  for (const sheet of reader.model?.sheets ?? []) {
    const target = rels.get(sheet.rId)?.Target;
    if (target === undefined) continue;
    // exceljs's path for a target: "worksheets/sheet1.xml" and "/xl/worksheets/sheet1.xml" alike.
    const part = /^xl\/worksheets\/sheet(\d+)[.]xml$/.exec(`xl/${target.replace(/^(\s|\/xl\/)+/, "")}`);
    if (part) listed.set(part[1]!, sheet);
  }
  return listed;
}

/**
 * The worksheets exceljs's whole-workbook read keeps, named and ordered as it does: each
 * listed part that was read, kept by its sheetId, in the order workbook.xml lists them.
 */
function worksheetsInOrder(
  reader: WorkbookReaderState,
  parsed: ReadonlyMap<string, RawSheet>,
  listed: ReadonlyMap<string, ListedSheet>,
): { name: string; sheetNo: string }[] {
  const order = reader.model?.sheets ?? [];
  const byId = new Map<number, { name: string; sheetNo: string; order: number }>();
  const taken = new Set<string>();
  for (const sheetNo of parsed.keys()) {
    const sheet = listed.get(sheetNo);
    // exceljs keeps its worksheets in an array by sheetId; one that is no index past 0 is lost.
    if (!sheet || !Number.isInteger(sheet.id) || sheet.id < 0 || sheet.id > 2 ** 32 - 2) continue;
    const name = worksheetName(sheet.name, sheet.id, taken);
    if (sheet.id === 0) continue;
    byId.set(sheet.id, { name, sheetNo, order: order.findIndex((s) => s.id === sheet.id) });
  }
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

/** A worksheet's name as exceljs's Worksheet accepts it: the same refusals, cut at 31 characters. */
function worksheetName(given: string | undefined, id: number, taken: Set<string>): string {
  let name = given ?? `sheet${id}`;
  if (name === "") throw new Error("The name can't be empty.");
  if (name === "History") throw new Error('The name "History" is protected. Please use a different name.');
  if (/[*?:/\\[\]]/.test(name))
    throw new Error(`Worksheet name ${name} cannot include any of the following characters: * ? : \\ / [ ]`);
  if (/(^')|('$)/.test(name))
    throw new Error(
      `The first or last character of worksheet name cannot be a single quotation mark: ${name}`,
    );
  if (name.length > 31) name = name.substring(0, 31);
  if (taken.has(name.toLowerCase())) throw new Error(`Worksheet name already exists: ${name}`);
  taken.add(name.toLowerCase());
  return name;
}

/** The package check's merged ranges by the worksheet number exceljs reads the part as. */
function mergesBySheetNo(contents: PackageContents): Map<string, readonly MergedRange[]> {
  const bySheetNo = new Map<string, readonly MergedRange[]>();
  for (const [part, merges] of contents.merges) {
    const sheetNo = EXCELJS_SHEET.exec(part)?.[1];
    if (sheetNo !== undefined && !bySheetNo.has(sheetNo)) bySheetNo.set(sheetNo, merges);
  }
  return bySheetNo;
}

/** A style index's number format: none without a styles part, as in the whole-workbook read. */
function formatLookup(reader: PackageReader): (style: number) => string | undefined {
  const formats = new Map<number, string | undefined>();
  return (style) => {
    if (!style || !reader.stylesRead) return undefined;
    if (!formats.has(style)) formats.set(style, reader.styles.getStyleModel(style)?.numFmt);
    return formats.get(style);
  };
}
