/**
 * `samsyn uppfoljning FILE --year YYYY`: what the förbundsadministratör enters in Uppföljning
 * Finsam, in the order the national system asks, each figure with the cells it came from.
 */
import { formatKr, formatNumber } from "../shared/amounts";
import { SamsynError } from "../shared/failures";
import { hasErrors } from "../shared/issues";
import { describeIssue, type Lang } from "../shared/messages";
import { isPeriodYear } from "../shared/period";
import { issueToJson, readWorkbook } from "../shared/read-workbook";
import { computeFollowup, type Figure, type Followup, followupJson, sourceText } from "../shared/uppfoljning";
import { readWorkbookFile } from "../xlsx/read";
import { EXIT, failureOf } from "./failure";
import type { CommandOutput } from "./inspect";

/** The year as given: four digits within the years a period may name, else the usage failure in both languages. */
export function yearOf(text: string): string {
  const t = text.trim();
  if (!/^\d{4}$/.test(t) || !isPeriodYear(Number(t)))
    throw new SamsynError({ code: "invalid-period", text, expected: "year" });
  return t;
}

export async function uppfoljningFile(
  file: string,
  options: { year: string; json?: boolean; lang?: Lang },
): Promise<CommandOutput> {
  const lang = options.lang ?? "sv";
  try {
    const year = yearOf(options.year);
    const reading = readWorkbook(await readWorkbookFile(file), { sourceColumns: true });
    if (reading.tables.length === 0) {
      const { exitCode, line } = failureOf(new SamsynError({ code: "no-tables" }), lang);
      return { exitCode, stdout: "", stderr: `${line}\n` };
    }
    const followup = computeFollowup(reading, year);
    const stdout = options.json
      ? `${JSON.stringify(followupJson(followup, followup.issues.map(issueToJson)), null, 2)}\n`
      : renderFollowup(followup, lang);
    return { exitCode: hasErrors(followup.issues) ? EXIT.invalid : EXIT.ok, stdout, stderr: "" };
  } catch (error) {
    const { exitCode, line } = failureOf(error, lang);
    return { exitCode, stdout: "", stderr: `${line}\n` };
  }
}

const WORDS = {
  sv: {
    title: (year: string) => `Uppföljning Finsam ${year}`,
    allocated: "Tilldelade medel",
    equity: "Eget kapital",
    administration: "Förbundets administration",
    insatser: "Insatser",
    budget: "Budget",
    outcome: "Utfall",
    opening: "Ingående",
    closing: "Utgående",
    focus: "Inriktning",
    planned: "Budgeterat antal deltagare",
    participants: (year: string) => `Deltagare ${year}`,
    byKon: (k: number, m: number) => `kvinnor ${k}, män ${m}`,
    structural: "räknas inte per kön (strukturövergripande)",
    rows: (sheet: string, n: number) => `${sheet}, ${n} rader`,
    missing: "saknas",
    issues: "Kontroller",
    none: "Kontrollerna hittade inget.",
    severity: { error: "fel", warning: "varning", info: "info" },
  },
  en: {
    title: (year: string) => `Uppföljning Finsam (national follow-up) ${year}`,
    allocated: "Allocated funds",
    equity: "Equity",
    administration: "The association's administration",
    insatser: "Insatser",
    budget: "Budget",
    outcome: "Outcome",
    opening: "Opening",
    closing: "Closing",
    focus: "Focus",
    planned: "Budgeted participants",
    participants: (year: string) => `Participants ${year}`,
    byKon: (k: number, m: number) => `women ${k}, men ${m}`,
    structural: "not counted by sex (strukturövergripande)",
    rows: (sheet: string, n: number) => `${sheet}, ${n} rows`,
    missing: "missing",
    issues: "Issues",
    none: "No issues.",
    severity: { error: "error", warning: "warning", info: "info" },
  },
} as const;

/** The follow-up as text: one figure a line, its value, and where it came from. */
export function renderFollowup(f: Followup, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [w.title(f.year), ""];
  const line = (indent: string, label: string, value: string | null, source: string | null) =>
    `${indent}${label.padEnd(30 - indent.length)} ${(value ?? w.missing).padEnd(26)} ${source ?? ""}`.trimEnd();
  const kr = (fig: Figure<number>) => (fig.value === null ? null : formatKr(fig.value, lang));
  const figure = (label: string, fig: Figure<number>) => line("  ", label, kr(fig), sourceText(fig.source));
  out.push(w.allocated, figure(w.budget, f.allocated.budget), figure(w.outcome, f.allocated.outcome));
  out.push(w.equity, figure(w.opening, f.equity.opening), figure(w.closing, f.equity.closing));
  out.push(
    w.administration,
    figure(w.budget, f.administration.budget),
    figure(w.outcome, f.administration.outcome),
  );
  out.push(w.insatser);
  for (const i of f.insatser) {
    out.push(`  ${i.name.value}${i.name.source ? ` (${sourceText(i.name.source)})` : ""}`);
    out.push(line("    ", w.focus, i.focus.value, sourceText(i.focus.source)));
    out.push(line("    ", w.budget, kr(i.budget), sourceText(i.budget.source)));
    out.push(line("    ", w.outcome, kr(i.outcome), sourceText(i.outcome.source)));
    const planned = i.budgetedParticipants.value;
    out.push(
      line(
        "    ",
        w.planned,
        planned === null
          ? i.focus.value === "strukturövergripande"
            ? ""
            : null
          : formatNumber(planned, lang),
        sourceText(i.budgetedParticipants.source),
      ),
    );
    const p = i.participants.value;
    const rows = i.participantSources.map((s) => w.rows(s.sheet, s.participants.length)).join(", ");
    out.push(
      line(
        "    ",
        w.participants(f.year),
        i.focus.value === "strukturövergripande"
          ? w.structural
          : p === null
            ? null
            : w.byKon(p.kvinna, p.man),
        rows || null,
      ),
    );
  }
  out.push("", `${w.issues}:`);
  if (f.issues.length === 0) out.push(`  ${w.none}`);
  for (const issue of f.issues)
    out.push(
      `  ${w.severity[issue.severity].padEnd(7)} ${`${issue.sheet}!${issue.cell ?? ""}`.padEnd(24)} ${describeIssue(issue, lang)}`,
    );
  return `${out.join("\n")}\n`;
}
