/**
 * The parts of exceljs that its public types do not name, typed here once: its SAX front
 * end, its shared-strings parser, its shared-formula translation, its date-format test and
 * its streaming WorkbookReader's inner steps. The streaming reader (stream.ts) decodes cells
 * with these, so that what it reads is what exceljs's whole-workbook read would have made.
 */
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";

const require = createRequire(import.meta.url);

export interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

export type SaxEvent =
  | { readonly eventType: "opentag"; readonly value: SaxTag }
  | { readonly eventType: "closetag"; readonly value: SaxTag }
  | { readonly eventType: "text"; readonly value: string };

/** exceljs's SAX front end (saxes): one array of events per chunk written. */
export const parseSax = require("exceljs/lib/utils/parse-sax.js") as (
  chunks: AsyncIterable<string | Buffer>,
) => AsyncIterable<readonly SaxEvent[]>;

/** A formula of a shared-formula master moved to another cell, as exceljs does it. */
export const { slideFormula } = require("exceljs/lib/utils/shared-formula.js") as {
  slideFormula(formula: string, fromCell: string, toCell: string): string;
};

const utils = require("exceljs/lib/utils/utils.js") as {
  isDateFmt(format: string | undefined): boolean;
  xmlDecode(text: string): string;
};
/** Whether exceljs turns a number under this format into a Date. */
export const isDateFmt = (format: string | undefined): boolean => utils.isDateFmt(format);
/** exceljs decodes the text of "str" cells once more after the XML parser has. */
export const xmlDecode = (text: string): string => utils.xmlDecode(text);

/** A shared string as exceljs's SharedStringsXform models it: text, or rich text ({} when empty). */
export type SharedString = ExcelJS.CellValue;

const SharedStringsXform = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => {
  parseStream(chunks: AsyncIterable<string | Buffer>): Promise<unknown>;
  readonly values: readonly SharedString[];
};

/** xl/sharedStrings.xml through the very parser exceljs's whole-workbook read uses. */
export async function parseSharedStrings(text: Readable): Promise<readonly SharedString[]> {
  const xform = new SharedStringsXform();
  await xform.parseStream(text);
  return xform.values;
}

/** A worksheet as the streaming reader hands it out, before anything reads it. */
export interface WorksheetEntry {
  /** The N of xl/worksheets/sheetN.xml. */
  readonly sheetNo: string;
  /** The part's bytes, inflated, in chunks. */
  readonly chunks: AsyncIterable<Buffer | string>;
}

/** What exceljs's StylesXform answers for a style index: its number format among the rest. */
export interface StyleManager {
  getStyleModel(id: number): { readonly numFmt?: string } | null;
}

/** The state exceljs's WorkbookReader keeps while it walks the package. */
export interface WorkbookReaderState {
  readonly model?: {
    readonly sheets?: readonly { readonly name?: string; readonly id: number; readonly rId: string }[];
  };
  readonly workbookRels?: readonly { readonly Id: string; readonly Target: string }[];
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
  readonly styles: StyleManager;
  sharedStrings?: readonly SharedString[];
}

/** A part of the package as WorkbookReader's steps take it: a stream of its text. */
export type ZipEntry = Readable;

/** exceljs's streaming WorkbookReader, with the steps a subclass may replace. */
export const WorkbookReaderBase = ExcelJS.stream.xlsx.WorkbookReader as unknown as abstract new (
  input: Readable,
  options: {
    readonly worksheets: "emit";
    readonly sharedStrings: "cache";
    readonly styles: "cache";
    readonly hyperlinks: "ignore";
    readonly entries: "ignore";
  },
) => WorkbookReaderState & {
  parse(): AsyncGenerator<{ readonly eventType: string; readonly value: unknown }>;
  _parseRels(entry: ZipEntry): Promise<void>;
  _parseWorkbook(entry: ZipEntry): Promise<void>;
  _parseStyles(entry: ZipEntry): Promise<void>;
};
