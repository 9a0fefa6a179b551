/**
 * Property tests over generated insats lists and participant lists with an insats column: every
 * wording of the headers, focus words, text and missing counts, blank insats cells — read right.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInsatsList } from "../../shared/insatslista";
import { readParticipantSheet } from "../../shared/participants";
import { readWorkbook } from "../../shared/read-workbook";
import { budgetSpecArb, buildBudget } from "../budget/generate";
import { LAYOUT_CLASSES, layoutArb } from "../budget/layouts";
import {
  buildInsatsList,
  buildInsatsParticipants,
  insatsListArb,
  insatsListReadRight,
  insatsParticipantsArb,
  insatsParticipantsReadRight,
} from "./generate";

describe("generated insats lists", () => {
  it("When any generated insats list is read, then every name, focus and budgeted count is right and each unknown focus word has its issue", () => {
    fc.assert(
      fc.property(insatsListArb, (spec) => {
        const reading = readInsatsList(buildInsatsList(spec));
        expect(reading).not.toBeNull();
        expect(insatsListReadRight(spec, reading!.tables, reading!.issues.length)).toBe(true);
      }),
      { numRuns: 300, seed: 20_261_206 },
    );
  });

  it("When a generated insats list is read through the workbook, then it is an insats list and no budget", () => {
    fc.assert(
      fc.property(insatsListArb, (spec) => {
        const reading = readWorkbook([buildInsatsList(spec)]);
        expect(reading.tables.map((t) => t.kind)).toEqual(["insatser"]);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe("generated budgets", () => {
  it("When any generated budget sheet, messy or of any layout, is read, then it is never taken for an insats list", () => {
    fc.assert(
      fc.property(fc.boolean().chain(budgetSpecArb), (spec) => {
        expect(readInsatsList(buildBudget(spec).grid)).toBeNull();
      }),
      { numRuns: 300, seed: 11 },
    );
    for (const name of LAYOUT_CLASSES)
      for (const sheet of fc.sample(layoutArb(name), { numRuns: 50, seed: 12 }))
        expect([name, readInsatsList(sheet.grid)]).toEqual([name, null]);
  });
});

describe("generated participant lists with an insats column", () => {
  it("When any generated list is read, then its key figures per insats count each insats's rows and kön, and each blank insats is a warning", () => {
    fc.assert(
      fc.property(insatsParticipantsArb, (spec) => {
        const reading = readParticipantSheet(buildInsatsParticipants(spec), {
          today: new Date("2026-12-06"),
        });
        expect(insatsParticipantsReadRight(spec, reading)).toBe(true);
      }),
      { numRuns: 300, seed: 20_261_207 },
    );
  });
});
