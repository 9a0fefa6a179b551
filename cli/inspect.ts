/** `samsyn inspect` and `samsyn convert`: a workbook through the core, as text, JSON or a new workbook. */
import { formatKr, formatNumber } from "../shared/amounts";
import { SamsynError } from "../shared/failures";
import { hasErrors } from "../shared/issues";
import { describeIssue, type Lang } from "../shared/messages";
import { figureText, KEYED, SCALARS, valueAt } from "../shared/participants/catalogue";
import { periodLabel } from "../shared/period";
import {
  type InspectOptions,
  inspectResult,
  readWorkbook,
  type WorkbookReading,
} from "../shared/read-workbook";
import type { InspectResult, Table } from "../shared/report";
import { workbookFollowupSheet } from "../shared/uppfoljning-sheet";
import { gridsOf, loadWorkbookFile, readWorkbookFile } from "../xlsx/read";
import { writeOutputSheets } from "../xlsx/write";
import { EXIT, type ExitCode, failureOf } from "./failure";

export interface CommandOutput {
  readonly exitCode: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

export async function inspectFile(
  file: string,
  options: InspectOptions & { json?: boolean; lang?: Lang },
): Promise<CommandOutput> {
  return guarded(options.lang ?? "sv", async () => {
    const reading = readWorkbook(await readWorkbookFile(file), options);
    const result = inspectResult(reading, file);
    const stdout = options.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderText(result, reading, options.lang ?? "sv");
    if (reading.tables.length === 0) return { ...noTables(options.lang ?? "sv"), stdout };
    return { exitCode: hasErrors(reading.issues) ? EXIT.invalid : EXIT.ok, stdout, stderr: "" };
  });
}

export async function convertFile(
  file: string,
  out: string,
  options: InspectOptions & { lang?: Lang },
): Promise<CommandOutput> {
  const lang = options.lang ?? "sv";
  return guarded(lang, async () => {
    const workbook = await loadWorkbookFile(file);
    const grids = gridsOf(workbook);
    const reading = readWorkbook(grids, options);
    if (reading.tables.length === 0) return { ...noTables(lang), stdout: "" };
    const sheets = reading.outputSheets(
      workbook.worksheets.map((ws) => ws.name),
      lang,
    );
    // The national follow-up, where the workbook has a budget with utfall or an insats list.
    const taken = new Set([...workbook.worksheets.map((ws) => ws.name), ...sheets.map((s) => s.name)]);
    const followup = workbookFollowupSheet(reading, grids, sheets, taken);
    if (followup) sheets.push(followup);
    writeOutputSheets(workbook, sheets);
    await workbook.xlsx.writeFile(out);
    const errors = reading.issues.filter((i) => i.severity === "error").length;
    const summary =
      lang === "sv"
        ? `Skrev ${out}: ${sheets.length} nya blad, ${reading.tables.length} tabeller, ${reading.issues.length} kontroller slog ut (${errors} fel).`
        : `Wrote ${out}: ${sheets.length} new sheets, ${reading.tables.length} tables, ${reading.issues.length} issues (${errors} errors).`;
    return { exitCode: errors > 0 ? EXIT.invalid : EXIT.ok, stdout: `${summary}\n`, stderr: "" };
  });
}

/** A workbook with nothing Samsyn reads: the text output still says so, and the failure is its one line. */
function noTables(lang: Lang): { exitCode: ExitCode; stderr: string } {
  const { exitCode, line } = failureOf(new SamsynError({ code: "no-tables" }), lang);
  return { exitCode, stderr: `${line}\n` };
}

/** Any failure becomes its one line and exit code: never a stack trace to the user. */
async function guarded(lang: Lang, run: () => Promise<CommandOutput>): Promise<CommandOutput> {
  try {
    return await run();
  } catch (error) {
    const { exitCode, line } = failureOf(error, lang);
    return { exitCode, stdout: "", stderr: `${line}\n` };
  }
}

const WORDS = {
  sv: {
    table: "Tabell",
    periods: "Perioder",
    unit: "Enhet",
    income: "Intäkter",
    cost: "Kostnader",
    surplus: "Över-/underskott",
    budget: "Budget",
    outcome: "Utfall",
    forecast: "Prognos",
    equity: "Eget kapital",
    opening: "ingående",
    result: "årets resultat",
    closing: "utgående",
    issues: "Kontroller",
    none: "Kontrollerna hittade inget.",
    noTables: "Inga tabeller hittades.",
    noFocus: "inriktning saknas",
    budgeted: "budgeterat antal deltagare",
    rows: "rader",
    lines: "rader",
    kind: {
      budget: "budget",
      contributions: "bidrag",
      participants: "deltagare",
      followup: "uppföljning",
      insatser: "insatser",
    },
    section: { income: "intäkt", cost: "kostnad" },
    severity: { error: "fel", warning: "varning", info: "info" },
  },
  en: {
    table: "Table",
    periods: "Periods",
    unit: "Unit",
    income: "Income",
    cost: "Costs",
    surplus: "Surplus/deficit",
    budget: "Budget",
    outcome: "Outcome",
    forecast: "Forecast",
    equity: "Equity",
    opening: "opening",
    result: "the year's result",
    closing: "closing",
    issues: "Issues",
    none: "No issues.",
    noTables: "No tables found.",
    noFocus: "no focus given",
    budgeted: "budgeted participants",
    rows: "rows",
    lines: "lines",
    kind: {
      budget: "budget",
      contributions: "contributions",
      participants: "participants",
      followup: "follow-up",
      insatser: "insatser",
    },
    section: { income: "income", cost: "cost" },
    severity: { error: "error", warning: "warning", info: "info" },
  },
} as const;

function renderText(result: InspectResult, reading: WorkbookReading, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [];
  if (result.tables.length === 0) out.push(w.noTables);
  for (const table of result.tables) out.push(...renderTable(table, lang), "");
  out.push(`${w.issues}:`);
  if (reading.issues.length === 0) out.push(`  ${w.none}`);
  for (const issue of reading.issues) {
    out.push(
      `  ${w.severity[issue.severity].padEnd(7)} ${`${issue.sheet}!${issue.cell ?? ""}`.padEnd(24)} ${describeIssue(issue, lang)}`,
    );
  }
  return `${out.join("\n")}\n`;
}

function renderTable(table: Table, lang: Lang): string[] {
  const w = WORDS[lang];
  const head = `${w.table} ${w.kind[table.kind]} – ${table.sheet}!${table.range}${table.title ? ` – ${table.title}` : ""}`;
  switch (table.kind) {
    case "budget":
      return renderBudget(head, table, lang);
    case "contributions": {
      const lines = [head, `  ${w.periods}: ${table.periods.join(", ")}   ${w.unit}: ${table.unit}`];
      for (const line of table.lines) {
        const amounts = table.periods.map((p) => formatKr(line.amounts[p] ?? 0, lang).padStart(16)).join("");
        lines.push(
          `  ${line.cell.padEnd(6)} ${line.member.padEnd(12)} ${line.label.slice(0, 40).padEnd(40)}${amounts}`,
        );
      }
      return lines;
    }
    case "participants": {
      // Every key figure of the catalogue, under its one name, rounded as the pane and the page round it.
      const k = table.keyFigures;
      const number = (v: number) => formatNumber(v, lang);
      return [
        head,
        `  ${table.rows} ${w.rows}, period ${periodLabel(table.period, lang)}`,
        ...SCALARS.map((c) => `  ${c.label[lang]}: ${figureText(c.kind, valueAt<number>(k, c), number)}`),
        ...KEYED.map(
          ({ field, figure }) =>
            `  ${figure.label[lang]}: ${Object.entries(k[field])
              .map(([key, n]) => `${figure.breakdown?.keyLabel(key, lang) ?? key} ${number(n)}`)
              .join(", ")}`,
        ),
      ];
    }
    case "followup":
      return [head, `  ${table.columns.join(" | ")}   (${table.rows.length} ${w.lines})`];
    case "insatser":
      return [
        head,
        ...table.insatser.map((i) =>
          `  ${i.cell.padEnd(6)} ${i.name.slice(0, 40).padEnd(40)} ${(i.focus ?? w.noFocus).padEnd(20)} ${
            i.budgetedParticipants === null
              ? ""
              : `${w.budgeted}: ${formatNumber(i.budgetedParticipants, lang)}`
          }`.trimEnd(),
        ),
      ];
  }
}

/**
 * A budget table: each line with its budget by period, and where the table has them the utfall
 * and prognos beside it (a column heading over the amounts says which is which), the totals of
 * each, and eget kapital by period.
 */
function renderBudget(head: string, table: Table & { kind: "budget" }, lang: Lang): string[] {
  const w = WORDS[lang];
  const budget = table.periods.map((p) => ({ of: "amounts" as const, totals: table.totals, key: p }));
  const outcome = table.outcomeTotals
    ? Object.keys(table.outcomeTotals.income).map((p) => ({
        of: "outcomes" as const,
        totals: table.outcomeTotals!,
        key: p,
      }))
    : [];
  const forecast = table.forecastTotals
    ? Object.keys(table.forecastTotals.income).map((p) => ({
        of: "forecasts" as const,
        totals: table.forecastTotals!,
        key: p,
      }))
    : [];
  const columns = [...budget, ...outcome, ...forecast];
  const lines = [head, `  ${w.periods}: ${table.periods.join(", ")}   ${w.unit}: ${table.unit}`];
  if (outcome.length + forecast.length > 0) {
    const title = (c: (typeof columns)[number]) =>
      `${c.of === "amounts" ? w.budget : c.of === "outcomes" ? w.outcome : w.forecast} ${periodLabel(c.key, lang)}`;
    lines.push(`  ${"".padEnd(82)}${columns.map((c) => title(c).padStart(16)).join("")}`);
  }
  for (const line of table.lines) {
    const amounts = columns.map((c) => formatKr(line[c.of]?.[c.key] ?? 0, lang).padStart(16)).join("");
    lines.push(
      `  ${line.cell.padEnd(6)} ${w.section[line.section].padEnd(7)} ${line.group.padEnd(26)} ${line.label.slice(0, 40).padEnd(40)}${amounts}`,
    );
  }
  for (const [key, label] of [
    ["income", w.income],
    ["cost", w.cost],
    ["surplus", w.surplus],
  ] as const) {
    const amounts = columns.map((c) => formatKr(c.totals[key][c.key] ?? 0, lang).padStart(16)).join("");
    lines.push(`  ${"".padEnd(42)}${label.padEnd(40)}${amounts}`);
  }
  for (const [period, e] of Object.entries(table.equity ?? {})) {
    const part = (word: string, v: number | null) => (v === null ? [] : [`${word} ${formatKr(v, lang)}`]);
    lines.push(
      `  ${w.equity} ${periodLabel(period, lang)}: ${[
        ...part(w.opening, e.opening),
        ...part(w.result, e.result),
        ...part(w.closing, e.closing),
      ].join(", ")}`,
    );
  }
  return lines;
}

/** Writes a command's output and sets its exit code. */
export function emit(output: CommandOutput): void {
  if (output.stdout) process.stdout.write(output.stdout);
  if (output.stderr) process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
}
