/** The playground's sheet view shows a number as Excel's format would: a year in General stays "2023". */
import { describe, expect, it } from "vitest";
import { numberText } from "../../playground/page/SheetView";

describe("a number in the playground's sheet view", () => {
  it("When the cell's format is General, then the number is shown plainly, as Excel shows it", () => {
    expect(numberText(2023, null, "sv")).toBe("2023");
    expect(numberText(4_000_000, "General", "sv")).toBe("4000000");
    expect(numberText(12.5, "General", "sv")).toBe("12,5");
  });

  it("When the format groups thousands or asks for decimals, then so does the view", () => {
    expect(numberText(6_574_000, "#,##0", "sv")).toBe("6\u00a0574\u00a0000");
    expect(numberText(1234.5, "#,##0.00", "en")).toBe("1,234.50");
    expect(numberText(1234.5, "0", "sv")).toBe("1235");
  });
});
