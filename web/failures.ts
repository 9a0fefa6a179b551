/** What can go wrong between the page and the service, as a closed set (texts in web/strings). */
export type PageFailureCode =
  | "unreachable"
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "rate-limited"
  | "service-error"
  | "rejected";
