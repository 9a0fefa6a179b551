/**
 * Entry of the playground page: load the starting workbook into a FakeBook, lend the pane a
 * host over it (window.samsynPlayground), render the page. Query options for demos and tests:
 * ?lang=en, ?excelApi=1.12 (an older Excel), ?failWith=InvalidOperationInCellEditMode.
 */
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../../shared/messages";
import { FakeBook } from "../fake-excel/book";
import type { FakeOptions } from "../fake-excel/excel";
import { applyLayout } from "../fake-excel/layout";
import { type BookHolder, exposeBridge, makeBridge } from "./bridge";
import { fetchStartingBook, type StartingBook } from "./files";
import { PlaygroundApp } from "./PlaygroundApp";
import { PAGE_STRINGS } from "./strings";

const params = new URLSearchParams(window.location.search);
const options: FakeOptions = {
  ...(params.get("excelApi") ? { apiVersion: params.get("excelApi")! } : {}),
  ...(params.get("failWith") ? { failWith: params.get("failWith")! } : {}),
};
let lang: Lang = params.get("lang") === "en" ? "en" : "sv";
/** Whoever renders the page listens here; the bridge calls it after every batch of the pane. */
let changed: () => void = () => {};

function Root({ holder, start }: { holder: BookHolder; start: StartingBook }) {
  const [version, setVersion] = useState(0);
  const [paneKey, setPaneKey] = useState(0);
  const [pageLang, setPageLang] = useState<Lang>(lang);
  const [bookName, setBookName] = useState(start.name);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  changed = bump;
  return (
    <PlaygroundApp
      holder={holder}
      version={version}
      lang={pageLang}
      onLang={(next) => {
        lang = next;
        setPageLang(next);
        // The pane takes Office's display language when it starts: start it again.
        setPaneKey((k) => k + 1);
      }}
      paneKey={paneKey}
      onChanged={bump}
      onReplaced={(name) => {
        setBookName(name);
        setPaneKey((k) => k + 1);
        bump();
      }}
      bookName={bookName}
      serviceUrl={start.serviceUrl}
    />
  );
}

async function main(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) return;
  document.documentElement.lang = lang;
  document.title = PAGE_STRINGS[lang].title;
  let start: StartingBook;
  try {
    start = await fetchStartingBook();
  } catch (e) {
    element.textContent = `${PAGE_STRINGS[lang].loadFailed} ${e instanceof Error ? e.message : ""}`;
    return;
  }
  const book = applyLayout(FakeBook.fromJSON(start.book), start.book.layout);
  if (book.sheets.length === 0) book.addSheet("Blad1");
  const holder: BookHolder = { book };
  // Lent before the pane's iframe exists, so the pane finds it on its first look.
  exposeBridge(
    makeBridge(
      holder,
      options,
      () => (lang === "sv" ? "sv-SE" : "en-GB"),
      () => changed(),
    ),
    holder,
  );
  createRoot(element).render(<Root holder={holder} start={start} />);
}

void main();
