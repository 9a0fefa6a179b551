/**
 * The send preview's figures, read from the very body that leaves: a budget with utfall lists
 * each line's utfall and the utfall totals beside its budget, and its eget kapital; a plan
 * without utfall lists none of them.
 */
import { describe, expect, it } from "vitest";
import { figureRows } from "../../addin/ui/reportFigures";
import { en } from "../../addin/ui/strings/en";
import { sv } from "../../addin/ui/strings/sv";
import { simpleBudget, sydostBudget } from "../service/helpers";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("the send preview of a budget with utfall", () => {
  it("When Sydost's budget with utfall is to be sent, then the preview lists each line's utfall 2023, the utfall totals and the eget kapital, as they leave", () => {
    const rows = figureRows(sydostBudget(), sv, "sv").map((r) => [r.path, r.label, r.period, nbsp(r.value)]);
    expect(rows).toContainEqual(["lines.12.amounts.2023", "Unga till arbete", "2023", "1 500 000"]);
    expect(rows).toContainEqual(["lines.12.outcomes.2023", "Unga till arbete", "utfall 2023", "1 320 000"]);
    expect(rows).toContainEqual(["outcomeTotals.cost.2023", "Summa kostnader", "utfall 2023", "7 528 150"]);
    expect(rows).toContainEqual(["outcomeTotals.surplus.2023", "Över-/underskott", "utfall 2023", "484 195"]);
    expect(rows).toContainEqual(["equity.2023.closing", "Utgående eget kapital", "2023", "2 794 195"]);
    // 14 lines × (2 budget periods + 1 utfall), 3 totals × (2 + 1), 3 equity figures.
    expect(rows).toHaveLength(14 * 3 + 3 * 3 + 3);
    expect(figureRows(sydostBudget(), en, "en").find((r) => r.path === "lines.0.outcomes.2023")?.period).toBe(
      "outcome 2023",
    );
  });

  it("When a plan without utfall is to be sent, then the preview lists its budget only", () => {
    const rows = figureRows(simpleBudget(["2023", "2024"]), sv, "sv");
    expect(rows.filter((r) => /outcome|equity/i.test(r.path))).toEqual([]);
    expect(rows).toHaveLength(6 * 2 + 3 * 2);
  });
});
