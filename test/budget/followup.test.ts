/** Property test over generated budget-and-utfall sheets (followup.ts): every figure and issue as the truth says. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBudgetSheet } from "../../shared/budget";
import { BudgetTable } from "../../shared/report";
import { followupArb, judgeFollowup } from "./followup";

describe("generated budget-and-utfall sheets", () => {
  it("When a sheet has utfall, prognos or avvikelse beside its budget under a header of one or two rows, and eget kapital after the result, then every figure, the equity and exactly the truth's issues are read", () => {
    fc.assert(
      fc.property(followupArb(), (sheet) => {
        const reading = readBudgetSheet(sheet.grid);
        const verdict = judgeFollowup(sheet, reading);
        expect(verdict.why).toBeNull();
        for (const t of reading.tables) if (t.kind === "budget") BudgetTable.parse(t);
      }),
      { numRuns: 150 },
    );
  });
});
