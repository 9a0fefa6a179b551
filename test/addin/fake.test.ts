/** The fake Excel behaves as Excel does where the adapter depends on it. */
import { describe, expect, it } from "vitest";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { gridFromRows } from "../../shared/grid";

const book = () =>
  FakeBook.fromGrids([
    gridFromRows("Blad1", [
      ["Rubrik", null],
      ["a", 1],
      ["b", 2],
    ]),
  ]);

describe("fake Excel", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const host = fakeHost(book());
    const codes = await host.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B3");
      const before = (() => {
        try {
          return range.values;
        } catch (error) {
          return (error as { code: string }).code;
        }
      })();
      range.load("values");
      const queued = (() => {
        try {
          return range.values;
        } catch (error) {
          return (error as { code: string }).code;
        }
      })();
      await context.sync();
      return [before, queued, range.values[1]];
    });
    expect(codes).toEqual(["PropertyNotLoaded", "PropertyNotLoaded", ["a", 1]]);
  });

  it("refuses a bare load()", async () => {
    await expect(
      fakeHost(book()).run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").load();
        await context.sync();
      }),
    ).rejects.toThrow(/name the properties/);
  });

  it("applies writes at sync, not before", async () => {
    const b = book();
    await fakeHost(b).run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("B2").values = [[99]];
      expect(b.sheets[0]!.cell(1, 1)?.value).toBe(1);
      await context.sync();
    });
    expect(b.sheets[0]!.cell(1, 1)?.value).toBe(99);
  });

  it("turns '=…' written through values into a formula, keeps apostrophe text as text, reads numeric text as a number", async () => {
    const b = book();
    await fakeHost(b).run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A5:D5").values = [
        ["=SUM(B2:B3)", "'=SUM(B2:B3)", "0701", "'0701"],
      ];
      await context.sync();
    });
    const s = b.sheets[0]!;
    expect([0, 1, 2, 3].map((c) => [s.cell(4, c)?.formula ?? null, s.cell(4, c)?.value ?? null])).toEqual([
      ["=SUM(B2:B3)", null],
      [null, "=SUM(B2:B3)"],
      [null, 701],
      [null, "0701"],
    ]);
  });

  it("gives null objects for missing items and ItemNotFound for getItem", async () => {
    const host = fakeHost(book());
    const isNull = await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Finns inte");
      const present = context.workbook.worksheets.getItemOrNullObject("blad1");
      await context.sync();
      return [missing.isNullObject, present.isNullObject];
    });
    expect(isNull).toEqual([true, false]);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Finns inte").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("checks table names and overlaps, and extends a table written right under", async () => {
    const b = book();
    const host = fakeHost(b);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.tables.add("A1:B3", true).name = "Lista";
      await context.sync();
    });
    const attempt = (f: (context: Excel.RequestContext) => void) =>
      host.run(async (context) => {
        f(context);
        await context.sync();
      });
    await expect(attempt((c) => (c.workbook.tables.getItem("Lista").name = "A1"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(attempt((c) => (c.workbook.tables.getItem("Lista").name = "Två ord"))).rejects.toMatchObject(
      {
        code: "InvalidArgument",
      },
    );
    await expect(
      attempt((c) => c.workbook.worksheets.getActiveWorksheet().tables.add("B2:C5", true)),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await attempt((c) => {
      c.workbook.worksheets.getActiveWorksheet().getRange("A4:B4").values = [["c", 3]];
    });
    expect(b.tables.map((t) => [t.name, t.range.end.row])).toEqual([["Lista", 3]]);
  });

  it("fails a request over the payload limit as Excel on the web does", async () => {
    const host = fakeHost(book(), { payloadLimit: 1000 });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1:A100").values = Array.from(
          { length: 100 },
          () => ["x".repeat(20)],
        );
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("counts syncs and refuses a batch that ends with unsynced work", async () => {
    const b = book();
    const host = fakeHost(b);
    await host.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(b.syncs).toBe(2);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["x"]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  it("round-trips through JSON for the browser", () => {
    const b = book();
    b.tables.push({
      name: "T",
      sheet: b.sheets[0]!,
      range: { start: { row: 0, col: 0 }, end: { row: 2, col: 1 } },
      style: "TableStyleMedium2",
    });
    b.settings.set("k", "v");
    const json = JSON.parse(JSON.stringify(b.toJSON()));
    expect(FakeBook.fromJSON(json, { sameSession: true }).toJSON()).toEqual(b.toJSON());
    // Opened again, the same workbook but for its sheets' ids (valid within a session only).
    const reopened = FakeBook.fromJSON(json).toJSON();
    expect(reopened.sheets.map((s) => s.id)).not.toEqual(b.toJSON().sheets.map((s) => s.id));
    expect({ ...reopened, sheets: reopened.sheets.map(({ id: _, ...s }) => s) }).toEqual({
      ...b.toJSON(),
      sheets: b.toJSON().sheets.map(({ id: _, ...s }) => s),
    });
  });
});

describe("fake Excel tables", () => {
  it("gives a table's header, body and whole range, and resizes only with the header row kept", async () => {
    const b = book();
    const host = fakeHost(b);
    const addresses = await host.run(async (context) => {
      const table = context.workbook.worksheets.getActiveWorksheet().tables.add("A1:B3", true);
      const parts = [table.getRange(), table.getHeaderRowRange(), table.getDataBodyRange()];
      for (const part of parts) part.load("address");
      await context.sync();
      table.resize("A1:B2");
      const after = table.getRange();
      after.load("address");
      await context.sync();
      return [...parts.map((p) => p.address), after.address];
    });
    expect(addresses).toEqual(["Blad1!A1:B3", "Blad1!A1:B1", "Blad1!A2:B3", "Blad1!A1:B2"]);
    await expect(
      host.run(async (context) => {
        context.workbook.tables.getItem("Table1").resize("A2:B3");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
