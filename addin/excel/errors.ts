/**
 * What went wrong in Excel, as a small closed set the pane can put into words as what the user
 * can do; never a stack trace. office.js rejects with OfficeExtension.Error, which carries a
 * string `code`. The codes and when Excel gives them: Microsoft, "Error handling with the
 * application-specific JavaScript APIs" (docs/testing/application-specific-api-error-handling.md),
 * "Troubleshoot Excel add-ins" (another workbook took focus: GeneralException, InvalidSelection),
 * "Work with workbooks" (getSelectedRange over several areas: InvalidSelection) and "Delay
 * execution while cell is being edited" (cell-edit mode without delayForCellEdit: InvalidOperation).
 */

export type ExcelFailure =
  | "cell-edit-mode"
  | "several-areas"
  | "other-workbook"
  | "not-allowed-now"
  | "refused-input"
  | "excel-internal"
  | "too-large"
  | "not-found"
  | "already-exists"
  | "access-denied"
  | "no-data"
  /** The workbook has no budget and no insats list: nothing for Uppföljning Finsam. */
  | "no-followup"
  | "unknown";

/** Raised by the adapter for conditions it detects itself (an empty sheet, a range Excel would not return). */
export class AddinError extends Error {
  constructor(readonly failure: ExcelFailure) {
    super(failure);
    this.name = "AddinError";
  }
}

export function errorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** True for the errors that mean "the request or the answer was too big": retry in smaller pieces. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

export function classifyFailure(error: unknown): ExcelFailure {
  if (error instanceof AddinError) return error.failure;
  switch (errorCode(error)) {
    case "InvalidOperationInCellEditMode":
      return "cell-edit-mode";
    // getSelectedRange gives it for several areas (the adapter says so itself); elsewhere it
    // means another workbook took focus while the batch ran.
    case "InvalidSelection":
      return "other-workbook";
    // The batch was not allowed in Excel's present state: a cell being edited, a protected sheet.
    case "InvalidOperation":
      return "not-allowed-now";
    case "InvalidArgument":
    case "InvalidReference":
      return "refused-input";
    case "GeneralException":
      return "excel-internal";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "too-large";
    case "ItemNotFound":
      return "not-found";
    case "ItemAlreadyExists":
      return "already-exists";
    case "AccessDenied":
      return "access-denied";
    default:
      return "unknown";
  }
}
