/**
 * Looks inside an .xlsx package before exceljs does: exceljs expands every cell of a merged
 * range (one whole-sheet merge in a 1.7 KB file takes gigabytes), compares merges pairwise,
 * and keeps every row's cells in an array as long as the row's last column. So the zip's
 * entries are inflated here as streams, never past a ceiling, and the sheets' XML is scanned
 * for cells, rows, merges and the dimension, the shared strings counted — and a workbook
 * over any limit is refused with one line before exceljs sees it. The parts it checked and the
 * merged ranges found on the way are handed to the streaming reader: it reads those parts and
 * no others, and has no parser of its own for merges.
 */
import { PassThrough, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { SamsynError } from "../shared/failures";

export interface PackageLimits {
  /** Cells exceljs would hold: per row up to its last column, and every cell of every merge. */
  readonly cells: number;
  /** Merged ranges in the whole workbook (exceljs checks each against the others). */
  readonly merges: number;
  /** Bytes of all entries inflated: a zip bomb stops here. */
  readonly inflatedBytes: number;
  readonly entries: number;
}

/** A merged range as the sheet XML states it: 1-based, corners in either order. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A part of the package as the check found it in the central directory. */
export interface PackagePart {
  /** Its name, a leading "/" dropped (as exceljs drops it). */
  readonly name: string;
  /** Its content, inflated as it is read. */
  open(): Readable;
}

/** What the check learnt that a reader needs: the parts it checked, each sheet's merged ranges. */
export interface PackageContents {
  /** In the central directory's order: a reader of these reads exactly what was checked. */
  readonly parts: readonly PackagePart[];
  /** By part name, in document order. */
  readonly merges: ReadonlyMap<string, readonly MergedRange[]>;
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries (zip64 too), without trusting any size it declares. */
function entriesOf(zip: Buffer, limits: PackageLimits): Entry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new SamsynError({ code: "not-a-workbook" });
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    zip.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const record = Number(zip.readBigUInt64LE(eocd - 12));
    if (record + 56 > zip.length) throw new SamsynError({ code: "workbook-damaged", detail: "zip64 record" });
    count = Number(zip.readBigUInt64LE(record + 32));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  if (count > limits.entries) throw new SamsynError({ code: "too-many-parts", count, limit: limits.entries });
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL)
      throw new SamsynError({ code: "workbook-damaged", detail: "central directory" });
    const method = zip.readUInt16LE(p + 10);
    let compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
    // Zip64: the real sizes and offset are in extra field 1, in this order, when saturated.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = zip.readUInt16LE(x);
      const size = zip.readUInt16LE(x + 2);
      if (id === 1) {
        let f = x + 4;
        if (zip.readUInt32LE(p + 24) === 0xffffffff) f += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(zip.readBigUInt64LE(f));
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = Number(zip.readBigUInt64LE(f));
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
function dataOf(zip: Buffer, entry: Entry): Buffer {
  const p = entry.localOffset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== LOCAL)
    throw new SamsynError({ code: "workbook-damaged", detail: entry.name.slice(0, 80) });
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new SamsynError({ code: "workbook-damaged", detail: entry.name.slice(0, 80) });
  return zip.subarray(start, end);
}

/** Column number of "XFD" (1-based). */
function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const TAG = /<([A-Za-z_][\w.-]*:)?(row|c|mergeCell|si|dataValidation|sqref)\b([^>]*)>([^<]*)/g;
const R_ATTR = /\br="([A-Z]{1,3})?(\d+)"/;
const REF_ATTR = /\bref="\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/;
const SQREF_ATTR = /\bsqref="([^"]*)"/;
const RANGE = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** Cells a reference list ("A1:B2 D4") covers. */
function cellsOf(sqref: string): number {
  let cells = 0;
  for (const m of sqref.matchAll(RANGE)) {
    const rows = m[4] ? Math.abs(Number(m[4]) - Number(m[2])) + 1 : 1;
    const cols = m[3] ? Math.abs(columnOf(m[3]) - columnOf(m[1]!)) + 1 : 1;
    cells += rows * cols;
  }
  return cells;
}

/** Counts what exceljs would build from one part's XML, fed in chunks of any size. */
class PartScanner {
  /** Cell slots: per row, up to its last column. */
  slots = 0;
  merges = 0;
  mergedCells = 0;
  /** Cells under a data validation: exceljs keeps one entry per cell. */
  validatedCells = 0;
  strings = 0;
  largestMerge: { ref: string; cells: number } | null = null;
  /** The unprefixed <mergeCell>s (the ones exceljs reads), up to `mergesKept`. */
  readonly mergedRanges: MergedRange[] = [];
  private carry = "";
  private row = 0;
  private rowLastColumn = 0;
  private column = 0;

  constructor(private readonly mergesKept: number) {}

  feed(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    // Every tag that starts before the last "<" ends before it; an unfinished tag waits.
    let cut = text.lastIndexOf("<");
    if (cut < 0 || text.indexOf(">", cut) >= 0) cut = text.length;
    this.scan(text.slice(0, cut));
    this.carry = text.slice(cut);
  }

  finish(): void {
    this.scan(this.carry);
    this.carry = "";
    this.slots += this.rowLastColumn;
    this.rowLastColumn = 0;
  }

  private scan(text: string): void {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
      const tag = m[2];
      const attrs = m[3] ?? "";
      if (tag === "row") {
        this.slots += this.rowLastColumn;
        this.rowLastColumn = 0;
        this.column = 0;
        const r = R_ATTR.exec(attrs);
        this.row = r ? Number(r[2]) : this.row + 1;
      } else if (tag === "c") {
        const r = R_ATTR.exec(attrs);
        this.column = r?.[1] ? columnOf(r[1]) : this.column + 1;
        if (this.column > this.rowLastColumn) this.rowLastColumn = this.column;
      } else if (tag === "mergeCell") {
        const ref = REF_ATTR.exec(attrs);
        if (!ref) continue;
        const rows = ref[4] ? Math.abs(Number(ref[4]) - Number(ref[2])) + 1 : 1;
        const cols = ref[3] ? Math.abs(columnOf(ref[3]) - columnOf(ref[1]!)) + 1 : 1;
        const cells = rows * cols;
        if (m[1] === undefined && this.mergedRanges.length < this.mergesKept) this.keep(ref);
        this.merges++;
        this.mergedCells += cells;
        if (!this.largestMerge || cells > this.largestMerge.cells)
          this.largestMerge = { ref: ref[0].slice(5, -1), cells };
      } else if (tag === "si") this.strings++;
      else if (tag === "dataValidation") this.validatedCells += cellsOf(SQREF_ATTR.exec(attrs)?.[1] ?? "");
      // The x14 form in extLst: <xm:sqref>A1:XFD1048576</xm:sqref>.
      else if (tag === "sqref") this.validatedCells += cellsOf(m[4] ?? "");
    }
  }

  private keep(ref: RegExpExecArray): void {
    const top = Number(ref[2]);
    const left = columnOf(ref[1]!);
    const bottom = ref[4] ? Number(ref[4]) : top;
    const right = ref[3] ? columnOf(ref[3]) : left;
    this.mergedRanges.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    });
  }
}

// exceljs takes any entry whose name contains xl/worksheets/sheetN.xml for a sheet, and drops
// a leading "/": whatever either of its readers would parse is scanned.
const isSheet = (name: string) =>
  /^\/?xl\/(worksheets|chartsheets|dialogsheets)\/[^/]+\.xml$/i.test(name) || EXCELJS_SHEET.test(name);
const isSharedStrings = (name: string) => /^\/?xl\/sharedStrings\.xml$/i.test(name);

/** How both exceljs readers recognise a worksheet part (unanchored, as they match it). */
export const EXCELJS_SHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Refuses, with the first limit a package passes, before exceljs reads it. */
export async function checkPackage(zip: Buffer, limits: PackageLimits): Promise<PackageContents> {
  let inflated = 0;
  let merges = 0;
  let cells = 0;
  const mergesByPart = new Map<string, readonly MergedRange[]>();
  const parts: PackagePart[] = [];
  for (const entry of entriesOf(zip, limits)) {
    const data = dataOf(zip, entry);
    parts.push(partOf(entry, data));
    const scanner =
      isSheet(entry.name) || isSharedStrings(entry.name) ? new PartScanner(limits.merges + 1) : null;
    const take = (chunk: Buffer) => {
      inflated += chunk.length;
      if (inflated > limits.inflatedBytes)
        throw new SamsynError({ code: "too-much-xml", limitMegabytes: limits.inflatedBytes / 1024 / 1024 });
      scanner?.feed(chunk);
    };
    if (entry.method === 0) take(data);
    else if (entry.method === 8) {
      const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
      inflater.end(data);
      try {
        for await (const chunk of inflater) take(chunk as Buffer);
      } catch (e) {
        inflater.destroy();
        if (e instanceof SamsynError) throw e;
        throw new SamsynError({ code: "workbook-damaged", detail: entry.name.slice(0, 80) });
      }
    } else
      throw new SamsynError({
        code: "workbook-damaged",
        detail: `${entry.name.slice(0, 80)}: method ${entry.method}`,
      });
    if (!scanner) continue;
    scanner.finish();
    if (isSharedStrings(entry.name)) {
      if (scanner.strings > limits.cells)
        throw new SamsynError({ code: "too-many-strings", count: scanner.strings, limit: limits.cells });
      continue;
    }
    if (scanner.largestMerge && scanner.largestMerge.cells > limits.cells)
      throw new SamsynError({
        code: "merge-too-large",
        range: scanner.largestMerge.ref,
        limit: limits.cells,
      });
    merges += scanner.merges;
    if (merges > limits.merges)
      throw new SamsynError({ code: "too-many-merges", count: merges, limit: limits.merges });
    cells += scanner.slots + scanner.mergedCells + scanner.validatedCells;
    if (cells > limits.cells) throw new SamsynError({ code: "too-many-cells", cells, limit: limits.cells });
    if (scanner.mergedRanges.length > 0) mergesByPart.set(entry.name, scanner.mergedRanges);
  }
  return { parts, merges: mergesByPart };
}

/** A checked part, opened on demand; small chunks keep the SAX parser's batches of events short-lived. */
function partOf(entry: Entry, data: Buffer): PackagePart {
  const name = entry.name.replace(/^\//, "");
  const open =
    entry.method === 0
      ? () => new PassThrough().end(data)
      : () => createInflateRaw({ chunkSize: 16 * 1024 }).end(data);
  return { name, open };
}
