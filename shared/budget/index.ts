/** Budget sheets: detection, classification, totals and checks, and the conversion plan. */
export { budgetOutputSheets } from "./output";
export { type BudgetReading, readBudgetSheet } from "./read";
