/**
 * The seam between the add-in and Excel: one `run` that opens a batch and one requirement-set
 * check. In Excel it wraps office.js; in tests and the browser harness, the grid-backed fake.
 */

export interface ExcelHost {
  /** One Excel.run batch; the body queues work and calls context.sync() as few times as it can. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** True when the host supports ExcelApi at this version ("1.18"). */
  supports(version: string): boolean;
}

/** The real host: office.js globals, waiting for the user to leave cell edit mode instead of failing. */
export function officeHost(): ExcelHost {
  return {
    // A rejected promise, never a synchronous throw, if office.js came without Excel (a stub, an old host).
    run: (batch) =>
      typeof Excel === "undefined"
        ? Promise.reject(new Error("office.js has no Excel object"))
        : Excel.run({ delayForCellEdit: true }, batch),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

/** The lowest ExcelApi set the add-in needs (Table.resize, Range.getMergedAreasOrNullObject). */
export const REQUIRED_EXCEL_API = "1.13";
/** Notes on issue cells need this; below it, issue cells get a fill only. */
export const NOTES_EXCEL_API = "1.18";
