/**
 * What a user gets from a written workbook, read back through exceljs: the sheets with their
 * cells (value, formula and saved result, number format, font), tables, column widths, frozen
 * panes and print setup. Two ways of writing one workbook are the same to its users when
 * their models are equal.
 */
import ExcelJS from "exceljs";

export interface SheetModel {
  readonly name: string;
  readonly views: unknown;
  readonly print: unknown;
  readonly header: string | undefined;
  readonly widths: (number | null)[];
  readonly tables: unknown[];
  /** One line per non-empty cell: address, value as JSON, number format, font as JSON. */
  readonly cells: string[];
  /** Rows styled whole (a bold header row): number and font. */
  readonly rowFonts: string[];
}

export async function workbookModel(buffer: Buffer | Uint8Array): Promise<SheetModel[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    const rowFonts: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      if (row.font) rowFonts.push(`${row.number} ${JSON.stringify(row.font)}`);
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(
          `${cell.address} ${JSON.stringify(cell.value)} ${cell.numFmt ?? ""} ${JSON.stringify(cell.font ?? null)}`,
        );
      });
    });
    const { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow } = ws.pageSetup;
    return {
      name: ws.name,
      views: ws.views,
      print: { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow },
      header: ws.headerFooter.oddHeader,
      widths: Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? null),
      tables: ws.getTables().map((t) => {
        const m = (t as unknown as { table: ExcelJS.TableProperties & { tableRef?: string } }).table;
        return {
          name: m.name,
          ref: m.tableRef ?? m.ref,
          columns: m.columns.map((c) => c.name),
          style: m.style,
        };
      }),
      cells,
      rowFonts,
    };
  });
}

type Merge = typeof import("../../shared/merge").merge;
type Helpers = Pick<typeof import("./helpers"), "budgetReport" | "participantsReport">;

/**
 * Small merged views that use every part of the merged workbook: an association without a
 * report, a corrected group, a name to shorten, suppressed counts, a withheld breakdown.
 */
export function sampleViews(merge: Merge, { budgetReport, participantsReport }: Helpers) {
  const associations = [
    { id: "a0", name: "Samordningsförbundet Ale" },
    { id: "a1", name: "Finsam @Nora" },
    { id: "a2", name: "Samordningsförbundet Lerum utan rapport" },
  ];
  const head = (associationId: string, period: string) => ({
    associationId,
    period,
    revision: 2,
    createdAt: "2009-11-30T00:00:00Z",
  });
  const budget = merge({
    kind: "budget",
    period: "2009",
    associations,
    reports: ["a0", "a1"].map((id, i) => ({
      ...head(id, "2009"),
      report: budgetReport({
        years: ["2009", "2010"],
        lines: [
          ["income", "medlemsbidrag", "Medlemsbidrag", 1_440_000 + i],
          ["income", "eget kapital", "=Överskott", 100_500.5],
          ["cost", "insatser", "Samverkansteamet", 900_000],
          ["cost", "kansli och administration", "Kansli", 400_000],
          ["cost", "övrigt", "Oförutsett", 12_345],
        ],
      }),
    })),
    overrides: [{ associationId: "a1", label: "Oförutsett", group: "styrelse" }],
  });
  const participants = merge({
    kind: "participants",
    period: "2014",
    associations,
    reports: [
      { ...head("a0", "2014"), report: participantsReport("2014") },
      {
        ...head("a1", "2014"),
        report: participantsReport("2014", { byKon: { kvinna: null, man: 12 }, byHemkommun: {} }, [
          "byKon.kvinna",
          "byHemkommun",
        ]),
      },
    ],
  });
  return { budget, participants };
}
