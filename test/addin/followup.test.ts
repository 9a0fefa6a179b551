/**
 * The pane's "Uppföljning Finsam" through the fake Excel: every sheet read, the follow-up sheet
 * written, in the same number of round trips at 20 and at 20 000 participant rows and with more
 * sheets; pressed again, the same sheet is updated in place. Every sheet read at once is read as
 * the import reads it alone.
 */
import { describe, expect, it } from "vitest";
import { readSheets, readSource } from "../../addin/excel/read";
import { writeFollowup } from "../../addin/followup";
import { FakeBook } from "../../playground/fake-excel/book";
import { fakeHost } from "../../playground/fake-excel/excel";
import { gridFromRows } from "../../shared/grid";
import { readWorkbookFile } from "../../xlsx/read";
import { buildInsatsParticipants } from "../insatser/generate";
import { fixture } from "../support/cli";

/** Sydost's budget and insats list, and a participant list of `rows` rows over its insatser. */
async function workbook(rows: number) {
  const grids = await readWorkbookFile(fixture("sydost-budget-utfall-2023.xlsx"));
  const list = buildInsatsParticipants({
    header: "Insats",
    konColumn: false,
    rows: Array.from({ length: rows }, (_, i) => i % 3),
  });
  return FakeBook.fromGrids([...grids.filter((g) => g.sheet !== "Deltagare"), list]);
}

async function followupCounting(rows: number) {
  const book = await workbook(rows);
  const host = fakeHost(book);
  const first = await writeFollowup(host);
  const written = book.syncs;
  book.syncs = 0;
  const again = await writeFollowup(host);
  return { book, first, again, written, refreshed: book.syncs };
}

describe("Uppföljning Finsam in the pane", () => {
  it("When the button is pressed at 20 and at 20 000 participant rows, then the sheet is written in the same number of round trips, and pressed again it is updated in place", async () => {
    const small = await followupCounting(20);
    const large = await followupCounting(20_000);
    // Three to read every sheet (their names, their sizes, their cells together), two for the write.
    expect([small.written, small.refreshed]).toEqual([5, 5]);
    expect([large.written, large.refreshed]).toEqual([small.written, small.refreshed]);
    expect(large.first.sheet).toBe("Samsyn uppföljning 2023");
    expect(large.again.sheet).toBe("Samsyn uppföljning 2023");
    expect(large.book.sheets.filter((s) => s.name.startsWith("Samsyn uppföljning")).length).toBe(1);
    expect(large.book.sheet("Samsyn uppföljning 2023")!.pageLayout).toMatchObject({
      fitToPagesWide: 1,
      fitToPagesTall: 1,
    });
    // Every third row is Jobbcoacher: 6 667 persons, even rows women.
    const jobb = large.first.followup.insatser.find((i) => i.name.value === "Jobbcoacher")!;
    expect(jobb.participants.value).toEqual({ kvinna: 3334, man: 3333 });
    expect(large.book.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Samsyn_uppfoljning_2023", "Samsyn_uppfoljning_2023_insatser"]),
    );
  });

  it("When the workbook has four more sheets, then the button takes the same round trips", async () => {
    const grids = await readWorkbookFile(fixture("sydost-budget-utfall-2023.xlsx"));
    const more = ["Anteckningar", "Styrelsen", "Kontakter"].map((name) =>
      gridFromRows(name, [
        ["Text", name],
        ["Rad", 2],
      ]),
    );
    const book = FakeBook.fromGrids([...grids, ...more]);
    book.addSheet("Tom");
    await writeFollowup(fakeHost(book));
    expect(book.syncs).toBe(5);
  });

  it("When every sheet is read at once, then each is what reading it alone gives, also past one answer's size and with over 512 merged areas", async () => {
    const grids = await readWorkbookFile(fixture("sydost-budget-utfall-2023.xlsx"));
    const ale = await readWorkbookFile(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    // 600 merged label cells on one sheet: more than one getMergedAreasOrNullObject answers.
    const rows: (string | number | null)[][] = [[null, null, "Budget 2015"]];
    for (let i = 0; i < 600; i++) rows.push([`Insats ${i + 1}`, null, 1000 + i]);
    const merged = {
      ...gridFromRows("Sammanslagna", rows),
      merges: Array.from({ length: 600 }, (_, i) => ({
        start: { row: i + 1, col: 0 },
        end: { row: i + 1, col: 1 },
      })),
    };
    const large = buildInsatsParticipants({
      header: "Insats",
      konColumn: true,
      rows: Array.from({ length: 45_000 }, (_, i) => i % 3),
    });
    // Together in three round trips; a list past one answer read on its own (more); 600 merges
    // failing the shared read, then every sheet on its own (more).
    for (const [sheets, together] of [
      [[...grids, ...ale], true],
      [[...grids, { ...large, sheet: "Stor lista" }], false],
      [[...grids, merged], false],
    ] as const) {
      const book = FakeBook.fromGrids(sheets);
      const all = await readSheets(fakeHost(book), () => false);
      expect(book.syncs === 3).toBe(together);
      const alone = [];
      for (const g of sheets) alone.push(await readSource(fakeHost(book), { kind: "sheet", sheet: g.sheet }));
      expect(all.map((s) => s.grid.sheet)).toEqual(sheets.map((g) => g.sheet));
      expect(all).toEqual(alone);
    }
  }, 120_000);

  it("When the workbook holds a plan only, then the pane writes the plan's year with its budget, and utfall is missing", async () => {
    const grids = await readWorkbookFile(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx"));
    const done = await writeFollowup(fakeHost(FakeBook.fromGrids(grids)));
    expect(done.sheet).toBe("Samsyn uppföljning 2008");
    // Ale has no member lines: its "Finansiell ram" of 5 251 tkr (A14) is the allocated funds.
    expect(done.followup.allocated.budget.value).toBe(5_251_000);
    expect(done.followup.allocated.outcome.value).toBeNull();
    expect(
      done.followup.issues.some((i) => i.code === "followup-missing" && i.figure === "allocated-outcome"),
    ).toBe(true);
  });

  it("When the workbook has neither a budget nor an insats list, then the pane says so and writes nothing", async () => {
    const book = FakeBook.fromGrids([
      buildInsatsParticipants({ header: "Insats", konColumn: true, rows: [0, 1] }),
    ]);
    await expect(writeFollowup(fakeHost(book))).rejects.toMatchObject({ failure: "no-followup" });
    expect(book.sheets.map((s) => s.name)).toEqual(["Deltagare"]);
  });
});
