/** The playground page's requests to its own server: the starting workbook, an upload, a download. */
import type { BookJson } from "../fake-excel/book";

export interface StartingBook {
  readonly book: BookJson;
  /** The file's name, for the download ("vp2008.xlsx"), or null for the empty book. */
  readonly name: string | null;
  /** Where the server passes the pane's /api requests. */
  readonly serviceUrl: string | null;
}

/** A failure the server put into words, Swedish and English. */
export class PlaygroundRequestError extends Error {
  constructor(
    readonly messageSv: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

async function failure(response: Response): Promise<PlaygroundRequestError> {
  try {
    const body = (await response.json()) as { error?: { message?: string; messageEn?: string } };
    if (body.error?.message)
      return new PlaygroundRequestError(body.error.message, body.error.messageEn ?? body.error.message);
  } catch {
    // Not our JSON: fall through to the status.
  }
  return new PlaygroundRequestError(
    `Servern svarade ${response.status}.`,
    `The server answered ${response.status}.`,
  );
}

const headerText = (response: Response, name: string): string | null => {
  const value = response.headers.get(name);
  return value ? decodeURIComponent(value) : null;
};

export async function fetchStartingBook(): Promise<StartingBook> {
  const response = await fetch("/playground/book.json");
  if (!response.ok) throw await failure(response);
  return {
    book: (await response.json()) as BookJson,
    name: headerText(response, "X-Samsyn-Book-Name"),
    serviceUrl: headerText(response, "X-Samsyn-Service"),
  };
}

export async function openWorkbook(file: File): Promise<BookJson> {
  const response = await fetch("/playground/open", {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream" },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as BookJson;
}

/** The workbook as an .xlsx, saved through the browser's download. */
export async function downloadWorkbook(book: BookJson, name: string): Promise<void> {
  const response = await fetch("/playground/download", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(book),
  });
  if (!response.ok) throw await failure(response);
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
