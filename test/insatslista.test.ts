/** shared/insatslista.ts: an insats list is read as insatser (name, inriktning, budgeted participants), never as a budget. */
import { describe, expect, it } from "vitest";
import { gridFromRows } from "../shared/grid";
import { focusOf, insatsKey, readInsatsList } from "../shared/insatslista";
import { readWorkbook } from "../shared/read-workbook";
import { readWorkbookFile } from "../xlsx/read";
import { fixture } from "./support/cli";

describe("insats lists", () => {
  it("When Sydost's sheet Insatser 2023 is read, then it gives its four insatser with focus and budgeted participants, and no budget", async () => {
    const reading = readWorkbook(await readWorkbookFile(fixture("sydost-budget-utfall-2023.xlsx")));
    const list = reading.tables.find((t) => t.sheet === "Insatser 2023");
    expect(list?.kind).toBe("insatser");
    expect(list?.kind === "insatser" && list.range).toBe("A1:C5");
    expect(
      list?.kind === "insatser" &&
        list.insatser.map((i) => [
          i.cell,
          i.name,
          i.focus,
          i.budgetedParticipants,
          i.budgetedParticipantsCell,
        ]),
    ).toEqual([
      ["A2", "Jobbcoacher", "individinriktad", 60, "C2"],
      ["A3", "IPS – individanpassat stöd till arbete", "individinriktad", 40, "C3"],
      ["A4", "Unga till arbete", "individinriktad", 45, "C4"],
      ["A5", "Kompetensutveckling i samverkan", "strukturövergripande", null, "C5"],
    ]);
    expect(reading.issues.filter((i) => i.sheet === "Insatser 2023")).toEqual([]);
  });

  it("When the headers say Projekt, Typ av insats and Antal platser under a title, then the list is read, and an unknown focus word is an info at its cell", () => {
    const grid = gridFromRows("Projekt", [
      ["Förbundets projekt 2024"],
      [],
      ["Antal platser", "Projekt", "Typ av insats", "Målgrupp"],
      ["20 st", "Steget vidare", "Individ", "Unga vuxna"],
      [null, "Finsam-forum", "Struktur", null],
      [12, "Lots", "Blandad", null],
      [],
      ["Källa: styrelsens beslut 2023-11-28"],
    ]);
    const reading = readInsatsList(grid)!;
    const table = reading.tables[0]!;
    expect(table.title).toBe("Förbundets projekt 2024");
    expect(table.range).toBe("A3:D6");
    expect(table.insatser.map((i) => [i.name, i.focus, i.budgetedParticipants])).toEqual([
      ["Steget vidare", "individinriktad", 20],
      ["Finsam-forum", "strukturövergripande", null],
      ["Lots", null, 12],
    ]);
    expect(reading.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([["C6", "code-unknown", "info"]]);
  });

  it("When a table has an insats column but budget or year columns, then it is no insats list", () => {
    expect(
      readInsatsList(
        gridFromRows("Budget", [
          ["Insats", "Budget 2023", "Inriktning"],
          ["Jobbcoacher", 100, "Individ"],
        ]),
      ),
    ).toBeNull();
    expect(
      readInsatsList(
        gridFromRows("Budget", [
          ["Insats", 2023, "Antal platser"],
          ["Jobbcoacher", 100, 10],
        ]),
      ),
    ).toBeNull();
  });

  it("When a list has names only, or no rows, then it is no insats list", () => {
    expect(readInsatsList(gridFromRows("A", [["Insats"], ["Jobbcoacher"]]))).toBeNull();
    expect(readInsatsList(gridFromRows("A", [["Insats", "Inriktning"]]))).toBeNull();
  });

  it("When focus words are read, then individ and struktur words give the focus, and both or neither give none", () => {
    expect(["Individ", "individinriktad insats", "INDIVIDNIVÅ"].map(focusOf)).toEqual([
      "individinriktad",
      "individinriktad",
      "individinriktad",
    ]);
    expect(["Struktur", "Strukturövergripande"].map(focusOf)).toEqual([
      "strukturövergripande",
      "strukturövergripande",
    ]);
    expect(["Individ och struktur", "Övrigt"].map(focusOf)).toEqual([undefined, undefined]);
  });

  it("When insats names differ in case, dashes and spaces only, then their keys are equal", () => {
    expect(insatsKey("IPS – individanpassat stöd")).toBe(insatsKey("ips-individanpassat  stöd"));
    expect(insatsKey("Unga till arbete")).not.toBe(insatsKey("Unga i arbete"));
  });
});
