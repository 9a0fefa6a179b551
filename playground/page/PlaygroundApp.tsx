/**
 * The playground page: the task pane (its real files, in an iframe at a task pane's width) over
 * the fake workbook held here, the workbook's sheets beside it, and buttons to open another
 * workbook and to download this one as it now stands.
 */

import { Button } from "@fluentui/react-button";
import { MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-message-bar";
import { FluentProvider } from "@fluentui/react-provider";
import { Body1, Caption1, Subtitle2, Title3 } from "@fluentui/react-text";
import { tokens, webLightTheme } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useRef, useState } from "react";
import { ClientFailure } from "../../shared/client";
import type { Lang } from "../../shared/messages";
import { LanguagePicker } from "../../ui/LanguagePicker";
import { FakeBook } from "../fake-excel/book";
import { applyLayout, layoutOf } from "../fake-excel/layout";
import type { BookHolder } from "./bridge";
import { downloadWorkbook, openWorkbook } from "./files";
import { SheetView } from "./SheetView";
import { PAGE_STRINGS } from "./strings";

/** The default task pane width in Excel for Windows; Excel on the web uses about 350 px. */
export const PANE_WIDTH_PX = 320;

export interface PlaygroundAppProps {
  readonly holder: BookHolder;
  readonly version: number;
  readonly lang: Lang;
  readonly onLang: (lang: Lang) => void;
  /** Bumped to make the pane start again (another workbook, another language). */
  readonly paneKey: number;
  readonly onChanged: () => void;
  readonly onReplaced: (name: string | null) => void;
  readonly bookName: string | null;
  readonly serviceUrl: string | null;
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    height: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    // A narrow window (a phone, a window beside another): the page scrolls, the pane above the sheets.
    "@media (max-width: 700px)": { height: "auto", minHeight: "100vh" },
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalL },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, flexBasis: "360px", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
  main: {
    display: "flex",
    gap: tokens.spacingHorizontalL,
    flexGrow: 1,
    minHeight: 0,
    "@media (max-width: 700px)": { flexDirection: "column" },
  },
  pane: {
    width: `${PANE_WIDTH_PX}px`,
    "@media (max-width: 700px)": { height: "640px", maxWidth: "100%", boxSizing: "border-box" },
    flexShrink: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  sheets: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    "@media (max-width: 700px)": { minHeight: "520px" },
  },
  note: { color: tokens.colorNeutralForeground3 },
  file: { overflowWrap: "anywhere", marginBlockEnd: tokens.spacingVerticalXS },
});

export function PlaygroundApp(props: PlaygroundAppProps) {
  const { holder, version, lang, paneKey, onChanged, onReplaced, bookName, serviceUrl } = props;
  const styles = useStyles();
  const s = PAGE_STRINGS[lang];
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<"open" | "download" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const explain = (e: unknown) =>
    setFailure(
      e instanceof ClientFailure
        ? (e.detail?.[lang === "sv" ? "sv" : "en"] ?? s.answered(e.status))
        : `${s.loadFailed} (${e instanceof Error ? e.message : String(e)})`,
    );

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy("open");
    setFailure(null);
    try {
      const opened = await openWorkbook(file);
      holder.book = applyLayout(FakeBook.fromJSON(opened), opened.layout);
      onReplaced(file.name);
    } catch (e) {
      explain(e);
    } finally {
      setBusy(null);
      if (input.current) input.current.value = "";
    }
  };

  const download = async () => {
    setBusy("download");
    setFailure(null);
    try {
      const base = (bookName ?? "arbetsbok.xlsx").replace(/\.xlsx$/i, "");
      // With the widths, bold and print settings, so the file prints as convert's does.
      const book = { ...holder.book.toJSON(), layout: layoutOf(holder.book) };
      await downloadWorkbook(book, `${base} (Samsyn).xlsx`);
    } catch (e) {
      explain(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.page}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Title3 as="h1">{s.title}</Title3>
            {bookName && <Subtitle2 className={styles.file}>{bookName}</Subtitle2>}
            <Body1>{s.intro}</Body1>
            {serviceUrl && <Caption1 className={styles.note}>{s.serviceNote(serviceUrl)}</Caption1>}
          </div>
          <div className={styles.actions}>
            <LanguagePicker lang={lang} label={s.language} onLang={props.onLang} />
            <input
              ref={input}
              className={styles.hidden}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label={s.openInput}
              onChange={(event) => void open(event.target.files?.[0])}
            />
            <Button disabled={busy !== null} onClick={() => input.current?.click()}>
              {busy === "open" ? s.opening : s.open}
            </Button>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void download()}>
              {busy === "download" ? s.downloading : s.download}
            </Button>
          </div>
        </header>
        <Caption1 className={styles.note}>{s.chartsNote}</Caption1>
        {failure && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{failure}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" size="small" onClick={() => setFailure(null)}>
                {s.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div className={styles.main}>
          <iframe key={paneKey} className={styles.pane} src="/addin/taskpane.html" title={s.paneTitle} />
          <div className={styles.sheets}>
            <SheetView
              book={holder.book}
              version={version}
              strings={s}
              lang={lang}
              onActivate={(sheet) => {
                holder.book.active = sheet;
                onChanged();
              }}
              onSelect={(sheet, range) => {
                holder.book.active = sheet;
                holder.book.selection = { sheet, range };
                holder.book.moreSelectedAreas = [];
                onChanged();
              }}
            />
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}
