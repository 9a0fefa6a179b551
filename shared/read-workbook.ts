/**
 * The one entry point the adapters call: sheets in, tables and issues out, and the plan of
 * what a conversion writes. The CLI, the service and the add-in all go through here, so
 * the same workbook gives the same result everywhere.
 */
import { budgetOutputSheets, readBudgetSheet } from "./budget";
import type { Grid } from "./grid";
import { readInsatsList } from "./insatslista";
import { countBySeverity, type Issue } from "./issues";
import { describeIssue, type Lang } from "./messages";
import { computed, isOutputSheet, type OutputSheet, outputSheetName } from "./output";
import { type ParticipantOptions, type ParticipantReading, readParticipantSheet } from "./participants";
import type { BudgetTable, ContributionsTable, Corrections, InspectResult, IssueJson, Table } from "./report";

export interface InspectOptions {
  readonly corrections?: Corrections;
  readonly participants?: ParticipantOptions;
  /** Every budget table with its source columns (for the follow-up's links); see readBudgetSheet. */
  readonly sourceColumns?: boolean;
}

export interface WorkbookReading {
  readonly tables: readonly Table[];
  readonly issues: readonly Issue[];
  /**
   * The sheets a conversion adds, given the names already in the workbook; the checks sheet is
   * in `lang` (Swedish unless asked otherwise).
   */
  readonly outputSheets: (existingSheetNames: readonly string[], lang?: Lang) => OutputSheet[];
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
    // An insats list before the budget reader: its participant counts are no kronor.
    const insatser = readInsatsList(grid);
    if (insatser) {
      appendAll(tables, insatser.tables);
      appendAll(issues, insatser.issues);
      continue;
    }
    const corrections = options.corrections?.[grid.sheet];
    const budget = readBudgetSheet(grid, corrections, { sourceColumns: options.sourceColumns === true });
    appendAll(tables, budget.tables);
    appendAll(issues, budget.issues);
    const found = budget.tables as (BudgetTable | ContributionsTable)[];
    if (found.length > 0) builders.push((taken) => budgetOutputSheets(found, taken));
  }
  const outputSheets = (existing: readonly string[], lang: Lang = "sv"): OutputSheet[] => {
    const taken = new Set(existing);
    const sheets: OutputSheet[] = [];
    for (const build of builders) sheets.push(...build(taken));
    const issueSheet = issuesOutputSheet(issues, taken, lang);
    if (issueSheet) sheets.push(issueSheet);
    return sheets;
  };
  return { tables, issues, outputSheets, participantReadings };
}

/** Loops, not push(...xs): a sheet of text amounts can raise more issues than a call takes arguments. */
function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

export function issueToJson(issue: Issue): IssueJson {
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

/** The checks sheet's words, one language at a time (its name stays "Samsyn kontroller" in both). */
const CHECKS_SHEET = {
  sv: {
    heading: "Samsyn – kontroller",
    severity: { error: "Fel", warning: "Varning", info: "Info" },
    columns: ["Allvarlighet", "Kod", "Blad", "Cell", "Meddelande"],
  },
  en: {
    heading: "Samsyn – checks",
    severity: { error: "Error", warning: "Warning", info: "Info" },
    columns: ["Severity", "Code", "Sheet", "Cell", "Message"],
  },
} as const;
const CHECKS_WIDTHS = [12, 20, 20, 18, 80] as const;

/** The issues sheet: one row per issue, each with a link to its cell, in one language. */
function issuesOutputSheet(issues: readonly Issue[], taken: Set<string>, lang: Lang): OutputSheet | null {
  const words = CHECKS_SHEET[lang];
  if (issues.length === 0) return null;
  const name = outputSheetName("kontroller", taken);
  const rows = issues.map((issue) => {
    const target = issue.cell ?? "A1";
    const sheetRef = `'${issue.sheet.replace(/'/g, "''")}'!${target}`;
    const shown = `${issue.sheet}!${target}`;
    const label = shown.replace(/"/g, '""');
    return [
      words.severity[issue.severity],
      issue.code,
      issue.sheet,
      computed(`=HYPERLINK("#${sheetRef.replace(/"/g, '""')}","${label}")`, shown),
      describeIssue(issue, lang),
    ];
  });
  return {
    name,
    heading: [words.heading],
    tables: [
      {
        name: "Samsyn_kontroller",
        columns: words.columns.map((header, i) => ({ header, width: CHECKS_WIDTHS[i]! })),
        rows,
        summaryRows: [],
      },
    ],
  };
}
