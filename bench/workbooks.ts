/** Large synthetic workbooks in the users' shape, for the benchmarks. */
import ExcelJS from "exceljs";
import { dateFromExcelSerial } from "../shared/calendar";
import { isDateFormat } from "../shared/grid";
import { participantList } from "../test/addin/generate";

/** A budget sheet: title block, header "2020 (tkr)" …, income lines, cost sections, "Total summa", result row. */
export function largeBudgetWorkbook(lines: number, periods: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Budget");
  const years = Array.from({ length: periods }, (_, i) => 2020 + i);
  ws.addRow(["Samordningsförbundet Benchmark"]);
  ws.addRow(["Verksamhetsplan med budget"]);
  ws.addRow([]);
  ws.addRow(["", ...years.map((y) => `${y} (tkr)`)]);
  const incomeLines = 2;
  const income = years.map(() => 0);
  const cost = years.map(() => 0);
  ws.addRow(["Finansiell ram", ...years.map((_, p) => 0 * p)]);
  ws.addRow(["Överskott fördelat", ...years.map(() => 0)]);
  const costRows: number[][] = [];
  for (let i = 0; i < lines - incomeLines; i++) {
    const amounts = years.map((_, p) => ((i * 7 + p * 13) % 97) + 1);
    amounts.forEach((a, p) => {
      cost[p]! += a;
    });
    costRows.push(amounts);
  }
  // Income covers the costs with a small surplus, so the result row is non-trivial.
  years.forEach((_, p) => {
    income[p] = cost[p]! + 100 + p;
  });
  const ram = ws.getRow(5);
  const eget = ws.getRow(6);
  years.forEach((_, p) => {
    ram.getCell(p + 2).value = income[p]! - 50;
    eget.getCell(p + 2).value = 50;
  });
  ws.addRow(["Insatser"]);
  costRows.forEach((amounts, i) => {
    ws.addRow([`- projekt ${i + 1}`, ...amounts]);
  });
  ws.addRow(["Total summa", ...cost]);
  ws.addRow(["Över-/underskott +/-", ...years.map((_, p) => `+ ${income[p]! - cost[p]!}`)]);
  return workbook;
}

/** The add-in tests' generated participant list (valid, unique personnummer) as an .xlsx workbook. */
export function largeParticipantWorkbook(rows: number): ExcelJS.Workbook {
  const grid = participantList(rows, "Deltagare");
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(grid.sheet);
  grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      const format = grid.numberFormats?.[r]?.[c] ?? null;
      // Dates go in as dates, the way Excel stores a typed date.
      cell.value =
        format && isDateFormat(format) && typeof value === "number" ? dateFromExcelSerial(value) : value;
      if (format) cell.numFmt = format;
    });
  });
  return workbook;
}
