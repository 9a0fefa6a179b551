/**
 * Charts as Excel makes them: ChartCollection.add picks series and categories by its own
 * undocumented rule, so the pane builds each series itself; and a count hidden as ".." (text,
 * which a chart plots as 0) is plotted as a gap through a hidden #N/A column.
 */
import { describe, expect, it } from "vitest";
import { GAP_NOTE, writeNetworkSheet } from "../../addin/excel/network";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { columnLetters, gridFromRows, parseA1, parseRangeA1 } from "../../shared/grid";
import { type NetworkSheet, networkSheet, SUPPRESSED } from "../../shared/network";
import { layoutSheet } from "../../shared/output";
import { budgetView, participantsView } from "./network-views";

const userBook = () =>
  FakeBook.fromGrids([gridFromRows("Budget", [["Verksamhetsplan 2009"], ["Kansli", 100]])]);

/** The plan with every association's first cost group as text: Excel's guess takes it for the categories. */
function withTextColumn(plan: NetworkSheet): NetworkSheet {
  const table = plan.sheet.tables[0]!;
  const first = table.columns.findIndex((c) => c.header === plan.charts[0]!.values[0]);
  return {
    ...plan,
    sheet: {
      ...plan.sheet,
      tables: [
        { ...table, rows: table.rows.map((r) => r.map((cell, c) => (c === first ? SUPPRESSED : cell))) },
      ],
    },
  };
}

describe("When a chart's first column holds only text", () => {
  it("then Excel's guess makes one series fewer, yet the pane writes every series, each named and pointed by it", async () => {
    const plan = withTextColumn(networkSheet(await budgetView(3)));
    const book = userBook();
    await writeNetworkSheet(fakeHost(book), plan);
    const chart = book.charts.find((c) => c.name === plan.charts[0]!.name)!;
    expect(chart.series.map((s) => s.name)).toEqual(plan.charts[0]!.values);
    const layout = layoutSheet(plan.sheet)[0]!;
    const names = parseRangeA1(`A${layout.firstBodyRow}:A${layout.lastBodyRow}`);
    expect(chart.series.every((s) => JSON.stringify(s.xValues?.range) === JSON.stringify(names))).toBe(true);
    // The text column is read through its gap column; the others straight from the table.
    expect(chart.series[1]!.values?.range).toEqual(
      parseRangeA1(`C${layout.firstBodyRow}:C${layout.lastBodyRow}`),
    );
  });

  it("then fetching again keeps the same series, re-pointed, none added twice", async () => {
    const book = userBook();
    const host = fakeHost(book);
    await writeNetworkSheet(host, networkSheet(await budgetView(3)));
    const series = book.charts[0]!.series;
    const first = [...series];
    await writeNetworkSheet(host, networkSheet(await budgetView(12)));
    expect(book.charts[0]!.series).toHaveLength(first.length);
    expect(book.charts[0]!.series[0]).toBe(first[0]);
  });
});

describe('When an association\'s count is hidden ("..")', () => {
  it("then the chart reads it from a hidden column of #N/A where hidden, which Excel leaves as a gap, and its title says so", async () => {
    const plan = networkSheet(await participantsView(3));
    const book = userBook();
    await writeNetworkSheet(fakeHost(book), plan);
    const layout = layoutSheet(plan.sheet)[0]!;
    const table = plan.sheet.tables[0]!;
    const shareChart = plan.charts.find((c) => c.name === "Samsyn_arbete_studier")!;
    const col = table.columns.findIndex((c) => c.header === shareChart.values[0]);
    expect(table.rows[0]![col]).toBe(SUPPRESSED);

    const chart = book.charts.find((c) => c.name === shareChart.name)!;
    expect(chart.title).toBe(`${shareChart.title} (${GAP_NOTE})`);
    expect(chart.plotVisibleOnly).toBe(false);
    const values = chart.series[0]!.values!.range;
    const sheet = book.sheet(plan.sheet.name)!;
    expect(values.start.col).toBeGreaterThan(table.columns.length + 8);
    expect(sheet.hiddenColumns.has(values.start.col)).toBe(true);
    // Handed to the browser and back, or saved: still hidden, still plotted.
    const again = FakeBook.fromJSON(book.toJSON());
    expect(again.sheet(plan.sheet.name)!.hiddenColumns.has(values.start.col)).toBe(true);
    expect(again.charts.find((c) => c.name === shareChart.name)!.plotVisibleOnly).toBe(false);
    const source = columnLetters(col);
    const row = layout.firstBodyRow;
    expect(sheet.cell(row - 1, values.start.col)?.formula).toBe(
      `=IF(ISNUMBER(${source}${row}),${source}${row},NA())`,
    );
    expect(sheet.cell(layout.headerRow - 1, values.start.col)?.value).toBe(shareChart.values[0]);
    // A chart with every count shown reads the table itself, visible, untitled by the note.
    const counts = book.charts.find((c) => c.name === "Samsyn_deltagare")!;
    const countCol = table.columns.findIndex((c) => c.header === plan.charts[0]!.values[0]);
    if (table.rows.every((r) => typeof r[countCol] === "number" || r[countCol] === null)) {
      expect(counts.title).toBe(plan.charts[0]!.title);
      expect(counts.series[0]!.values!.range.start.col).toBe(countCol);
    }
    // The gap column lies inside what a refresh clears.
    const recorded = JSON.parse(String(book.settings.get("samsyn.network"))) as Record<
      string,
      { area: string }
    >;
    const area = parseRangeA1(recorded[plan.sheet.name.toLowerCase()]!.area)!;
    expect(area.end.col).toBeGreaterThanOrEqual(values.start.col);
    expect(parseA1(`A${row}`)).not.toBeNull();
  });
});
