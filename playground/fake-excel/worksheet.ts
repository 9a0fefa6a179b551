/** Worksheet proxies of the fake Excel: names as Excel allows them, custom properties, page layout, the sheet's tables, charts and notes. */
import { type FakePageLayout, type FakeSheet, MAX_ROWS } from "./book";
import { parseAddress } from "./cells";
import { FakeChartCollection } from "./chart";
import { FakeClientObject, FakeCollection, type FakeContext, FakeOfficeError, notLoaded } from "./client";
import { FakeRange } from "./range";
import { FakeNoteCollection } from "./settings";
import { FakeTableCollection } from "./table";

/**
 * Worksheet.customProperties (ExcelApi 1.12). Microsoft, WorksheetCustomPropertyCollection.add:
 * it "overwrites existing custom properties with that key"; keys are case-insensitive and at
 * most 255 characters.
 */
class FakeCustomPropertyProxy extends FakeClientObject<{ sheet: FakeSheet; key: string }> {
  protected read(t: { sheet: FakeSheet; key: string }, name: string): unknown {
    if (name === "key") return t.key;
    if (name === "value") return t.sheet.customProperties.get(t.key) ?? null;
    throw new Error(`fake Excel: WorksheetCustomProperty.${name} is not faked`);
  }
  get key(): string {
    return this.loadedValue("key");
  }
  get value(): string {
    return this.loadedValue("value");
  }
}

class FakeCustomPropertyCollection extends FakeCollection<
  { sheet: FakeSheet; key: string },
  FakeCustomPropertyProxy
> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  protected list(): { sheet: FakeSheet; key: string }[] {
    const sheet = this.sheet();
    return [...sheet.customProperties.keys()].map((key) => ({ sheet, key }));
  }
  protected proxy(item: { sheet: FakeSheet; key: string }): FakeCustomPropertyProxy {
    return new FakeCustomPropertyProxy(this.context, () => item);
  }
  getItemOrNullObject(key: string): FakeCustomPropertyProxy {
    return new FakeCustomPropertyProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        const same = [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
        return same === undefined ? null : { sheet, key: same };
      },
      true,
    );
  }
  add(key: string, value: string): FakeCustomPropertyProxy {
    this.context.enqueue(
      () => {
        if (key.length === 0 || key.length > 255)
          throw new FakeOfficeError("InvalidArgument", `custom property key "${key}"`);
        const sheet = this.sheet();
        const same = [...sheet.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
        if (same !== undefined) sheet.customProperties.delete(same);
        sheet.customProperties.set(key, value);
        return 0;
      },
      key.length + value.length + 40,
    );
    return new FakeCustomPropertyProxy(this.context, () => ({ sheet: this.sheet(), key }));
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9), write-only here: orientation "Portrait" | "Landscape"
 * (Excel.PageOrientation), zoom as PageLayoutZoomOptions (a scale of 10–400, or pages to fit),
 * print title rows as a whole-row address ("$4:$4"), the header through headersFooters.
 */
class FakePageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { centerHeader: string } };
  constructor(context: FakeContext, sheet: () => FakeSheet) {
    const change = (patch: Partial<FakePageLayout>) =>
      context.enqueue(() => {
        const s = sheet();
        s.pageLayout = { ...(s.pageLayout ?? BLANK_PAGE_LAYOUT), ...patch };
        return 0;
      });
    this.change = change;
    this.headersFooters = {
      defaultForAllPages: {
        get centerHeader(): string {
          throw notLoaded("centerHeader");
        },
        set centerHeader(text: string) {
          change({ centerHeader: text });
        },
      },
    };
  }
  private readonly change: (patch: Partial<FakePageLayout>) => void;
  set orientation(orientation: string) {
    if (orientation !== "Portrait" && orientation !== "Landscape")
      throw new FakeOfficeError("InvalidArgument", `orientation "${orientation}"`);
    this.change({ orientation });
  }
  set zoom(zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    if (zoom.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400))
      throw new FakeOfficeError("InvalidArgument", `zoom scale ${zoom.scale}`);
    this.change({
      fitToPagesWide: zoom.horizontalFitToPages ?? null,
      fitToPagesTall: zoom.verticalFitToPages ?? null,
    });
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows))
      throw new FakeOfficeError("InvalidArgument", `print title rows "${rows}"`);
    this.change({ printTitleRows: rows });
  }
}

const BLANK_PAGE_LAYOUT: FakePageLayout = {
  orientation: "Portrait",
  fitToPagesWide: null,
  fitToPagesTall: null,
  printTitleRows: null,
  centerHeader: null,
};

const SHEET_NAME_BAD = /[:\\/?*[\]]/;

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(context: FakeContext, resolver: () => FakeSheet | null, orNull = false) {
    super(context, resolver, orNull);
  }
  protected read(t: FakeSheet, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "id") return t.id;
    throw new Error(`fake Excel: Worksheet.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get id(): string {
    return this.loadedValue("id");
  }
  getRange(address = ""): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      const range =
        address === ""
          ? { start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: 16_383 } }
          : parseAddress(address);
      return { sheet, range };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.resolver();
        const used = sheet?.usedRange(valuesOnly);
        return sheet && used ? { sheet, range: used } : null;
      },
      true,
    );
  }
  // Kept per proxy, so that what a load put into a collection is there to read after the sync.
  private tableCollection: FakeTableCollection | undefined;
  private chartCollection: FakeChartCollection | undefined;
  get tables(): FakeTableCollection {
    this.tableCollection ??= new FakeTableCollection(this.context, () => this.target());
    return this.tableCollection;
  }
  get charts(): FakeChartCollection {
    this.chartCollection ??= new FakeChartCollection(this.context, () => this.target());
    return this.chartCollection;
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, () => this.target());
  }
  private propertyCollection: FakeCustomPropertyCollection | undefined;
  get customProperties(): FakeCustomPropertyCollection {
    this.propertyCollection ??= new FakeCustomPropertyCollection(this.context, () => this.target());
    return this.propertyCollection;
  }
  get pageLayout(): FakePageLayoutProxy {
    return new FakePageLayoutProxy(this.context, () => this.target());
  }
  activate(): void {
    this.context.enqueue(() => {
      this.context.book.active = this.target();
      return 0;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const book = this.context.book;
      const sheet = this.target();
      // Worksheet.delete is in Microsoft's list of APIs without undo support ("Undo capabilities
      // with the Excel JavaScript API", Unsupported APIs): in an undo group it fails the batch.
      if (this.context.undoGroup)
        throw new FakeOfficeError("UndoNotSupported", "Worksheet.delete does not support undo.");
      if (book.sheets.length === 1)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      for (let i = book.tables.length - 1; i >= 0; i--)
        if (book.tables[i]!.sheet === sheet) book.tables.splice(i, 1);
      for (let i = book.charts.length - 1; i >= 0; i--)
        if (book.charts[i]!.sheet === sheet) book.charts.splice(i, 1);
      if (book.active === sheet) book.active = book.sheets[0] ?? null;
      if (book.selection?.sheet === sheet) book.selection = null;
      return 0;
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected list(): FakeSheet[] {
    return [...this.context.book.sheets];
  }
  protected proxy(item: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => item);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.active);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheet(name), true);
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | null = null;
    this.context.enqueue(() => {
      const book = this.context.book;
      if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || /^'|'$/.test(name)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The argument is invalid or missing: sheet name "${name}".`,
        );
      }
      if (book.sheet(name))
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          `A resource with the same name or identifier already exists: "${name}".`,
        );
      sheet = book.addSheet(name);
      return 0;
    });
    return new FakeWorksheet(this.context, () => sheet);
  }
}
