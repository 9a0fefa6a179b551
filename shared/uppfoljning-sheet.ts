/**
 * The follow-up sheet ("Samsyn uppföljning 2023"): the figures of Uppföljning Finsam in the
 * order the national system asks, each a formula that fetches its source cell (a SUM of them
 * for a sum, a COUNTIFS over the converted participant list for a count) with the value the
 * core computed saved beside it. Where a formula would not give the figure — a text amount,
 * a count the list cannot give by rows — the figure is written as the number itself.
 */
import { excelSerialOf } from "./calendar";
import { type CellValue, type Grid, parseA1, toA1 } from "./grid";
import { describeIssue } from "./messages";
import {
  columnRef,
  computed,
  type OutputCell,
  type OutputSheet,
  outputSheetName,
  uniqueTableName,
} from "./output";
import type { Kon } from "./participants/codes";
import type { Participant } from "./participants/list";
import { INSATS_COLUMN, listHeading } from "./participants/output";
import { parsePeriod } from "./period";
import {
  computeFollowup,
  type Figure,
  type Followup,
  type FollowupInput,
  type FollowupInsats,
  followupYear,
  hasFollowup,
  linksHold,
  type Source,
  sourceText,
} from "./uppfoljning";

export interface FollowupSheetOptions {
  /** A source cell's value: a figure links to its cells only where they hold numbers. */
  readonly cellValue?: (sheet: string, cell: string) => CellValue | undefined;
  /** The table each converted participant list was written to, by its source sheet: counts become live COUNTIFS over it. */
  readonly participantTables?: ReadonlyMap<string, string>;
}

const MISSING = "saknas";
const FOCUS_LABEL = {
  individinriktad: "Individinriktad",
  strukturövergripande: "Strukturövergripande",
} as const;
const KON_LABEL: Readonly<Record<Kon, string>> = { kvinna: "Kvinna", man: "Man" };

const sheetRef = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** "'Budget och utfall'!B7:B11,'Budget och utfall'!B15": runs down one column as ranges. */
function refsOf(source: Source): string[] {
  const refs: string[] = [];
  const cells = source.cells.map((c) => parseA1(c)!);
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const prev = cells[i - 1]!;
    const cur = cells[i];
    if (cur && cur.col === prev.col && cur.row === prev.row + 1) continue;
    const first = toA1(cells[start]!);
    const last = toA1(prev);
    refs.push(`${sheetRef(source.sheet)}!${first === last ? first : `${first}:${last}`}`);
    start = i;
  }
  return refs;
}

/** A figure in kronor or a count: a link to its cells where they hold it, else the number; "saknas" when not given. */
function amountCell(f: Figure<number>, cellValue: FollowupSheetOptions["cellValue"]): OutputCell {
  if (f.value === null) return MISSING;
  if (!cellValue || !linksHold(f.source, cellValue)) return f.value;
  const source = f.source!;
  const refs = refsOf(source);
  const single = refs.length === 1 && !refs[0]!.includes(":");
  const body = single ? refs[0]! : `SUM(${refs.join(",")})`;
  return computed(`=${body}${source.factor === 1 ? "" : `*${source.factor}`}`, f.value);
}

/** The insats's name, fetched from its cell where that holds the text. */
function nameCell(f: Figure<string>, cellValue: FollowupSheetOptions["cellValue"]): OutputCell {
  const source = f.source;
  const cell = source?.cells[0];
  const held = cell && cellValue ? cellValue(source!.sheet, cell) : undefined;
  if (!source || !cell || typeof held !== "string") return f.value;
  return computed(`=${sheetRef(source.sheet)}!${cell}`, held);
}

/** COUNTIFS's criterion for equal text: "=" first, so that "<" or "=" in a name is no operator; wildcards escaped. */
const equalTo = (text: string): string => `"=${text.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`;

/**
 * The persons of one kön whose stay touches the year, as a live count over the converted list
 * where counting its rows gives the same as counting persons (no one twice in the insats that
 * year); else the number.
 */
function countCell(
  i: FollowupInsats,
  kon: Kon,
  year: string,
  tables: ReadonlyMap<string, string> | undefined,
): OutputCell {
  const value = i.participants.value?.[kon] ?? null;
  if (value === null) return i.focus.value === "strukturövergripande" ? null : MISSING;
  const [source, more] = i.participantSources;
  const table = source ? tables?.get(source.sheet) : undefined;
  if (!source || more || !table) return value;
  const period = parsePeriod(year)!;
  const lower = source.insats.toLowerCase();
  const byRows = source.participants.filter(
    (p: Participant) =>
      p.insats?.toLowerCase() === lower &&
      p.kon === kon &&
      p.start !== null &&
      p.start <= period.last &&
      (p.end === null || p.end >= period.first),
  ).length;
  if (byRows !== value) return value;
  const start = excelSerialOf(period.first);
  const end = excelSerialOf(period.last);
  const base = [
    `${columnRef(table, INSATS_COLUMN)},${equalTo(source.insats)}`,
    `${columnRef(table, "Kön")},"${KON_LABEL[kon]}"`,
    `${columnRef(table, "Inskriven")},"<="&${end}`,
  ].join(",");
  const avslutad = columnRef(table, "Avslutad");
  return computed(`=COUNTIFS(${base},${avslutad},">="&${start})+COUNTIFS(${base},${avslutad},"")`, value);
}

/** Names a table and reserves the name (sheet and table names share `taken`). */
function tableName(wish: string, taken: Set<string>): string {
  const name = uniqueTableName(wish, taken);
  taken.add(name);
  return name;
}

/** The follow-up as a sheet to add: the association's figures, then one row per insats. */
export function followupOutputSheet(
  f: Followup,
  taken: Set<string>,
  options: FollowupSheetOptions = {},
): OutputSheet {
  const name = outputSheetName(`uppföljning ${f.year}`, taken);
  const base = tableName(name, taken);
  const { cellValue } = options;
  const row = (label: string, fig: Figure<number>): OutputCell[] => [
    label,
    amountCell(fig, cellValue),
    sourceText(fig.source),
  ];
  return {
    name,
    // What is typed into the national system from paper: one page.
    onePage: true,
    heading: [
      `Uppföljning Finsam ${f.year}`,
      "Det förbundsadministratören för in, i den ordning Uppföljning Finsam frågar. Belopp i kronor.",
      "Varje värde hämtar sin cell i arbetsboken: ändra där, inte här.",
    ],
    tables: [
      {
        name: base,
        columns: [
          { header: "Uppgift", width: 34 },
          { header: "Värde", numberFormat: "#,##0", width: 16 },
          { header: "Källa", width: 28 },
        ],
        rows: [
          row("Tilldelade medel, budget", f.allocated.budget),
          row("Tilldelade medel, utfall", f.allocated.outcome),
          row("Eget kapital, ingående", f.equity.opening),
          row("Eget kapital, utgående", f.equity.closing),
          row("Administration, budget", f.administration.budget),
          row("Administration, utfall", f.administration.outcome),
        ],
        summaryRows: [],
      },
      {
        name: tableName(`${base}_insatser`, taken),
        columns: [
          { header: "Insats", width: 34 },
          { header: "Inriktning", width: 20 },
          { header: "Budget", numberFormat: "#,##0", width: 13 },
          { header: "Utfall", numberFormat: "#,##0", width: 13 },
          { header: "Budgeterat antal deltagare", numberFormat: "0", width: 26 },
          { header: "Kvinnor", numberFormat: "0", width: 9 },
          { header: "Män", numberFormat: "0", width: 9 },
        ],
        rows: f.insatser.map((i) => [
          nameCell(i.name, cellValue),
          i.focus.value === null ? MISSING : FOCUS_LABEL[i.focus.value],
          amountCell(i.budget, cellValue),
          amountCell(i.outcome, cellValue),
          i.budgetedParticipants.value === null && i.focus.value === "strukturövergripande"
            ? null
            : amountCell(i.budgetedParticipants, cellValue),
          countCell(i, "kvinna", f.year, options.participantTables),
          countCell(i, "man", f.year, options.participantTables),
        ]),
        summaryRows: [],
      },
      // What is missing, and where it is expected: the sheet says it where the figures are typed from.
      ...(f.issues.length === 0
        ? []
        : [
            {
              name: tableName(`${base}_kontroller`, taken),
              // The message last: a long one runs on to the right of the table, over empty cells.
              columns: [
                { header: "Blad", width: 20 },
                { header: "Cell", width: 13 },
                { header: "Kontroll", width: 28 },
              ],
              rows: f.issues.map((issue) => [issue.sheet, issue.cell, describeIssue(issue, "sv")]),
              summaryRows: [],
            },
          ]),
    ],
  };
}

/** A cell's value from the sheets read, by sheet name and A1 address. */
export function cellValueIn(grids: readonly Grid[]): (sheet: string, cell: string) => CellValue | undefined {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  return (sheet, cell) => {
    const grid = bySheet.get(sheet);
    const at = parseA1(cell);
    if (!grid || !at) return undefined;
    return grid.values[at.row - grid.origin.row]?.[at.col - grid.origin.col] ?? null;
  };
}

/** The tables the planned sheets write converted participant lists with an insats column to, by source sheet. */
export function participantTablesIn(
  planned: readonly OutputSheet[],
  sources: readonly string[],
): Map<string, string> {
  const tables = new Map<string, string>();
  for (const sheet of planned)
    for (const source of sources)
      if (sheet.heading[0] === listHeading(source)) {
        const table = sheet.tables.find((t) => t.columns.some((c) => c.header === INSATS_COLUMN));
        if (table) tables.set(source, table.name);
      }
  return tables;
}

/**
 * The follow-up sheet a conversion of the whole workbook adds, or null when the workbook has no
 * budget with utfall and no insats list. The year: the one asked, else followupYear's.
 */
export function workbookFollowupSheet(
  input: FollowupInput,
  grids: readonly Grid[],
  planned: readonly OutputSheet[],
  taken: Set<string>,
  year?: string,
): OutputSheet | null {
  const chosen = year ?? (hasFollowup(input.tables) ? followupYear(input.tables) : null);
  if (chosen === null) return null;
  const sources = input.participantReadings.flatMap((r) => r.tables.map((t) => t.sheet));
  return followupOutputSheet(computeFollowup(input, chosen), taken, {
    cellValue: cellValueIn(grids),
    participantTables: participantTablesIn(planned, sources),
  });
}
