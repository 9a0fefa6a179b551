/**
 * The seam between the add-in and Excel: one `run` that opens a batch and one requirement-set
 * check. In Excel it wraps office.js; in tests and the browser harness, the grid-backed fake.
 */

export interface RunOptions {
  /**
   * Make the batch's syncs one step of Excel's undo (Excel.RunOptions.mergeUndoGroup, ExcelApi
   * 1.20), where the host has it. Microsoft, "Undo capabilities with the Excel JavaScript API":
   * a batch using an API without undo support then fails with UndoNotSupported.
   */
  readonly undoGroup?: boolean;
}

export interface ExcelHost {
  /** One Excel.run batch; the body queues work and calls context.sync() as few times as it can. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  /** True when the host supports ExcelApi at this version ("1.18"). */
  supports(version: string): boolean;
}

/** The real host: office.js globals, waiting for the user to leave cell edit mode instead of failing. */
export function officeHost(): ExcelHost {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  return {
    // A rejected promise, never a synchronous throw, if office.js came without Excel (a stub, an old host).
    run: (batch, options) =>
      typeof Excel === "undefined"
        ? Promise.reject(new Error("office.js has no Excel object"))
        : Excel.run(
            {
              delayForCellEdit: true,
              ...(options?.undoGroup && supports(UNDO_GROUP_EXCEL_API) ? { mergeUndoGroup: true } : {}),
            },
            batch,
          ),
    supports,
  };
}

/** Excel.RunOptions.mergeUndoGroup: several syncs as one undo step. */
export const UNDO_GROUP_EXCEL_API = "1.20";

/** The lowest ExcelApi set the add-in needs (Table.resize, Range.getMergedAreasOrNullObject). */
export const REQUIRED_EXCEL_API = "1.13";
/** Notes on issue cells need this; below it, issue cells get a fill only. */
export const NOTES_EXCEL_API = "1.18";
