/**
 * Merged views for the network sheet's tests and the bench, built with the core's merge() from
 * real reports: the fixtures read as `samsyn push` reads them, and generated ones like them
 * (budgets scaled from the fixtures' budgets, participant lists of many sizes, so that small
 * counts are suppressed).
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import {
  coveredYears,
  type MergeAssociation,
  type MergedBudget,
  type MergedParticipants,
  type MergeReport,
  merge,
} from "../../shared/merge";
import { type PushableReport, pushableReports } from "../../shared/push";
import { readWorkbook } from "../../shared/read-workbook";
import type { BudgetReport, ParticipantsReport } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";
import { participantList } from "./generate";

const FIXTURES = resolve("../shared/fixtures");

let fixtures: Promise<PushableReport[]> | null = null;

/** Every report the fixtures give, as `samsyn push` would send them. */
export function fixtureReports(): Promise<PushableReport[]> {
  fixtures ??= (async () => {
    const out: PushableReport[] = [];
    for (const file of readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()) {
      const reading = readWorkbook(await readWorkbookFile(resolve(FIXTURES, file)));
      out.push(...pushableReports(reading, { source: file }));
    }
    return out;
  })();
  return fixtures;
}

/** Names as associations have them, and a few that would run as formulas if written raw. */
const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+46 Nora", "-Lerum", "@Ale"];
export const associationName = (i: number): string =>
  i % 9 === 4 ? HOSTILE[Math.floor(i / 9) % HOSTILE.length]! : `Samordningsförbundet ${i + 1}`;

const filed = (associationId: string, period: string, report: MergeReport["report"]): MergeReport => ({
  associationId,
  period,
  revision: 1,
  createdAt: "2010-01-15T00:00:00Z",
  report,
});

function scaled(report: BudgetReport, factor: number): BudgetReport {
  const scale = (amounts: Record<string, number>) =>
    Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, Math.round(v * factor)]));
  return { ...report, lines: report.lines.map((l) => ({ ...l, amounts: scale(l.amounts) })) };
}

/**
 * The budgets of `count` associations for 2009: the two fixture budgets (Ale's plan 2008, which
 * answers for 2009, and Infosamverkan's 2009) scaled up and down; every tenth has no report.
 */
export async function budgetView(count: number): Promise<MergedBudget> {
  // Those that answer for 2009: a fixture of another year (Sydost's 2023) would leave its rows without a report.
  const budgets = (await fixtureReports()).flatMap((r) =>
    r.report.kind === "budget" && coveredYears(r.report).includes("2009") ? [r] : [],
  );
  const associations: MergeAssociation[] = [];
  const reports: MergeReport[] = [];
  for (let i = 0; i < count; i++) {
    const id = `a${i}`;
    associations.push({ id, name: associationName(i) });
    if (i % 10 === 9) continue;
    const base = budgets[i % budgets.length]!;
    reports.push(filed(id, base.period, scaled(base.report as BudgetReport, 0.5 + (i % 7) / 4)));
  }
  return merge({ kind: "budget", period: "2009", associations, reports });
}

const listReports = new Map<number, ParticipantsReport>();

/** The shareable 2014 report of a generated list of `rows` participants (threshold 5). */
function listReport(rows: number): ParticipantsReport {
  let report = listReports.get(rows);
  if (!report) {
    const grid = participantList(rows);
    const found = pushableReports(readWorkbook([grid])).find(
      (r) => r.kind === "participants" && r.period === "2014",
    );
    report = found!.report as ParticipantsReport;
    listReports.set(rows, report);
  }
  return report;
}

/**
 * The participants of `count` associations for 2014: the first one the fixture's
 * Samverkansteamet, the rest generated lists of 6 to 60 participants; every tenth has no report.
 */
export async function participantsView(count: number): Promise<MergedParticipants> {
  const fixture = (await fixtureReports()).find((r) => r.kind === "participants" && r.period === "2014")!;
  const associations: MergeAssociation[] = [];
  const reports: MergeReport[] = [];
  for (let i = 0; i < count; i++) {
    const id = `a${i}`;
    associations.push({ id, name: associationName(i) });
    if (i % 10 === 9) continue;
    reports.push(filed(id, "2014", i === 0 ? fixture.report : listReport(6 + ((i * 13) % 55))));
  }
  return merge({ kind: "participants", period: "2014", associations, reports });
}
