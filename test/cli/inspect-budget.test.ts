/** `samsyn inspect` as built, on a budget with utfall beside it: the text a user reads. */
import { describe, expect, it } from "vitest";
import { fixture, samsyn } from "../support/cli";

describe("samsyn inspect on budget och utfall", () => {
  it("When the sheet has utfall beside the budget and eget kapital after the result, then the text shows utfall in its own column, its totals and the equity", async () => {
    const { code, stdout } = await samsyn(["inspect", fixture("sydost-budget-utfall-2023.xlsx")]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[1]).toBe("  Perioder: 2023, 2024   Enhet: kr");
    expect(lines[2]!.trim().split(/\s{2,}/)).toEqual(["Budget 2023", "Budget 2024", "Utfall 2023"]);
    // Numbers keep their no-break spaces (sv-SE); read here as plain ones.
    const row = (start: string) =>
      lines
        .find((l) => l.trimStart().startsWith(start))!
        .replace(/\u00a0/g, " ")
        .trim();
    expect(row("A23")).toMatch(/IPS.*1 800 000 kr\s+1 818 000 kr\s+1 912 400 kr$/);
    expect(row("Över-/underskott")).toMatch(/160 000 kr\s+210 800 kr\s+484 195 kr$/);
    expect(row("Eget kapital 2023")).toBe(
      "Eget kapital 2023: ingående 2 310 000 kr, årets resultat 484 195 kr, utgående 2 794 195 kr",
    );
  });

  it("When asked in English, then the columns and the equity are named in English", async () => {
    const { stdout } = await samsyn(["inspect", "--lang", "en", fixture("sydost-budget-utfall-2023.xlsx")]);
    expect(stdout).toContain("Outcome 2023");
    expect(stdout.replace(/\u00a0/g, " ")).toMatch(
      /Equity 2023: opening 2,310,000 kr, the year's result 484,195 kr, closing 2,794,195 kr/,
    );
  });
});
