/**
 * The machinery under every proxy of the fake Excel: Excel's error, the options a host is made
 * with, the base of an object proxy (a resolver run at sync time, loaded properties, null-object
 * state) and of a collection proxy (items loaded as proxies, nested loads, the count).
 */
import type { FakeBook, FakeSheet } from "./book";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeOptions {
  /** Highest ExcelApi set the fake claims (default "1.18"). */
  readonly apiVersion?: string;
  /** Bytes per request and per answer (default 5 MB, Excel on the web's limit). */
  readonly payloadLimit?: number;
  /** When set, every batch fails with this code (e.g. "InvalidOperationInCellEditMode"). */
  readonly failWith?: string;
  /**
   * Fails the n-th sync (1-based, counted over the host's batches) halfway: the first half of
   * its queued work takes effect, then GeneralException. Earlier syncs of a batch are committed;
   * Microsoft documents no rollback of a failed sync either, so the fake takes the worst case:
   * what came before the failure stays (a write must then be safe to run again).
   */
  readonly failAtSync?: number;
}

/** Whether the fake claims an ExcelApi set (by default up to 1.18). */
export function supports(options: FakeOptions, version: string): boolean {
  const [aMajor = 0, aMinor = 0] = (options.apiVersion ?? "1.18").split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = version.split(".").map(Number);
  return aMajor > bMajor || (aMajor === bMajor && aMinor >= bMinor);
}

export type Op = () => number | undefined;

export function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const sizeOf = (v: unknown): number => (v === undefined ? 0 : (JSON.stringify(v)?.length ?? 0));

/**
 * What every proxy needs of its request context (context.ts has the class): the book, the
 * queue of work for the next sync, whether the batch is one undo step, and the proxy of a sheet
 * (Range.worksheet, Table.worksheet point back up to their sheet; the context makes that proxy,
 * so range.ts and table.ts need not import worksheet.ts).
 */
export interface FakeContext {
  readonly book: FakeBook;
  readonly options: FakeOptions;
  readonly undoGroup: boolean;
  enqueue(op: Op, bytes?: number): void;
  sheetProxy(resolve: () => FakeSheet | null): FakeClientObject<FakeSheet>;
}

/** The base of every proxy: a resolver run at sync time, loaded properties, null-object state. */
export abstract class FakeClientObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    protected readonly resolver: () => T | null,
    private readonly orNull = false,
  ) {
    if (orNull)
      context.enqueue(() => {
        this.nullState = this.resolver() === null;
        return 8;
      });
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** The object, at sync time; a missing one is Excel's ItemNotFound. */
  protected target(): T {
    const t = this.resolver();
    if (t === null)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this.constructor.name}).`,
      );
    return t;
  }

  load(spec?: string | string[]): this {
    if (spec === undefined || (Array.isArray(spec) && spec.length === 0)) {
      throw new Error("fake Excel: load() without property names loads everything; name the properties");
    }
    const names = (Array.isArray(spec) ? spec : spec.split(",")).map((n) => n.trim()).filter(Boolean);
    this.context.enqueue(() => this.loadNow(names));
    return this;
  }

  /** Reads the properties now (inside a sync); returns the answer's size. */
  loadNow(names: readonly string[]): number {
    const t = this.orNull ? this.resolver() : this.target();
    let bytes = 0;
    for (const name of names) {
      const value = t === null ? null : this.read(t, name);
      this.loaded.set(name, value);
      bytes += sizeOf(value) + name.length;
    }
    return bytes;
  }

  /** The object as it is now (inside a sync); for other proxies taking this one as an argument. */
  resolveNow(): T {
    return this.target();
  }

  protected loadedValue<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Marks a property as known locally (a value the add-in set itself reads back, as in office.js). */
  protected remember(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected abstract read(target: T, name: string): unknown;
}

/**
 * What a collection load asks for: properties of each item, navigation collections of each item
 * loaded in turn, and the count. Strings take "items/<property>" and "count"; the object form
 * is office.js's CollectionLoadOptions ({ name: true, charts: { name: true } }), whose keys
 * apply to each item.
 */
interface LoadTree {
  readonly [key: string]: boolean | LoadTree;
}

function parseCollectionLoad(spec: string | LoadTree): { item: LoadTree; count: boolean } {
  if (typeof spec !== "string") {
    for (const key of Object.keys(spec))
      if (key.startsWith("$")) throw new Error(`fake Excel: load option "${key}" is not faked`);
    return { item: spec, count: false };
  }
  const item: Record<string, boolean> = {};
  const nested: Record<string, Record<string, boolean>> = {};
  let count = false;
  for (const n of spec
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (n === "count") count = true;
    else if (n.startsWith("items/") && !n.slice("items/".length).includes("/")) item[n.slice(6)] = true;
    else if (/^items\/\w+\/\w+$/.test(n)) {
      // A navigation property of each item: items/worksheet/name.
      const [, nav, prop] = n.split("/") as [string, string, string];
      nested[nav] = { ...nested[nav], [prop]: true };
    } else throw new Error(`fake Excel: collection load "${n}" is not faked; use items/<property> or count`);
  }
  return { item: { ...item, ...nested }, count };
}

/** Collections: items become proxies with the asked properties (and nested collections) loaded. */
export abstract class FakeCollection<T, P> {
  private loadedItems: P[] | null = null;
  private loadedCount: number | null = null;
  constructor(readonly context: FakeContext) {}
  protected abstract list(): T[];
  protected abstract proxy(item: T): P & { loadNow(names: readonly string[]): number };
  load(spec: string | LoadTree): this {
    const request = parseCollectionLoad(spec);
    this.context.enqueue(() => this.loadNow(request));
    return this;
  }
  /** Loads now (inside a sync); returns the answer's size. Items are pinned as they are at this sync. */
  loadNow(request: { item: LoadTree; count: boolean }): number {
    const all = this.list();
    let bytes = 0;
    if (request.count) {
      this.loadedCount = all.length;
      bytes += 8;
    }
    const keys = Object.entries(request.item);
    if (keys.length === 0) return bytes;
    const scalars = keys.filter(([, v]) => v === true).map(([k]) => k);
    const nested = keys.filter((entry): entry is [string, LoadTree] => typeof entry[1] === "object");
    const items = all.map((item) => this.proxy(item));
    for (const p of items) {
      bytes += p.loadNow(scalars);
      for (const [key, tree] of nested) {
        const child = (p as unknown as Record<string, unknown>)[key];
        if (child instanceof FakeClientObject) bytes += child.loadNow(Object.keys(tree));
        else if (child instanceof FakeCollection) bytes += child.loadNow({ item: tree, count: false });
        else throw new Error(`fake Excel: loading "${key}" of each item is not faked`);
      }
    }
    this.loadedItems = items;
    return bytes;
  }
  get items(): P[] {
    if (this.loadedItems === null) throw notLoaded("items");
    return this.loadedItems;
  }
  get count(): number {
    if (this.loadedCount === null) throw notLoaded("count");
    return this.loadedCount;
  }
}
