/** A small budget whose cost total B9 states 800 000 where the lines add up to 700 000: Samsyn marks it. */
import { gridFromRows } from "../../shared/grid";

export const markedBudget = () =>
  gridFromRows("Budget", [
    ["- Verksamhetsplan 2015", null],
    [null, "Budget 2015"],
    ["Intäkter", null],
    ["Medlemsbidrag", 1_000_000],
    ["Summa intäkter", 1_000_000],
    ["Kostnader", null],
    ["Insatser", 600_000],
    ["Kansli", 100_000],
    ["Summa kostnader", 800_000],
  ]);
