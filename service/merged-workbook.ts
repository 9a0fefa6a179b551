/**
 * The merged workbook (exceljs): a comparison sheet with one row per association and live
 * formulas for the network totals, and a sheet per association. Every string that came from
 * an association goes through neutraliseText, so none of it can run as a formula.
 */
import ExcelJS from "exceljs";
import { columnLetters } from "../shared/grid";
import { COST_GROUPS, type MergedBudget, type MergedParticipants, type MergedView } from "../shared/merge";
import { neutraliseText, uniqueSheetName } from "../shared/output";

const AMOUNT = "#,##0";
const SHARE = "0.0%";
/** What Swedish statistics prints for a count withheld as too small. */
export const SUPPRESSED = "..";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Sheet names have 31 characters: leave out the "Samordningsförbundet" every name starts with. */
function sheetWish(name: string): string {
  const tidy = (t: string) => t.replace(/^[\s']+|[\s']+$/g, "");
  // Excel refuses a sheet name that starts or ends with an apostrophe, also after cutting to 31.
  const wish = tidy(tidy(name.replace(/[:\\/?*[\]]/g, " ")).replace(/^samordningsförbundet\s+/i, ""));
  return tidy(wish.slice(0, 31)) || "Förbund";
}

type Cell = string | number | null | { formula: string; result?: number | string | null };

function writeRow(
  ws: ExcelJS.Worksheet,
  row: number,
  cells: readonly Cell[],
  formats: readonly (string | null)[] = [],
) {
  cells.forEach((value, i) => {
    if (value === null) return;
    const cell = ws.getCell(row, i + 1);
    if (typeof value === "object") {
      const formula = value.formula.replace(/^=/, "");
      cell.value =
        value.result === undefined || value.result === null ? { formula } : { formula, result: value.result };
    } else cell.value = value;
    const fmt = formats[i];
    if (fmt) cell.numFmt = fmt;
  });
}

function header(ws: ExcelJS.Worksheet, row: number, titles: readonly string[]) {
  writeRow(ws, row, titles);
  ws.getRow(row).font = { bold: true };
}

export async function mergedWorkbook(view: MergedView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Samsyn";
  if (view.kind === "budget") budgetSheets(wb, view);
  else participantsSheets(wb, view);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function budgetSheets(wb: ExcelJS.Workbook, view: MergedBudget) {
  const taken = new Set<string>(["Jämförelse"]);
  const ws = wb.addWorksheet("Jämförelse");
  writeRow(ws, 1, [`Samsyn – sammanställning av budget ${view.period}`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  writeRow(ws, 2, ["Belopp i kronor. Nätverkets summor är formler över förbundens rader."]);
  const groups = [...COST_GROUPS];
  const titles = [
    "Förbund",
    "Revision",
    "Rapportperiod",
    "Intäkter",
    "Kostnader",
    ...groups.map((g) => `Kostnader: ${g}`),
    "Över-/underskott",
    "Andel av intäkter",
  ];
  header(ws, 4, titles);
  const col = (title: string) => columnLetters(titles.indexOf(title));
  const [inc, cost, surplus] = [col("Intäkter"), col("Kostnader"), col("Över-/underskott")];
  const first = 5;
  const formats = [null, null, null, AMOUNT, AMOUNT, ...groups.map(() => AMOUNT), AMOUNT, SHARE];
  view.associations.forEach((a, i) => {
    const r = first + i;
    const reported = a.revision !== null;
    writeRow(
      ws,
      r,
      [
        neutraliseText(a.name),
        reported ? a.revision : "ingen rapport",
        reported ? neutraliseText(a.reportPeriod ?? "") : null,
        a.income,
        a.cost,
        ...groups.map((g) => (reported ? (a.costByGroup[g] ?? 0) : null)),
        reported ? { formula: `${inc}${r}-${cost}${r}`, result: a.surplus } : null,
        reported
          ? { formula: `IF(${inc}${r}=0,"",${surplus}${r}/${inc}${r})`, result: a.surplusShare ?? "" }
          : null,
      ],
      formats,
    );
  });
  const last = first + view.associations.length - 1;
  const total = last + 1;
  const sum = (c: string, result: number) =>
    view.associations.length > 0 ? { formula: `SUM(${c}${first}:${c}${last})`, result } : 0;
  writeRow(
    ws,
    total,
    [
      `Nätverket totalt (${view.network.reporting} av ${view.associations.length} förbund)`,
      null,
      null,
      sum(inc, view.network.income),
      sum(cost, view.network.cost),
      ...groups.map((g, i) => sum(columnLetters(5 + i), view.network.costByGroup[g] ?? 0)),
      { formula: `${inc}${total}-${cost}${total}`, result: view.network.surplus },
      {
        formula: `IF(${inc}${total}=0,"",${surplus}${total}/${inc}${total})`,
        result: view.network.surplusShare ?? "",
      },
    ],
    formats,
  );
  ws.getRow(total).font = { bold: true };
  ws.getColumn(1).width = 36;
  for (let c = 2; c <= titles.length; c++) ws.getColumn(c).width = 16;
  ws.views = [{ state: "frozen", ySplit: 4, xSplit: 1 }];

  for (const a of view.associations) {
    if (a.revision === null) continue;
    const name = uniqueSheetName(sheetWish(a.name), taken);
    taken.add(name);
    const s = wb.addWorksheet(name);
    writeRow(s, 1, [neutraliseText(a.name)]);
    s.getRow(1).font = { bold: true, size: 14 };
    writeRow(s, 2, [
      `Revision ${a.revision}, rapport ${neutraliseText(a.reportPeriod ?? "")}, kolumn ${neutraliseText(a.periodKey ?? "")}`,
    ]);
    const lineTitles = [
      "Rubrik",
      "Rad",
      "Cell",
      "Avsnitt",
      "Grupp enligt arbetsboken",
      "Grupp som används",
      "Ändrad",
      `Belopp ${view.period}`,
    ];
    header(s, 4, lineTitles);
    a.mapping.forEach((m, i) => {
      writeRow(
        s,
        5 + i,
        [
          m.heading === null ? null : neutraliseText(m.heading),
          neutraliseText(m.label),
          neutraliseText(m.cell),
          m.section === "income" ? "Intäkter" : "Kostnader",
          cap(m.detectedGroup),
          cap(m.group),
          m.overridden ? "ja" : "",
          m.amount,
        ],
        [null, null, null, null, null, null, null, AMOUNT],
      );
    });
    const lf = 5;
    const ll = Math.max(lf, 4 + a.mapping.length);
    const t = ll + 2;
    const sumIf = (what: string, result: number | null) => ({
      formula: `SUMIF(D${lf}:D${ll},"${what}",H${lf}:H${ll})`,
      result: result ?? 0,
    });
    writeRow(
      s,
      t,
      ["Summa intäkter", null, null, null, null, null, null, sumIf("Intäkter", a.income)],
      [null, null, null, null, null, null, null, AMOUNT],
    );
    writeRow(
      s,
      t + 1,
      ["Summa kostnader", null, null, null, null, null, null, sumIf("Kostnader", a.cost)],
      [null, null, null, null, null, null, null, AMOUNT],
    );
    writeRow(
      s,
      t + 2,
      [
        "Över-/underskott",
        null,
        null,
        null,
        null,
        null,
        null,
        { formula: `H${t}-H${t + 1}`, result: a.surplus ?? 0 },
      ],
      [null, null, null, null, null, null, null, AMOUNT],
    );
    for (const r of [t, t + 1, t + 2]) s.getRow(r).font = { bold: true };
    [28, 44, 8, 12, 26, 26, 8, 16].forEach((w, i) => {
      s.getColumn(i + 1).width = w;
    });
  }
}

const KEY_FIGURES = [
  ["Deltagare", "participants"],
  ["Nya", "new"],
  ["Avslutade", "closed"],
  ["Avslutade till arbete/studier", "closedToWorkOrStudies"],
  ["Kvinnor", "byKon.kvinna"],
  ["Män", "byKon.man"],
  ["Över tidsgränsen", "staysOverLimit"],
] as const;

type KeyFigurePath = (typeof KEY_FIGURES)[number][1];

function countAt(
  kf: NonNullable<MergedParticipants["associations"][number]["keyFigures"]>,
  path: KeyFigurePath,
) {
  switch (path) {
    case "byKon.kvinna":
      return kf.byKon.kvinna;
    case "byKon.man":
      return kf.byKon.man;
    default:
      return kf[path];
  }
}

const countCell = (v: number | null): Cell => (v === null ? SUPPRESSED : v);

function participantsSheets(wb: ExcelJS.Workbook, view: MergedParticipants) {
  const taken = new Set<string>(["Jämförelse"]);
  const ws = wb.addWorksheet("Jämförelse");
  writeRow(ws, 1, [`Samsyn – deltagare ${view.period}, nyckeltal per förbund`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  writeRow(ws, 2, [
    `"${SUPPRESSED}" = för litet antal för att visas. En nätverkssumma som innehåller ett sådant värde visas inte heller.`,
  ]);
  const titles = [
    "Förbund",
    "Revision",
    "Period",
    "Insats",
    ...KEY_FIGURES.map(([t]) => t),
    "Andel avslutade till arbete/studier",
    "Genomsnittlig vistelse (dagar)",
  ];
  header(ws, 4, titles);
  const first = 5;
  const kfCol = (path: KeyFigurePath) => columnLetters(4 + KEY_FIGURES.findIndex(([, p]) => p === path));
  const closedCol = kfCol("closed");
  const workCol = kfCol("closedToWorkOrStudies");
  const formats = [null, null, null, null, ...KEY_FIGURES.map(() => "0"), SHARE, "0.0"];
  view.associations.forEach((a, i) => {
    const r = first + i;
    const kf = a.keyFigures;
    writeRow(
      ws,
      r,
      [
        neutraliseText(a.name),
        a.revision ?? "ingen rapport",
        a.reportPeriod === null ? null : neutraliseText(a.reportPeriod),
        a.insats === null ? null : neutraliseText(a.insats),
        ...KEY_FIGURES.map(([, p]) => (kf ? countCell(countAt(kf, p)) : null)),
        kf
          ? {
              formula: `IFERROR(${workCol}${r}/${closedCol}${r},"")`,
              result: kf.shareClosedToWorkOrStudies ?? "",
            }
          : null,
        kf ? kf.averageStayDays : null,
      ],
      formats,
    );
  });
  const last = first + view.associations.length - 1;
  const total = last + 1;
  const nk = view.network.keyFigures;
  const networkCount = (path: KeyFigurePath, c: string): Cell => {
    const v = countAt(nk, path);
    if (view.associations.length === 0) return countCell(v);
    // Live, and never a partial sum: any withheld cell in the column withholds the total.
    const range = `${c}${first}:${c}${last}`;
    return {
      formula: `IF(COUNTIF(${range},"${SUPPRESSED}")>0,"${SUPPRESSED}",SUM(${range}))`,
      result: v ?? SUPPRESSED,
    };
  };
  writeRow(
    ws,
    total,
    [
      `Nätverket totalt (${view.network.reporting} av ${view.associations.length} förbund)`,
      null,
      null,
      null,
      ...KEY_FIGURES.map(([, p]) => networkCount(p, kfCol(p))),
      {
        formula: `IFERROR(${workCol}${total}/${closedCol}${total},"")`,
        result: nk.shareClosedToWorkOrStudies ?? "",
      },
      nk.averageStayDays,
    ],
    formats,
  );
  ws.getRow(total).font = { bold: true };
  ws.getColumn(1).width = 36;
  for (let c = 2; c <= titles.length; c++) ws.getColumn(c).width = 14;
  ws.views = [{ state: "frozen", ySplit: 4, xSplit: 1 }];

  for (const a of view.associations) {
    const kf = a.keyFigures;
    if (a.revision === null || !kf) continue;
    const name = uniqueSheetName(sheetWish(a.name), taken);
    taken.add(name);
    const s = wb.addWorksheet(name);
    writeRow(s, 1, [neutraliseText(a.name)]);
    s.getRow(1).font = { bold: true, size: 14 };
    writeRow(s, 2, [`Revision ${a.revision}, period ${neutraliseText(a.reportPeriod ?? "")}`]);
    header(s, 4, ["Nyckeltal", "Värde"]);
    const rows: [string, Cell][] = [
      ...KEY_FIGURES.map(([t, p]): [string, Cell] => [t, countCell(countAt(kf, p))]),
      ["Andel avslutade till arbete/studier", kf.shareClosedToWorkOrStudies],
      ["Genomsnittlig vistelse (dagar)", kf.averageStayDays],
      // These cells start with our own words, so a key such as "-17" cannot run: no apostrophe.
      ...Object.entries(kf.byHemkommun).map(([k, v]): [string, Cell] => [`Hemkommun: ${k}`, countCell(v)]),
      ...Object.entries(kf.byAgeBand).map(([k, v]): [string, Cell] => [`Ålder: ${k}`, countCell(v)]),
    ];
    rows.forEach(([label, value], i) => {
      writeRow(s, 5 + i, [label, value]);
    });
    s.getColumn(1).width = 40;
    s.getColumn(2).width = 14;
  }
}
