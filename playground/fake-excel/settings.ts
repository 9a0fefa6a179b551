/** Notes (ExcelApi 1.18) and workbook settings of the fake Excel. */
import type { FakeSheet } from "./book";
import { a1Of, parseAddress } from "./cells";
import { FakeClientObject, type FakeContext, FakeOfficeError, sizeOf, supports } from "./client";

class FakeNote extends FakeClientObject<{ sheet: FakeSheet; cell: string }> {
  constructor(
    context: FakeContext,
    resolver: () => { sheet: FakeSheet; cell: string } | null,
    orNull = false,
  ) {
    super(context, resolver, orNull);
  }
  protected read(t: { sheet: FakeSheet; cell: string }, name: string): unknown {
    if (name === "content") return t.sheet.notes.get(t.cell) ?? null;
    throw new Error(`fake Excel: Note.${name} is not faked`);
  }
  get content(): string {
    return this.loadedValue("content");
  }
  set content(text: string) {
    this.context.enqueue(() => {
      const t = this.target();
      t.sheet.notes.set(t.cell, text);
      return 0;
    }, text.length + 40);
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      t.sheet.notes.delete(t.cell);
      return 0;
    });
  }
}

export class FakeNoteCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    if (!supports(context.options, "1.18")) throw new Error("fake Excel: notes need ExcelApi 1.18");
  }
  add(cellAddress: string, content: string): FakeNote {
    const cell = a1Of(parseAddress(cellAddress));
    this.context.enqueue(() => {
      const sheet = this.sheet();
      // A cell holds one note (Microsoft, "Work with notes": notes are tied to an individual
      // cell); adding a second is refused, and Note.content rewrites the one there.
      if (sheet.notes.has(cell))
        throw new FakeOfficeError("InvalidArgument", `The cell ${cell} already has a note.`);
      sheet.notes.set(cell, content);
      return 0;
    }, content.length + 40);
    return new FakeNote(this.context, () => ({ sheet: this.sheet(), cell }));
  }
  getItemOrNullObject(key: string): FakeNote {
    const cell = a1Of(parseAddress(key));
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.sheet();
        return sheet.notes.has(cell) ? { sheet, cell } : null;
      },
      true,
    );
  }
}

class FakeSetting extends FakeClientObject<{ key: string; value: unknown }> {
  constructor(context: FakeContext, resolver: () => { key: string; value: unknown } | null, orNull = false) {
    super(context, resolver, orNull);
  }
  protected read(t: { key: string; value: unknown }, name: string): unknown {
    if (name === "value") return t.value;
    if (name === "key") return t.key;
    throw new Error(`fake Excel: Setting.${name} is not faked`);
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
}

/**
 * The ceiling of a workbook's settings, in characters of key and JSON value together. Microsoft
 * documents 2 MB at most for an add-in's settings (Office.Settings.set, quoted in office-js#621);
 * in office-js#3957 Excel refused from around 1 MB with InvalidArgument ("The argument is
 * invalid or missing or has an incorrect format"). The fake refuses past 1 MB.
 */
export const SETTINGS_CEILING = 1024 * 1024;

const settingsSize = (settings: ReadonlyMap<string, unknown>): number =>
  [...settings].reduce((n, [k, v]) => n + k.length + sizeOf(v), 0);

export class FakeSettingCollection {
  constructor(private readonly context: FakeContext) {}
  private find(key: string) {
    const settings = this.context.book.settings;
    return settings.has(key) ? { key, value: settings.get(key) } : null;
  }
  add(key: string, value: unknown): FakeSetting {
    const copy: unknown = JSON.parse(JSON.stringify(value));
    this.context.enqueue(() => {
      const settings = this.context.book.settings;
      const next = new Map(settings).set(key, copy);
      if (settingsSize(next) > SETTINGS_CEILING)
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format (the workbook's settings are too large).",
        );
      settings.set(key, copy);
      return 0;
    }, sizeOf(value));
    return new FakeSetting(this.context, () => this.find(key));
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, () => this.find(key));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, () => this.find(key), true);
  }
}
