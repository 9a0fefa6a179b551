/**
 * Defined names of the fake Excel (Workbook.names, NamedItemCollection, ExcelApi 1.4 to add),
 * and the rules a name obeys, which table names share: the grammar of a defined name, not a
 * cell reference (A1 or R1C1), and one namespace with the tables, compared without case.
 */
import type { FakeBook, FakeName } from "./book";
import { FakeClientObject, FakeCollection, type FakeContext, FakeOfficeError } from "./client";

/** MS-XLSB 2.5.166 XLNameWideString: a letter, "_" or "\" first, then letters, digits, "_", "." or "\". */
const NAME_GRAMMAR = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u;
const COLUMN_LIMIT = 16_384;
const ROW_LIMIT = 1_048_576;

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Whether Excel would read the name as a cell: MS-XLSB 2.5.166 says a name "MUST NOT be an A1
 * cell reference and MUST NOT begin with an R1C1 cell reference" (R1C1-row = "R" row-number,
 * R1C1-column = "C" column-number, or both); "R" and "C" alone are refused as well (Microsoft,
 * "Names in formulas": "You cannot use the uppercase and lowercase characters "C", "c", "R",
 * or "r" as a defined name"). ECMA-376 Part 1, 18.2.5 definedName, keeps A1–XFD1048576 for cells.
 */
export function isCellLike(name: string): boolean {
  if (/^[RrCc]$/.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1]!) <= COLUMN_LIMIT && Number(a1[2]) >= 1 && Number(a1[2]) <= ROW_LIMIT)
    return true;
  const r1c1 = /^(?:[Rr](\d+)(?:[Cc](\d+))?|[Cc](\d+)(?:[Rr](\d+))?)/.exec(name);
  if (!r1c1) return false;
  const [, row, col, col2, row2] = r1c1;
  const inRange = (n: string | undefined, max: number) =>
    n === undefined || (Number(n) >= 1 && Number(n) <= max);
  return inRange(row ?? row2, ROW_LIMIT) && inRange(col ?? col2, COLUMN_LIMIT);
}

/** A table's or a defined name's name as Excel takes it (no name, no more than 255 characters). */
export function isValidName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    NAME_GRAMMAR.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !isCellLike(name)
  );
}

/**
 * Table names and defined names are one namespace (ECMA-376 Part 1, 18.5.1.2 table, "name":
 * the name is unique in the workbook and not that of a defined name; Microsoft, "Rename an
 * Excel table": names are unique and Excel does not tell upper from lower case in them).
 * Throws as Excel does when the name is taken.
 */
export function checkNameFree(book: FakeBook, name: string, self: object | null): void {
  const lower = name.toLowerCase();
  const table = book.tables.find((t) => t.name.toLowerCase() === lower);
  const defined = book.names.find((n) => n.name.toLowerCase() === lower);
  if ((table && table !== self) || (defined && defined !== self))
    throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" is already used in this workbook.`);
}

class FakeNamedItem extends FakeClientObject<FakeName> {
  protected read(t: FakeName, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "formula") return t.formula;
    throw new Error(`fake Excel: NamedItem.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeName, FakeNamedItem> {
  constructor(context: FakeContext) {
    super(context);
  }
  protected list(): FakeName[] {
    return [...this.context.book.names];
  }
  protected proxy(item: FakeName): FakeNamedItem {
    return new FakeNamedItem(this.context, () => item);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const lower = name.toLowerCase();
    return new FakeNamedItem(
      this.context,
      () => this.context.book.names.find((n) => n.name.toLowerCase() === lower) ?? null,
      true,
    );
  }
  /** NamedItemCollection.add(name, reference): reference as a formula string here. */
  add(name: string, reference: string): FakeNamedItem {
    let made: FakeName | null = null;
    this.context.enqueue(() => {
      if (!isValidName(name))
        throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: name "${name}".`);
      checkNameFree(this.context.book, name, null);
      made = { name, formula: reference.startsWith("=") ? reference : `=${reference}` };
      this.context.book.names.push(made);
      return 0;
    });
    return new FakeNamedItem(this.context, () => made);
  }
}
