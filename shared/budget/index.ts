/** Budget sheets: detection, classification, totals and checks, and the conversion plan. */
export { budgetOutputSheets } from "./output";
export { readBudgetSheet } from "./read";
