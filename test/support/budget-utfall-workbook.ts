/**
 * A Sydost-shaped budget workbook with utfall to 30 June and for the whole year, written with
 * exceljs: a one-row header ("Budget 2023", "Utfall jan–jun 2023", "Utfall 2023", "Budget 2024"),
 * the figures of test/support/budget-utfall.ts. Read as budget and utfall once the reader reads
 * utfall columns.
 */
import ExcelJS from "exceljs";
import { sydostBudget } from "./budget-utfall";

export async function writeSydostHalfYear(file: string): Promise<void> {
  const budget = sydostBudget({ halfYear: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget och utfall");
  ws.addRow([budget.title]);
  ws.addRow(["Belopp i kronor"]);
  ws.addRow([]);
  ws.addRow(["Post", "Budget 2023", "Utfall jan–jun 2023", "Utfall 2023", "Budget 2024"]);
  const row = (label: string, l?: (typeof budget.lines)[number]) =>
    ws.addRow(
      l
        ? [label, l.amounts["2023"], l.outcomes?.["2023-H1"], l.outcomes?.["2023"], l.amounts["2024"]]
        : [label],
    );
  const section = (heading: string, lines: typeof budget.lines) => {
    row(heading);
    for (const l of lines) row(l.label, l);
  };
  section(
    "Intäkter",
    budget.lines.filter((l) => l.section === "income"),
  );
  const sum = (key: "2023" | "2024", of: "amounts" | "outcomes", part: string, section: "income" | "cost") =>
    budget.lines
      .filter((l) => l.section === section)
      .reduce((s, l) => s + (l[of]?.[part === "" ? key : part] ?? 0), 0);
  const sums = (label: string, section: "income" | "cost") =>
    ws.addRow([
      label,
      sum("2023", "amounts", "", section),
      sum("2023", "outcomes", "2023-H1", section),
      sum("2023", "outcomes", "", section),
      sum("2024", "amounts", "", section),
    ]);
  sums("Summa intäkter", "income");
  ws.addRow([]);
  row("Kostnader");
  section(
    "Förbundets administration",
    budget.lines.filter((l) => l.heading === "Förbundets administration"),
  );
  section(
    "Insatser",
    budget.lines.filter((l) => l.heading === "Insatser"),
  );
  sums("Summa kostnader", "cost");
  const t = (section: "income" | "cost", key: "2023" | "2024", of: "amounts" | "outcomes", part = "") =>
    sum(key, of, part, section);
  ws.addRow([
    "Årets resultat",
    t("income", "2023", "amounts") - t("cost", "2023", "amounts"),
    t("income", "2023", "outcomes", "2023-H1") - t("cost", "2023", "outcomes", "2023-H1"),
    t("income", "2023", "outcomes") - t("cost", "2023", "outcomes"),
    t("income", "2024", "amounts") - t("cost", "2024", "amounts"),
  ]);
  for (const c of [2, 3, 4, 5]) ws.getColumn(c).numFmt = "# ##0";
  ws.getColumn(1).width = 40;
  await wb.xlsx.writeFile(file);
}
