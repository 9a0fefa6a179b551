/** Names and references the conversion plan hands to Excel must be ones Excel accepts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnRef, outputSheetName, uniqueSheetName, uniqueTableName } from "../shared/output";

const validSheetName = (name: string) =>
  name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);

describe("When sheet and table names are made from any text", () => {
  it("then sheet names are valid and unique, whatever the wish", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 8 }), (wishes) => {
        const taken = new Set<string>();
        for (const wish of wishes) {
          const name = uniqueSheetName(wish, taken);
          expect(validSheetName(name), JSON.stringify(name)).toBe(true);
          expect([...taken].map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
          taken.add(name);
        }
      }),
    );
    expect(uniqueSheetName("a' ", new Set())).toBe("a");
  });

  it("then output sheets are prefixed 'Samsyn ' and registered as taken", () => {
    const taken = new Set(["Samsyn Budget 2008"]);
    expect(outputSheetName("Budget 2008", taken)).toBe("Samsyn Budget 2008 (2)");
    expect(taken.has("Samsyn Budget 2008 (2)")).toBe(true);
  });

  it("then table names start with a letter, hold no spaces and never look like a cell", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (wish) => {
        const name = uniqueTableName(wish, new Set());
        expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      }),
    );
    expect(uniqueTableName("Budget 2008", new Set(["budget_2008"]))).toBe("Budget_2008_2");
  });
});

describe("When text and headers reach a formula or a cell", () => {
  it("then special characters in a column header are escaped in a structured reference", () => {
    expect(columnRef("T", "Nöjdhet [1-10]")).toBe("T[[Nöjdhet '[1-10']]]");
    expect(columnRef("T", "#Antal")).toBe("T[['#Antal]]");
    expect(columnRef("T", "Budget 2008")).toBe("T[Budget 2008]");
    expect(columnRef("T", "2009-2010")).toBe("T[[2009-2010]]");
  });
});
