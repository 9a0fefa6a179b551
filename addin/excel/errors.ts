/**
 * What went wrong in Excel, as a small closed set the pane can put into words; never a stack
 * trace. office.js rejects with OfficeExtension.Error, which carries a string `code`.
 */

export type ExcelFailure =
  | "cell-edit-mode"
  | "too-large"
  | "not-found"
  | "already-exists"
  | "access-denied"
  | "no-data"
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
