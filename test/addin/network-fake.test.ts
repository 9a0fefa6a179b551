/**
 * The fake Excel's charts behave as Excel's documentation says: work queued and applied at
 * sync, nothing readable before load + sync, a Range as the data, a known chart type, a
 * missing chart ItemNotFound, names found by getItem (the first of equal names), series made
 * from the header row and set with setValues / setXAxisValues, kept in the book's JSON.
 */
import { describe, expect, it } from "vitest";
import { FakeBook } from "../../playground/fake-excel/book";
import { runFake } from "../../playground/fake-excel/excel";
import { gridFromRows, parseRangeA1 } from "../../shared/grid";

/** A sheet "Data": names in A, two series in B and C, a header row. */
const dataBook = () =>
  FakeBook.fromGrids([
    gridFromRows("Data", [
      ["Förbund", "Insatser", "Kansli"],
      ["Ale", 10, 1],
      ["Nora", 20, 2],
      ["Lerum", 30, 3],
    ]),
    gridFromRows("Annat", [["x"]]),
  ]);

const run = <T>(book: FakeBook, batch: (context: Excel.RequestContext) => Promise<T>) =>
  runFake(book, {}, batch);

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "no error";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

describe("fake Excel charts", () => {
  it("adds a chart at sync: the header row names the series, the text column gives the categories", async () => {
    const book = dataBook();
    await run(book, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("ColumnStacked", sheet.getRange("A1:C4"), "Columns");
      chart.name = "Samsyn_kostnader";
      chart.title.text = "Kostnader";
      expect(book.charts).toEqual([]);
      await context.sync();
    });
    const [chart] = book.charts;
    expect([chart!.name, chart!.type, chart!.title, chart!.sheet.name]).toEqual([
      "Samsyn_kostnader",
      "ColumnStacked",
      "Kostnader",
      "Data",
    ]);
    expect(chart!.series.map((s) => [s.name, s.values?.range, s.xValues?.range])).toEqual([
      ["Insatser", parseRangeA1("B2:B4"), parseRangeA1("A2:A4")],
      ["Kansli", parseRangeA1("C2:C4"), parseRangeA1("A2:A4")],
    ]);
  });

  it("refuses an unknown chart type, a string as the data, and an unknown seriesBy, as InvalidArgument", async () => {
    const book = dataBook();
    const add = (type: string, source: (s: Excel.Worksheet) => unknown, seriesBy = "Auto") =>
      codeOf(
        run(book, async (context) => {
          const sheet = context.workbook.worksheets.getItem("Data");
          sheet.charts.add(
            type as Excel.ChartType,
            source(sheet) as Excel.Range,
            seriesBy as Excel.ChartSeriesBy,
          );
          await context.sync();
        }),
      );
    expect(await add("Column", (s) => s.getRange("A1:C4"))).toBe("InvalidArgument");
    expect(await add("Invalid", (s) => s.getRange("A1:C4"))).toBe("InvalidArgument");
    expect(await add("ColumnClustered", () => "A1:C4")).toBe("InvalidArgument");
    expect(await add("ColumnClustered", (s) => s.getRange("A1:C4"), "Diagonal")).toBe("InvalidArgument");
    expect(book.charts).toEqual([]);
  });

  it("getItem of a missing chart is ItemNotFound; getItemOrNullObject gives a null object; names and count need load and sync", async () => {
    const book = dataBook();
    expect(
      await codeOf(
        run(book, async (context) => {
          context.workbook.worksheets.getItem("Data").charts.getItem("Samsyn_kostnader").setPosition("E1");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await run(book, async (context) => {
      const charts = context.workbook.worksheets.getItem("Data").charts;
      const missing = charts.getItemOrNullObject("Samsyn_kostnader");
      const added = charts.add(
        "ColumnClustered",
        context.workbook.worksheets.getItem("Data").getRange("A1:B4"),
      );
      charts.load("items/name,count");
      expect(() => charts.count).toThrow(/not available/);
      expect(() => added.chartType).toThrow(/not available/);
      await context.sync();
      expect([missing.isNullObject, charts.count, charts.items.map((c) => c.name)]).toEqual([
        true,
        1,
        ["Chart 1"],
      ]);
    });
  });

  it("finds a chart by name, the first of equal names; only on its own sheet", async () => {
    const book = dataBook();
    await run(book, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (const title of ["first", "second"]) {
        const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B4"), "Columns");
        chart.name = "Samma";
        chart.title.text = title;
      }
      await context.sync();
      const found = sheet.charts.getItem("Samma");
      found.title.load("text");
      const elsewhere = context.workbook.worksheets.getItem("Annat").charts.getItemOrNullObject("Samma");
      await context.sync();
      expect([found.title.text, elsewhere.isNullObject]).toEqual(["first", true]);
    });
  });

  it("setData re-points the series; setValues and setXAxisValues re-point one; getItemAt past the last is ItemNotFound", async () => {
    const book = dataBook();
    await run(book, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B1:B4"), "Columns");
      chart.name = "C";
      await context.sync();
      expect(book.charts[0]!.series.map((s) => [s.name, s.xValues])).toEqual([["Insatser", null]]);
      chart.setData(sheet.getRange("C1:C3"), "Columns");
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A2:A3"));
      chart.series.load("count");
      await context.sync();
      expect(chart.series.count).toBe(1);
      chart.series.getItemAt(0).setValues(sheet.getRange("B2:B3"));
      await context.sync();
    });
    expect(book.charts[0]!.series.map((s) => [s.name, s.values?.range, s.xValues?.range])).toEqual([
      ["Kansli", parseRangeA1("B2:B3"), parseRangeA1("A2:A3")],
    ]);
    expect(
      await codeOf(
        run(book, async (context) => {
          context.workbook.worksheets
            .getItem("Data")
            .charts.getItem("C")
            .series.getItemAt(1)
            .setValues(context.workbook.worksheets.getItem("Data").getRange("B2:B3"));
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
  });

  it("loads every sheet's charts and tables in one load of the worksheet collection", async () => {
    const book = dataBook();
    await run(book, async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.charts.add("ColumnClustered", data.getRange("A1:B4")).name = "Samsyn_deltagare";
      data.tables.add(data.getRange("A1:C4"), true).name = "Tabell";
      await context.sync();
    });
    book.syncs = 0;
    await run(book, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load({ name: true, tables: { name: true }, charts: { name: true } });
      await context.sync();
      expect(
        sheets.items.map((s) => [
          s.name,
          s.tables.items.map((t) => t.name),
          s.charts.items.map((c) => c.name),
        ]),
      ).toEqual([
        ["Data", ["Tabell"], ["Samsyn_deltagare"]],
        ["Annat", [], []],
      ]);
    });
    expect(book.syncs).toBe(1);
  });

  it("deletes a chart, and a sheet's charts go with the sheet", async () => {
    const book = dataBook();
    await run(book, async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      data.charts.add("Pie", data.getRange("A1:B4")).name = "A";
      data.charts.add("Pie", data.getRange("A1:B4")).name = "B";
      await context.sync();
      data.charts.getItem("A").delete();
      await context.sync();
      expect(book.charts.map((c) => c.name)).toEqual(["B"]);
      data.delete();
      await context.sync();
    });
    expect(book.charts).toEqual([]);
  });

  it("keeps charts in the book's JSON, and a JSON from before charts still loads", async () => {
    const book = dataBook();
    await run(book, async (context) => {
      const data = context.workbook.worksheets.getItem("Data");
      const chart = data.charts.add("ColumnStacked", data.getRange("A1:C4"), "Columns");
      chart.name = "Samsyn_kostnader";
      chart.setPosition("E1", "L15");
      await context.sync();
    });
    const json = JSON.parse(JSON.stringify(book.toJSON()));
    const again = FakeBook.fromJSON(json);
    expect(
      again.charts.map((c) => [c.name, c.sheet.name, c.type, c.position, c.series.map((s) => s.values)]),
    ).toEqual([
      [
        "Samsyn_kostnader",
        "Data",
        "ColumnStacked",
        { from: "E1", to: "L15" },
        [
          { sheet: again.sheet("Data"), range: parseRangeA1("B2:B4") },
          { sheet: again.sheet("Data"), range: parseRangeA1("C2:C4") },
        ],
      ],
    ]);
    delete json.charts;
    expect(FakeBook.fromJSON(json).charts).toEqual([]);
  });
});
