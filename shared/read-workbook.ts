/**
 * The one entry point the adapters call: sheets in, tables and issues out, and the plan of
 * what a conversion writes. The CLI, the service and the add-in all go through here, so
 * the same workbook gives the same result everywhere.
 */
import { budgetOutputSheets, readBudgetSheet } from "./budget";
import type { Grid } from "./grid";
import { countBySeverity, type Issue } from "./issues";
import { describeIssue } from "./messages";
import { computed, isOutputSheet, type OutputSheet, outputSheetName } from "./output";
import { type ParticipantOptions, type ParticipantReading, readParticipantSheet } from "./participants";
import type { BudgetTable, ContributionsTable, Corrections, InspectResult, IssueJson, Table } from "./report";

export interface InspectOptions {
  readonly corrections?: Corrections;
  readonly participants?: ParticipantOptions;
}

export interface WorkbookReading {
  readonly tables: readonly Table[];
  readonly issues: readonly Issue[];
  /** The sheets a conversion adds, given the names already in the workbook. */
  readonly outputSheets: (existingSheetNames: readonly string[]) => OutputSheet[];
  /** Participant lists as read: personal data, only ever turned into shareable reports. */
  readonly participantReadings: readonly ParticipantReading[];
}

export function readWorkbook(grids: readonly Grid[], options: InspectOptions = {}): WorkbookReading {
  const tables: Table[] = [];
  const issues: Issue[] = [];
  const builders: ((taken: Set<string>) => OutputSheet[])[] = [];
  const participantReadings: ParticipantReading[] = [];
  for (const grid of grids) {
    if (isOutputSheet(grid.sheet)) continue;
    const participants = readParticipantSheet(grid, options.participants);
    if (participants) {
      participantReadings.push(participants);
      appendAll(tables, participants.tables);
      appendAll(issues, participants.issues);
      builders.push(participants.outputSheets);
      continue;
    }
    const corrections = options.corrections?.[grid.sheet];
    const budget = readBudgetSheet(grid, corrections);
    appendAll(tables, budget.tables);
    appendAll(issues, budget.issues);
    const found = budget.tables as (BudgetTable | ContributionsTable)[];
    if (found.length > 0) builders.push((taken) => budgetOutputSheets(found, taken));
  }
  const outputSheets = (existing: readonly string[]): OutputSheet[] => {
    const taken = new Set(existing);
    const sheets: OutputSheet[] = [];
    for (const build of builders) sheets.push(...build(taken));
    const issueSheet = issuesOutputSheet(issues, taken);
    if (issueSheet) sheets.push(issueSheet);
    return sheets;
  };
  return { tables, issues, outputSheets, participantReadings };
}

/** Loops, not push(...xs): a sheet of text amounts can raise more issues than a call takes arguments. */
function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

function issueToJson(issue: Issue): IssueJson {
  return {
    severity: issue.severity,
    code: issue.code,
    sheet: issue.sheet,
    cell: issue.cell,
    message: describeIssue(issue, "sv"),
    messageEn: describeIssue(issue, "en"),
  };
}

export function inspectResult(reading: WorkbookReading, file: string | null): InspectResult {
  const counts = countBySeverity(reading.issues);
  return {
    file,
    tables: [...reading.tables],
    issues: reading.issues.map(issueToJson),
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
}

const SEVERITY_SV = { error: "Fel", warning: "Varning", info: "Info" } as const;

/** The issues sheet: one row per issue, each with a link to its cell. */
function issuesOutputSheet(issues: readonly Issue[], taken: Set<string>): OutputSheet | null {
  if (issues.length === 0) return null;
  const name = outputSheetName("kontroller", taken);
  const rows = issues.map((issue) => {
    const target = issue.cell ?? "A1";
    const sheetRef = `'${issue.sheet.replace(/'/g, "''")}'!${target}`;
    const shown = `${issue.sheet}!${target}`;
    const label = shown.replace(/"/g, '""');
    return [
      SEVERITY_SV[issue.severity],
      issue.code,
      issue.sheet,
      computed(`=HYPERLINK("#${sheetRef.replace(/"/g, '""')}","${label}")`, shown),
      describeIssue(issue, "sv"),
      describeIssue(issue, "en"),
    ];
  });
  return {
    name,
    heading: ["Samsyn – kontroller / checks"],
    tables: [
      {
        name: "Samsyn_kontroller",
        columns: [
          { header: "Allvarlighet", width: 12 },
          { header: "Kod", width: 20 },
          { header: "Blad", width: 20 },
          { header: "Cell", width: 18 },
          { header: "Meddelande", width: 80 },
          { header: "Message", width: 80 },
        ],
        rows,
        summaryRows: [],
      },
    ],
  };
}
