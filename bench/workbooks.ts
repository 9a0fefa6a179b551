/** Large synthetic workbooks in the users' shape, for the benchmarks. */
import ExcelJS from "exceljs";

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

const KOMMUNER = ["Lindesberg", "Hällefors", "Ljusnarsberg", "Nora"];
const ORSAKER = [
  "Arbete",
  "Studier",
  "Arbetssökande på Arbetsförmedlingen",
  "Åter till remittent med medicinsk/social planering",
];
const AKTORER = ["Försäkringskassan", "Arbetsförmedlingen", "Socialtjänsten", "Allmänpsykiatrin"];

/** Luhn check digit of the nine digits YYMMDDNNN. */
function checkDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A participant list of `rows` distinct people, one stay each, with valid personnummer. */
export function largeParticipantWorkbook(rows: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Deltagare");
  ws.addRow(["Deltagarförteckning"]);
  ws.addRow([]);
  ws.addRow([
    "Nr",
    "Personnummer",
    "Kön",
    "Hemkommun",
    "Remittent",
    "Kontakt med",
    "Inskriven",
    "Avslutad",
    "Avslutsorsak",
  ]);
  for (let i = 0; i < rows; i++) {
    const year = 1970 + (i % 30);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const serial = String(100 + (Math.floor(i / 360) % 900)).padStart(3, "0");
    const yymmdd = `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    const pnr = `${year}${yymmdd.slice(2)}-${serial}${checkDigit(yymmdd + serial)}`;
    const kon = Number(serial[2]) % 2 === 1 ? "Man" : "Kvinna";
    const start = new Date(Date.UTC(2024, i % 12, 1 + (i % 27)));
    const closed = i % 3 !== 0;
    const end = closed ? new Date(start.getTime() + (60 + (i % 200)) * 86_400_000) : null;
    const row = ws.addRow([
      i + 1,
      pnr,
      kon,
      KOMMUNER[i % 4],
      AKTORER[i % 4],
      `${AKTORER[i % 4]}, ${AKTORER[(i + 1) % 4]}`,
      start,
      end,
      closed ? ORSAKER[i % 4] : null,
    ]);
    row.getCell(7).numFmt = "yyyy-mm-dd";
    row.getCell(8).numFmt = "yyyy-mm-dd";
  }
  return workbook;
}
