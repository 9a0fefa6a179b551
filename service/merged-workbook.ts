/**
 * The merged workbook (exceljs): the comparison sheet — the same plan the add-in writes with
 * "Hämta sammanställning" (shared/network.ts), one real Excel table with a row per association
 * and live network totals under it — and a sheet per association. exceljs cannot write charts,
 * so the file has the charts' data but not the charts. Text is saved as text cells, which
 * Excel never runs as a formula, so it is written as it came: no apostrophe to see.
 */
import ExcelJS from "exceljs";
import type { MergedBudget, MergedParticipants, MergedView } from "../shared/merge";
import {
  budgetOutcomeSheet,
  type NetworkSheet,
  NOT_REPORTED,
  networkSheet,
  SUPPRESSED,
} from "../shared/network";
import { layoutSheet, uniqueSheetName } from "../shared/output";
import { type FigureColumn, KEYED, keyLabel, SCALARS, valueAt } from "../shared/participants/catalogue";
import { periodLabel } from "../shared/period";
import { setPrinting, writeOutputSheets, xlsxBuffer } from "../xlsx/write";

/** The comparison sheet's name in the downloaded workbook (in Excel the plan's own, "Samsyn nätverk 2009"). */
const COMPARISON = "Jämförelse";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * An association's sheet name: without the "Samordningsförbundet" every name starts with, so
 * the part that tells them apart fits Excel's 31 characters; uniqueSheetName does the rest.
 */
const sheetWish = (name: string): string => name.trim().replace(/^samordningsförbundet\s+/i, "") || "Förbund";

type Cell = string | number | null | { formula: string; result?: number | string | null };
type Style = Partial<ExcelJS.Style>;

/**
 * The few looks a cell of an association's sheet has, one style object each, shared by every
 * cell that looks so: exceljs then turns a style into XML once per object while writing, not
 * once per cell. Frozen, since a change to one would change every cell sharing it.
 */
const PLAIN: Style = Object.freeze({});
const BOLD_FONT = Object.freeze({ bold: true });
const BOLD: Style = Object.freeze({ font: BOLD_FONT });
const TITLE: Style = Object.freeze({ font: Object.freeze({ bold: true, size: 14 }) });
const AMOUNT: Style = Object.freeze({ numFmt: "#,##0" });
const AMOUNT_BOLD: Style = Object.freeze({ numFmt: "#,##0", font: BOLD_FONT });
const PERCENT: Style = Object.freeze({ numFmt: "0.0%" });

/**
 * Writes a row's cells, each with its style (`styles[i]`, else the row's); a row with a font
 * of its own (a bold header row) has it also where it has no cell.
 */
function writeRow(
  ws: ExcelJS.Worksheet,
  row: number,
  cells: readonly Cell[],
  rowStyle: Style | null = null,
  styles: readonly (Style | null)[] = [],
) {
  const r = ws.getRow(row);
  // Before any cell: set on a row with cells, exceljs would change each cell's (shared) style.
  if (rowStyle?.font) r.font = rowStyle.font;
  cells.forEach((value, i) => {
    if (value === null) return;
    const cell = r.getCell(i + 1);
    if (typeof value === "object") {
      const formula = value.formula.replace(/^=/, "");
      cell.value =
        value.result === undefined || value.result === null ? { formula } : { formula, result: value.result };
    } else cell.value = value;
    cell.style = styles[i] ?? rowStyle ?? PLAIN;
  });
}

export function mergedWorkbook(view: MergedView): Promise<Buffer> {
  return xlsxBuffer(buildMergedWorkbook(view));
}

/** The merged workbook in exceljs, before it is packed. */
export function buildMergedWorkbook(view: MergedView): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Samsyn";
  comparisonSheet(wb, networkSheet(view));
  if (view.kind === "budget") {
    // Budget against utfall per cost group, where some association reported utfall for the year.
    const outcome = budgetOutcomeSheet(view);
    if (outcome) {
      writeOutputSheets(wb, [outcome]);
      const [p] = layoutSheet(outcome);
      if (p) wb.getWorksheet(outcome.name)!.views = [{ state: "frozen", ySplit: p.headerRow, xSplit: 1 }];
    }
    budgetSheets(wb, view);
  } else participantsSheets(wb, view);
  return wb;
}

/**
 * The network sheet's plan through the same exceljs writer the CLI's conversions use, which
 * saves each formula with the value the core computed (previews and importers show blanks
 * otherwise) and sets the sheet to print one page wide.
 */
function comparisonSheet(wb: ExcelJS.Workbook, plan: NetworkSheet): void {
  const sheet = { ...plan.sheet, name: COMPARISON };
  writeOutputSheets(wb, [sheet]);
  const ws = wb.getWorksheet(COMPARISON)!;
  const [p] = layoutSheet(sheet);
  if (p) ws.views = [{ state: "frozen", ySplit: p.headerRow, xSplit: 1 }];
}

function budgetSheets(wb: ExcelJS.Workbook, view: MergedBudget) {
  const taken = new Set<string>(wb.worksheets.map((w) => w.name));
  for (const a of view.associations) {
    if (a.revision === null) continue;
    const name = uniqueSheetName(sheetWish(a.name), taken);
    taken.add(name);
    budgetSheet(wb.addWorksheet(name), a, view.period);
  }
}

type BudgetAssociation = MergedBudget["associations"][number];

const LINE_TITLES = [
  "Rubrik",
  "Rad",
  "Cell",
  "Avsnitt",
  "Grupp enligt arbetsboken",
  "Grupp som används",
  "Ändrad",
];
const LINE_WIDTHS = [28, 44, 8, 12, 26, 26, 8, 16];
/** Only the last column, the amount, has a number format. */
const AMOUNT_LAST = [null, null, null, null, null, null, null, AMOUNT];
const AMOUNT_LAST_BOLD = [null, null, null, null, null, null, null, AMOUNT_BOLD];

/** One association's sheet: its report's lines with the group each is compared under, and its sums. */
function budgetSheet(s: ExcelJS.Worksheet, a: BudgetAssociation, period: string): void {
  writeRow(s, 1, [a.name], TITLE);
  setPrinting(s, { orientation: "landscape", titleRow: 4, header: a.name });
  writeRow(s, 2, [
    `Version ${a.revision}, rapport ${periodLabel(a.reportPeriod ?? "")}, kolumn ${a.periodKey ?? ""}`,
  ]);
  const outcome = a.outcome !== undefined;
  writeRow(
    s,
    4,
    [...LINE_TITLES, `Belopp ${period}`, ...(outcome ? [`Utfall ${period}`, "Avvikelse"] : [])],
    BOLD,
  );
  a.mapping.forEach((m, i) => {
    const r = 5 + i;
    writeRow(
      s,
      r,
      [
        m.heading,
        m.label,
        m.cell,
        m.section === "income" ? "Intäkter" : "Kostnader",
        cap(m.detectedGroup),
        cap(m.group),
        m.overridden ? "ja" : "",
        m.amount,
        ...(outcome ? outcomeCells(m.amount, m.outcome ?? null, r) : []),
      ],
      null,
      outcome ? AMOUNT_LAST_THREE : AMOUNT_LAST,
    );
  });
  budgetSums(s, a, 5, Math.max(5, 4 + a.mapping.length));
  LINE_WIDTHS.forEach((w, i) => {
    s.getColumn(i + 1).width = w;
  });
  if (outcome) {
    s.getColumn(9).width = 16;
    s.getColumn(10).width = 16;
  }
}

const AMOUNT_LAST_THREE = [null, null, null, null, null, null, null, AMOUNT, AMOUNT, AMOUNT];
const AMOUNT_LAST_THREE_BOLD = [
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  AMOUNT_BOLD,
  AMOUNT_BOLD,
  AMOUNT_BOLD,
];

/** A line's utfall ("–" where the line has none) and its avvikelse, live: utfall − budget. */
function outcomeCells(amount: number | null, outcome: number | null, r: number): Cell[] {
  return [
    outcome ?? NOT_REPORTED,
    {
      formula: `IF(AND(ISNUMBER(I${r}),ISNUMBER(H${r})),I${r}-H${r},"${NOT_REPORTED}")`,
      result: outcome !== null && amount !== null ? Math.round((outcome - amount) * 100) / 100 : NOT_REPORTED,
    },
  ];
}

/** Income, costs and surplus under the lines, as live formulas over them with the merge's values. */
function budgetSums(s: ExcelJS.Worksheet, a: BudgetAssociation, first: number, last: number): void {
  const t = last + 2;
  const sumIf = (section: string, result: number | null) => ({
    formula: `SUMIF(D${first}:D${last},"${section}",H${first}:H${last})`,
    result: result ?? 0,
  });
  const blanks = [null, null, null, null, null, null] as const;
  const o = a.outcome;
  // Utfall's sums beside the budget's, and their avvikelse: live over the lines as well.
  const outcomeSums = (section: string, result: number, budget: number | null): Cell[] =>
    o
      ? [
          {
            formula: `SUMIF(D${first}:D${last},"${section}",I${first}:I${last})`,
            result,
          },
          {
            formula: `I${t + (section === "Intäkter" ? 0 : 1)}-H${t + (section === "Intäkter" ? 0 : 1)}`,
            result: Math.round((result - (budget ?? 0)) * 100) / 100,
          },
        ]
      : [];
  const styles = o ? AMOUNT_LAST_THREE_BOLD : AMOUNT_LAST_BOLD;
  writeRow(
    s,
    t,
    [
      "Summa intäkter",
      ...blanks,
      sumIf("Intäkter", a.income),
      ...outcomeSums("Intäkter", o?.income ?? 0, a.income),
    ],
    BOLD,
    styles,
  );
  writeRow(
    s,
    t + 1,
    [
      "Summa kostnader",
      ...blanks,
      sumIf("Kostnader", a.cost),
      ...outcomeSums("Kostnader", o?.cost ?? 0, a.cost),
    ],
    BOLD,
    styles,
  );
  writeRow(
    s,
    t + 2,
    [
      "Över-/underskott",
      ...blanks,
      { formula: `H${t}-H${t + 1}`, result: a.surplus ?? 0 },
      ...(o
        ? [
            { formula: `I${t}-I${t + 1}`, result: o.surplus },
            {
              formula: `I${t + 2}-H${t + 2}`,
              result: Math.round((o.surplus - (a.surplus ?? 0)) * 100) / 100,
            },
          ]
        : []),
    ],
    BOLD,
    styles,
  );
}

const countCell = (v: number | null): Cell => (v === null ? SUPPRESSED : v);

function participantsSheets(wb: ExcelJS.Workbook, view: MergedParticipants) {
  const taken = new Set<string>([COMPARISON]);
  for (const a of view.associations) {
    const kf = a.keyFigures;
    if (a.revision === null || !kf) continue;
    const name = uniqueSheetName(sheetWish(a.name), taken);
    taken.add(name);
    const s = wb.addWorksheet(name);
    writeRow(s, 1, [a.name], TITLE);
    writeRow(s, 2, [`Version ${a.revision}, period ${periodLabel(a.reportPeriod ?? "")}`]);
    writeRow(s, 4, ["Nyckeltal", "Värde"], BOLD);
    // The catalogue's figures: the counts, then shares and means, then the breakdowns key by key.
    const scalar = (c: FigureColumn): [string, Cell, Style?] => {
      const v = valueAt<number | null>(kf, c);
      if (c.kind === "count") return [c.label.sv, countCell(v)];
      // A share among counts: its own per-cent format, so 0.875 reads "87,5 %".
      return c.kind === "share" ? [c.label.sv, v, PERCENT] : [c.label.sv, v];
    };
    const rows: [string, Cell, Style?][] = [
      ...SCALARS.filter((c) => c.kind === "count").map(scalar),
      ...SCALARS.filter((c) => c.kind !== "count").map(scalar),
      // These cells start with our own words, so a key such as "-17" cannot run: no apostrophe.
      // A breakdown withheld whole shows as one hidden line: which municipalities is not told either.
      ...KEYED.flatMap(({ field, figure }): [string, Cell][] => {
        const b = figure.breakdown;
        if (b?.keys === "open" && a.suppressed.includes(b.whole)) return [[figure.label.sv, SUPPRESSED]];
        return Object.entries(kf[field]).map(([k, v]): [string, Cell] => [
          keyLabel(figure, k, "sv"),
          countCell(v),
        ]);
      }),
    ];
    rows.forEach(([label, value, style], i) => {
      writeRow(s, 5 + i, [label, value], null, [null, style ?? null]);
    });
    s.getColumn(1).width = 40;
    s.getColumn(2).width = 14;
    setPrinting(s, { orientation: "portrait", titleRow: 4, header: a.name });
  }
}
