/**
 * "Hämta sammanställning": the network's merged view as a sheet plan (shared/network.ts) and
 * written into Excel (addin/excel/network.ts) through the fake — a real table, live totals,
 * two native charts, refreshed in place in a constant number of syncs — and recalculated in
 * LibreOffice, whose totals must be the merge's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { NETWORK_KEY, writeNetworkSheet } from "../../addin/excel/network";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { saveBook } from "../../playground/fake-excel/xlsx";
import { gridFromRows, parseA1, parseRangeA1 } from "../../shared/grid";
import type { MergedParticipants, MergedView } from "../../shared/merge";
import {
  chartPlacements,
  type NetworkSheet,
  NO_REPORT,
  networkSheet,
  SUPPRESSED,
} from "../../shared/network";
import { columnRef, hasResult, isFormula, layoutSheet, type OutputCell } from "../../shared/output";
import { COST_GROUPS } from "../../shared/report";
import { recalculate, shownValue } from "../support/libreoffice";
import { budgetView, participantsView } from "./network-views";

const dir = mkdtempSync(join(tmpdir(), "samsyn-network-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tableOf = (plan: NetworkSheet) => plan.sheet.tables[0]!;
const headers = (plan: NetworkSheet) => tableOf(plan).columns.map((c) => c.header);
const column = (plan: NetworkSheet, header: string) => headers(plan).indexOf(header);
const placementOf = (plan: NetworkSheet) => layoutSheet(plan.sheet)[0]!;
const resultOf = (cell: OutputCell | undefined) =>
  cell !== undefined && hasResult(cell) ? cell.result : undefined;

/** A workbook as a user has it before the first fetch: one sheet of their own. */
const userBook = () =>
  FakeBook.fromGrids([gridFromRows("Budget", [["Verksamhetsplan 2009"], ["Kansli", 100]])]);

function cell(book: FakeBook, sheet: string, a1: string) {
  const at = parseA1(a1)!;
  return book.sheet(sheet)!.cell(at.row, at.col);
}

/** What a cell holds as a user sees it typed: the formula, else the value. */
const shown = (book: FakeBook, sheet: string, a1: string) => {
  const c = cell(book, sheet, a1);
  return c?.formula ?? c?.value ?? null;
};

describe("the network sheet plan", () => {
  it("budget: one table, Förbund then the cost groups side by side, then the totals, surplus and share", async () => {
    const view = await budgetView(12);
    const plan = networkSheet(view);
    expect(plan.sheet.name).toBe("Samsyn nätverk 2009");
    expect(plan.sheet.tables.map((t) => t.name)).toEqual(["Samsyn_natverk_2009"]);
    expect(headers(plan)).toEqual([
      "Förbund",
      "Insatser",
      "Kansli och administration",
      "Styrelse",
      "Revision",
      "Ekonomiadministration",
      "Utvärdering",
      "Övrigt",
      "Kostnader",
      "Intäkter",
      "Över-/underskott",
      "Andel av intäkter",
      "Rapport",
    ]);
    expect(
      headers(plan)
        .slice(1, 1 + COST_GROUPS.length)
        .map((h) => h.toLowerCase()),
    ).toEqual([...COST_GROUPS]);
    expect(tableOf(plan).rows).toHaveLength(12);
    // The heading says what it is and that the totals are live.
    expect(plan.sheet.heading[0]).toContain("budget 2009");
    expect(plan.sheet.heading.join(" ")).toContain("formler");
  });

  it("budget: surplus and share are formulas over the row's own cells; an association without a report is marked, not blank", async () => {
    const view = await budgetView(12);
    const plan = networkSheet(view);
    const p = placementOf(plan);
    const rows = tableOf(plan).rows;
    const surplus = column(plan, "Över-/underskott");
    // Row 1 of the table is sheet row p.firstBodyRow; J is Intäkter, I Kostnader.
    expect(rows[0]![surplus]).toMatchObject({
      formula: `=IF(ISNUMBER(J${p.firstBodyRow}),J${p.firstBodyRow}-I${p.firstBodyRow},"")`,
    });
    expect(rows[0]![column(plan, "Andel av intäkter")]).toMatchObject({
      formula: `=IF(N(J${p.firstBodyRow})=0,"",K${p.firstBodyRow}/J${p.firstBodyRow})`,
    });
    expect(rows.map((r) => resultOf(r[surplus]))).toEqual(view.associations.map((a) => a.surplus ?? ""));
    const missing = view.associations.findIndex((a) => a.revision === null);
    expect(missing).toBe(9);
    expect(rows[missing]![column(plan, "Rapport")]).toBe(NO_REPORT);
    expect(rows[0]![column(plan, "Rapport")]).toBe("version 1, budget 2008 (kolumn 2009)");
  });

  it("keeps an association's name as sent: each writer neutralises it its own way", async () => {
    const view = await budgetView(12);
    const rows = tableOf(networkSheet(view)).rows;
    // Association 5 (index 4) has a name that would run as a formula.
    expect(view.associations[4]!.name).toBe('=HYPERLINK("http://evil.example","x")');
    expect(rows[4]![0]).toBe(view.associations[4]!.name);
    expect(rows[0]![0]).toBe("Samordningsförbundet 1");
  });

  it("the network totals are SUMs over the table's columns, and the values saved beside them are the merge's", async () => {
    const view = await budgetView(12);
    const plan = networkSheet(view);
    const [total] = tableOf(plan).summaryRows;
    const at = (header: string) => total![column(plan, header)];
    expect(at("Insatser")).toEqual({
      formula: "=SUM(Samsyn_natverk_2009[Insatser])",
      result: view.network.costByGroup.insatser,
    });
    expect(at("Över-/underskott")).toEqual({
      formula: "=SUM(Samsyn_natverk_2009[[Över-/underskott]])",
      result: view.network.surplus,
    });
    expect([at("Kostnader"), at("Intäkter")].map((c) => resultOf(c))).toEqual([
      view.network.cost,
      view.network.income,
    ]);
    expect(resultOf(at("Andel av intäkter")) as number).toBeCloseTo(view.network.surplusShare!, 12);
  });

  it("escapes structured-reference column names as Excel wants them typed", () => {
    expect(columnRef("T", "Intäkter")).toBe("T[Intäkter]");
    expect(columnRef("T", "Över tidsgränsen")).toBe("T[Över tidsgränsen]");
    expect(columnRef("T", "Över-/underskott")).toBe("T[[Över-/underskott]]");
    expect(columnRef("T", "Till arbete/studier")).toBe("T[[Till arbete/studier]]");
    expect(columnRef("T", "Nöjdhet [1-10]")).toBe("T[[Nöjdhet '[1-10']]]");
    expect(columnRef("T", "#Antal")).toBe("T[['#Antal]]");
  });

  it("participants: a suppressed count is '..', never blank, and each total says whether it is exact or a lower bound", async () => {
    const view = await participantsView(12);
    const plan = networkSheet(view);
    expect(plan.sheet.name).toBe("Samsyn nätverk deltagare 2014");
    const rows = tableOf(plan).rows;
    const counts = [
      "Deltagare",
      "Nya",
      "Avslutade",
      "Till arbete eller studier",
      "Kvinnor",
      "Män",
      "Över tidsgränsen",
    ];
    for (const [i, a] of view.associations.entries()) {
      const row = rows[i]!;
      if (!a.keyFigures) {
        expect(row[column(plan, "Rapport")]).toBe(NO_REPORT);
        continue;
      }
      for (const h of counts) expect([h, row[column(plan, h)]]).not.toEqual([h, null]);
    }
    // The fixture (association 1) suppresses closed-to-work, and with it the share.
    expect(view.associations[0]!.keyFigures!.closedToWorkOrStudies).toBeNull();
    expect(rows[0]![column(plan, "Till arbete eller studier")]).toBe(SUPPRESSED);
    expect(rows[0]![column(plan, "Andel avslutade till arbete eller studier")]).toBe(SUPPRESSED);

    const [sum, bound, hidden] = tableOf(plan).summaryRows;
    const work = column(plan, "Till arbete eller studier");
    const ref = "Samsyn_natverk_deltagare_2014[Till arbete eller studier]";
    const hiddenWork = view.associations.filter(
      (a) => a.keyFigures && a.keyFigures.closedToWorkOrStudies === null,
    );
    expect(hiddenWork.length).toBeGreaterThan(0);
    expect(sum![work]).toEqual({
      formula: `=SUM(${ref})`,
      result: view.associations.reduce((s, a) => s + (a.keyFigures?.closedToWorkOrStudies ?? 0), 0),
    });
    expect(bound![work]).toEqual({ formula: `=IF(COUNTIF(${ref},"..")>0,"minst","exakt")`, result: "minst" });
    expect(hidden![work]).toEqual({ formula: `=COUNTIF(${ref},"..")`, result: hiddenWork.length });
    // The sheet's figures are the merge's: the known sum, a lower bound, how many hide it.
    expect(view.network.keyFigures.closedToWorkOrStudies).toEqual({
      value: resultOf(sum![work]),
      lowerBound: true,
      suppressedIn: hiddenWork.length,
    });
  });

  it("places each chart over adjacent value columns, named by the header row, the associations as categories", async () => {
    const plan = networkSheet(await budgetView(12));
    const p = placementOf(plan);
    expect(chartPlacements(plan).map((c) => [c.chart.name, c.chart.type, c.values, c.categories])).toEqual([
      [
        "Samsyn_kostnader",
        "ColumnStacked",
        `B${p.headerRow}:H${p.lastBodyRow}`,
        `A${p.firstBodyRow}:A${p.lastBodyRow}`,
      ],
      [
        "Samsyn_overskott",
        "ColumnClustered",
        `K${p.headerRow}:K${p.lastBodyRow}`,
        `A${p.firstBodyRow}:A${p.lastBodyRow}`,
      ],
    ]);
    const apart = { ...plan, charts: [{ ...plan.charts[0]!, values: ["Insatser", "Kostnader"] }] };
    expect(() => chartPlacements(apart)).toThrow(/not adjacent/);
  });
});

describe("the network sheet through the fake Excel", () => {
  async function fetchTwice(
    first: number,
    second: number,
    view: (count: number) => Promise<MergedView> = budgetView,
  ) {
    const book = userBook();
    const host = fakeHost(book);
    const written = await writeNetworkSheet(host, networkSheet(await view(first)));
    const firstSyncs = book.syncs;
    book.syncs = 0;
    const refreshed = await writeNetworkSheet(host, networkSheet(await view(second)));
    return { book, written, refreshed, syncs: [firstSyncs, book.syncs] };
  }

  it("takes 3 syncs to fetch and 3 to fetch again, for 2 associations as for 80", async () => {
    const small = await fetchTwice(2, 2);
    const large = await fetchTwice(80, 80);
    // What exists; the writes; each chart's series built explicitly.
    expect(small.syncs).toEqual([3, 3]);
    expect(large.syncs).toEqual([3, 3]);
    expect([small.written.associations, large.written.associations]).toEqual([2, 80]);
    expect([small.written.refreshed, small.refreshed.refreshed]).toEqual([false, true]);
    const participants = [
      await fetchTwice(2, 80, participantsView),
      await fetchTwice(80, 2, participantsView),
    ];
    expect(participants.map((p) => p.syncs)).toEqual([
      [3, 3],
      [3, 3],
    ]);
  });

  it("creates the charts once; fetching again re-points the same charts at the new rows, with no second sheet, table or chart", async () => {
    const book = userBook();
    const host = fakeHost(book);
    const before = networkSheet(await budgetView(2));
    await writeNetworkSheet(host, before);
    const charts = [...book.charts];
    expect(charts.map((c) => [c.name, c.type, c.title, c.series.length])).toEqual([
      ["Samsyn_kostnader", "ColumnStacked", "Kostnader per grupp och förbund 2009", 7],
      ["Samsyn_overskott", "ColumnClustered", "Över-/underskott per förbund 2009", 1],
    ]);
    const p2 = placementOf(before);
    const insatser = charts[0]!.series[0]!;
    expect([insatser.name, insatser.values?.range, insatser.xValues?.range]).toEqual([
      "Insatser",
      parseRangeA1(`B${p2.firstBodyRow}:B${p2.lastBodyRow}`),
      parseRangeA1(`A${p2.firstBodyRow}:A${p2.lastBodyRow}`),
    ]);

    const after = networkSheet(await budgetView(80));
    await writeNetworkSheet(host, after);
    const p80 = placementOf(after);
    expect(book.sheets.map((s) => s.name)).toEqual(["Budget", "Samsyn nätverk 2009"]);
    expect(book.tables.map((t) => t.name)).toEqual(["Samsyn_natverk_2009"]);
    expect(book.tables[0]!.range).toEqual(parseRangeA1(`A${p80.headerRow}:M${p80.lastBodyRow}`));
    // The same chart objects, not new ones named alike.
    expect(book.charts).toHaveLength(2);
    expect(book.charts[0]).toBe(charts[0]);
    expect(book.charts[1]).toBe(charts[1]);
    const surplus = book.charts[1]!.series[0]!;
    expect([surplus.name, surplus.values?.range, surplus.xValues?.range]).toEqual([
      "Över-/underskott",
      parseRangeA1(`K${p80.firstBodyRow}:K${p80.lastBodyRow}`),
      parseRangeA1(`A${p80.firstBodyRow}:A${p80.lastBodyRow}`),
    ]);
    expect(book.charts[0]!.series.map((s) => s.values?.range.end.row)).toEqual(
      Array(7).fill(p80.lastBodyRow - 1),
    );
  });

  it("keeps the user's formatting, chart title, chart type and chart place on a refresh", async () => {
    const book = userBook();
    const host = fakeHost(book);
    const plan = networkSheet(await budgetView(5));
    await writeNetworkSheet(host, plan);
    const sheet = book.sheet("Samsyn nätverk 2009")!;
    const p = placementOf(plan);
    // The user colours a row, bolds a total, widens a column, and makes the chart their own.
    sheet.patch(p.firstBodyRow - 1, 0, { fill: "#FFFF00" });
    sheet.bold.add(`${p.firstSummaryRow - 1}:9`);
    sheet.columnWidths.set(0, 400);
    const chart = book.charts[0]!;
    chart.title = "Våra kostnader";
    chart.type = "BarStacked";
    chart.position = { from: "A40", to: "H60" };

    await writeNetworkSheet(host, networkSheet(await budgetView(5)));
    expect(sheet.cell(p.firstBodyRow - 1, 0)).toMatchObject({
      fill: "#FFFF00",
      value: "Samordningsförbundet 1",
    });
    expect(sheet.bold.has(`${p.firstSummaryRow - 1}:9`)).toBe(true);
    expect(sheet.columnWidths.get(0)).toBe(400);
    expect([chart.title, chart.type, chart.position]).toEqual([
      "Våra kostnader",
      "BarStacked",
      { from: "A40", to: "H60" },
    ]);
  });

  it("writes a suppressed count as '..', a hostile name as text, and the totals as formulas", async () => {
    const book = userBook();
    const view = await participantsView(12);
    const plan = networkSheet(view);
    await writeNetworkSheet(fakeHost(book), plan);
    const name = plan.sheet.name;
    const p = placementOf(plan);
    const row = p.firstBodyRow;
    // Association 1 is the fixture: closed-to-work suppressed (E), and so its share (F).
    expect([shown(book, name, `E${row}`), shown(book, name, `F${row}`)]).toEqual([SUPPRESSED, SUPPRESSED]);
    // Text, exactly as sent: the apostrophe office.js takes is not part of the value, so none shows.
    expect(cell(book, name, `A${row + 4}`)).toMatchObject({
      value: view.associations[4]!.name,
      formula: null,
    });
    expect(shown(book, name, `E${p.firstSummaryRow}`)).toBe(
      "=SUM(Samsyn_natverk_deltagare_2014[Till arbete eller studier])",
    );
    // Every count cell of a reporting association holds a number or "..", none is blank.
    const counts = ["B", "C", "D", "E", "G", "H", "I"];
    const blanks = view.associations.flatMap((a, i) =>
      a.keyFigures
        ? counts.filter((c) => cell(book, name, `${c}${row + i}`)?.value == null).map((c) => `${c}${row + i}`)
        : [],
    );
    expect(blanks).toEqual([]);
  });

  it("a table of the user's already named like ours: ours takes another name, and its formulas follow", async () => {
    const book = userBook();
    const host = fakeHost(book);
    const budget = book.sheet("Budget")!;
    book.tables.push({
      name: "Samsyn_natverk_2009",
      sheet: budget,
      range: parseRangeA1("A1:B2")!,
      style: "TableStyleLight1",
    });
    const plan = networkSheet(await budgetView(3));
    const written = await writeNetworkSheet(host, plan);
    expect(written.table).toBe("Samsyn_natverk_2009_2");
    const p = placementOf(plan);
    expect(shown(book, plan.sheet.name, `B${p.firstSummaryRow}`)).toBe(
      "=SUM(Samsyn_natverk_2009_2[Insatser])",
    );
    book.syncs = 0;
    const again = await writeNetworkSheet(host, plan);
    expect([again.table, book.syncs, book.tables.length]).toEqual(["Samsyn_natverk_2009_2", 3, 2]);
  });

  it("fetching fewer associations than last time shrinks the table and clears the rows below", async () => {
    const { book } = await fetchTwice(80, 3);
    const plan = networkSheet(await budgetView(3));
    const p = placementOf(plan);
    const sheet = book.sheet(plan.sheet.name)!;
    expect(book.tables[0]!.range).toEqual(parseRangeA1(`A${p.headerRow}:M${p.lastBodyRow}`));
    expect(sheet.usedRange(true)!.end.row + 1).toBe(p.firstSummaryRow);
    expect(JSON.parse(book.settings.get(NETWORK_KEY) as string)).toEqual({
      "samsyn nätverk 2009": {
        area: `A1:M${p.firstSummaryRow}`,
        table: "Samsyn_natverk_2009",
        headerRow: p.headerRow,
      },
    });
  });
});

describe("the network sheet recalculated in LibreOffice", () => {
  /** Every formula cell of the plan's table and summary rows, with the sheet row it lands on. */
  function formulaCells(plan: NetworkSheet): { a1: string; cell: OutputCell }[] {
    const p = placementOf(plan);
    const letters = (i: number) => String.fromCharCode(65 + i);
    const at = (rows: readonly (readonly OutputCell[])[], first: number) =>
      rows.flatMap((row, r) => row.map((cell, c) => ({ a1: `${letters(c)}${first + r}`, cell })));
    return [
      ...at(tableOf(plan).rows, p.firstBodyRow),
      ...at(tableOf(plan).summaryRows, p.firstSummaryRow),
    ].filter((x) => isFormula(x.cell));
  }

  const value = (ws: ExcelJS.Worksheet, a1: string) => {
    const v = shownValue(ws.getCell(a1));
    return v === null || v === undefined ? "" : v;
  };

  it("computes the merge's network totals (budget) and the right lower bounds (participants)", async () => {
    const budget = networkSheet(await budgetView(24));
    const participants = networkSheet(await participantsView(24));
    const book = userBook();
    const host = fakeHost(book);
    await writeNetworkSheet(host, budget);
    await writeNetworkSheet(host, participants);
    const file = join(dir, "network.xlsx");
    await saveBook(book, file);
    const recalculated = await recalculate(file);

    for (const plan of [budget, participants]) {
      const ws = recalculated.getWorksheet(plan.sheet.name)!;
      const cells = formulaCells(plan);
      expect(cells.length).toBeGreaterThan(20);
      // Every formula gives what the core computed for it: the totals the merge gave, the counts of hidden figures.
      const differing = cells.flatMap(({ a1, cell }) => {
        if (!hasResult(cell)) return [[a1, "no result planned"]];
        const got = value(ws, a1);
        const ok =
          typeof cell.result === "number" && typeof got === "number"
            ? Math.abs(got - cell.result) < 1e-6 * Math.max(1, Math.abs(cell.result))
            : got === cell.result;
        return ok ? [] : [[a1, `${String(got)} ≠ ${String(cell.result)}`]];
      });
      expect(differing).toEqual([]);
    }

    // And those planned values are the merge's own figures.
    const b = (await budgetView(24)).network;
    const bp = placementOf(budget);
    const bws = recalculated.getWorksheet(budget.sheet.name)!;
    expect(["I", "J", "K"].map((c) => value(bws, `${c}${bp.firstSummaryRow}`))).toEqual([
      b.cost,
      b.income,
      b.surplus,
    ]);
    expect(value(bws, `B${bp.firstSummaryRow}`)).toBe(b.costByGroup.insatser);

    const pv: MergedParticipants = await participantsView(24);
    const pp = placementOf(participants);
    const pws = recalculated.getWorksheet(participants.sheet.name)!;
    const reported = pv.associations.flatMap((a) => (a.keyFigures ? [a.keyFigures] : []));
    const toWork = reported.map((k) => k.closedToWorkOrStudies);
    // E: Till arbete eller studier. The sum of the known counts, "minst" because some are hidden, and how many.
    expect(toWork.filter((v) => v === null).length).toBeGreaterThan(1);
    expect([1, 2, 3].map((r) => value(pws, `E${pp.firstSummaryRow + r - 1}`))).toEqual([
      toWork.reduce<number>((s, v) => s + (v ?? 0), 0),
      "minst",
      toWork.filter((v) => v === null).length,
    ]);
    const work = pv.network.keyFigures.closedToWorkOrStudies;
    expect([work.value, work.lowerBound ? "minst" : "exakt", work.suppressedIn]).toEqual(
      [1, 2, 3].map((r) => value(pws, `E${pp.firstSummaryRow + r - 1}`)),
    );
    // B: Deltagare. No association hides it here: the total is exact and equals the merge's.
    expect(pv.network.keyFigures.participants.lowerBound).toBe(false);
    expect([1, 2, 3].map((r) => value(pws, `B${pp.firstSummaryRow + r - 1}`))).toEqual([
      pv.network.keyFigures.participants.value,
      "exakt",
      0,
    ]);
  }, 240_000);
});
