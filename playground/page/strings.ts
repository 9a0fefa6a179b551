/** The playground page's texts: Swedish first, English selectable. The pane has its own. */
import type { Lang } from "../../shared/messages";

export interface PageStrings {
  readonly title: string;
  readonly intro: string;
  readonly language: string;
  readonly open: string;
  readonly openInput: string;
  readonly opening: string;
  readonly download: string;
  readonly downloading: string;
  readonly chartsNote: string;
  readonly paneTitle: string;
  readonly sheets: string;
  readonly showFormulas: string;
  readonly tablesLegend: string;
  readonly noTables: string;
  readonly clipped: (rows: number, cols: number) => string;
  readonly loadFailed: string;
  /** The server's answer when it gave no words of its own; null: no answer at all. */
  readonly answered: (status: number | null) => string;
  readonly serviceNote: (url: string) => string;
  readonly dismiss: string;
  readonly gridLabel: (sheet: string) => string;
  readonly gridRegion: string;
}

export const PAGE_STRINGS: Readonly<Record<Lang, PageStrings>> = {
  sv: {
    title: "Samsyns lekplats",
    intro:
      "Aktivitetsfönstret till vänster är Samsyn, precis som i Excel, men över en arbetsbok i webbläsaren. Bladflikarna till höger är Excels: klicka på en flik för att göra bladet aktivt, på en cell för att markera den.",
    language: "Språk",
    open: "Öppna en arbetsbok …",
    openInput: "Arbetsbok att öppna (.xlsx)",
    opening: "Öppnar arbetsboken …",
    download: "Ladda ned arbetsboken",
    downloading: "Skapar filen …",
    chartsNote:
      "Den nedladdade filen har blad, värden, formler, tabeller, kolumnbredder, fetstil och utskriftsinställningar, och skrivs ut som i Excel. Diagram följer inte med: det går inte att skriva dem i den nedladdade filen.",
    paneTitle: "Samsyns aktivitetsfönster",
    sheets: "Blad i arbetsboken",
    showFormulas: "Visa formler",
    tablesLegend: "Tabeller",
    noTables: "Inga Excel-tabeller på bladet.",
    clipped: (rows, cols) => `Visar de första ${rows} raderna och ${cols} kolumnerna.`,
    loadFailed: "Arbetsboken kunde inte läsas in.",
    answered: (status) => (status === null ? "Servern svarade inte." : `Servern svarade ${status}.`),
    serviceNote: (url) => `Inloggning och sändning går till Samsyn-tjänsten på ${url}.`,
    dismiss: "Stäng",
    gridLabel: (sheet) => `Bladet ${sheet}`,
    gridRegion: "Bladets celler",
  },
  en: {
    title: "Samsyn playground",
    intro:
      "The task pane on the left is Samsyn, as in Excel, but over a workbook in the browser. The sheet tabs on the right are Excel's: click a tab to make its sheet active, a cell to select it.",
    language: "Language",
    open: "Open a workbook …",
    openInput: "Workbook to open (.xlsx)",
    opening: "Opening the workbook …",
    download: "Download the workbook",
    downloading: "Making the file …",
    chartsNote:
      "The downloaded file has the sheets, values, formulas, tables, column widths, bold and print settings, and prints as in Excel. Charts are left out: they cannot be written into the downloaded file.",
    paneTitle: "Samsyn's task pane",
    sheets: "Sheets of the workbook",
    showFormulas: "Show formulas",
    tablesLegend: "Tables",
    noTables: "No Excel tables on this sheet.",
    clipped: (rows, cols) => `Showing the first ${rows} rows and ${cols} columns.`,
    loadFailed: "The workbook could not be loaded.",
    answered: (status) => (status === null ? "The server did not answer." : `The server answered ${status}.`),
    serviceNote: (url) => `Sign-in and sending go to the Samsyn service at ${url}.`,
    dismiss: "Close",
    gridLabel: (sheet) => `Sheet ${sheet}`,
    gridRegion: "The sheet's cells",
  },
};
