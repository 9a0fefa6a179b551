/**
 * What the pane's buttons run on the workbook — the readers (the same core as `samsyn
 * inspect`), the writers, the follow-up sheet — in one module that the pane loads when a
 * button is first pressed (useConversion.ts): the pane opens and "Läs in" is ready without it.
 */

export { insatsGroupsOf } from "../../shared/push";
export { convert, importSource, inspectGrid, writeReading } from "../convert";
export { selectCell } from "../excel/select";
export { removeMarks } from "../excel/write";
export { writeFollowup } from "../followup";
export { budgetChoice, reportsToSend } from "../sync/flow";
export { listPeriods } from "../sync/periods";
