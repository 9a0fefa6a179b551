/**
 * The playground page's requests to its own server: the starting workbook, an upload, a
 * download. They go through the one client's request (shared/client.ts): a time limit, and a
 * failure as a ClientFailure in the server's own words.
 */
import { request } from "../../shared/client";
import type { BookWithLayout } from "../fake-excel/layout";

export interface StartingBook {
  readonly book: BookWithLayout;
  /** The file's name, for the download ("vp2008.xlsx"), or null for the empty book. */
  readonly name: string | null;
  /** Where the server passes the pane's /api requests. */
  readonly serviceUrl: string | null;
}

/** Long enough to send a large workbook to the server and read it back. */
const TIMEOUT_MS = 120_000;

/** A request to the playground's own server; a failure is the one client failure, in the server's words. */
const ask = (path: string, init: RequestInit = {}) =>
  request((url, options) => fetch(url, options), path, init, TIMEOUT_MS);

const headerText = (response: Response, name: string): string | null => {
  const value = response.headers.get(name);
  return value ? decodeURIComponent(value) : null;
};

export async function fetchStartingBook(): Promise<StartingBook> {
  const response = await ask("/playground/book.json");
  return {
    book: (await response.json()) as BookWithLayout,
    name: headerText(response, "X-Samsyn-Book-Name"),
    serviceUrl: headerText(response, "X-Samsyn-Service"),
  };
}

export async function openWorkbook(file: File): Promise<BookWithLayout> {
  const response = await ask("/playground/open", {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream" },
    body: file,
  });
  return (await response.json()) as BookWithLayout;
}

/** The workbook as an .xlsx, saved through the browser's download. */
export async function downloadWorkbook(book: BookWithLayout, name: string): Promise<void> {
  const response = await ask("/playground/download", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(book),
  });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
