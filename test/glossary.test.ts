/**
 * Swedish throughout (docs/ordlista.md): every Swedish text a user reads — the pane's and the
 * page's string tables, every failure and issue message with real values — holds none of the
 * glossary's forbidden words. The rendered views are read in the browser tests (test/web/page.test.ts,
 * test/addin/taskpane.test.ts) against the same list.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sv as pane } from "../addin/ui/strings/sv";
import { PAGE_STRINGS } from "../playground/page/strings";
import { formatKr, formatNumber, formatPercent } from "../shared/amounts";
import type { IssueCode, IssueOf } from "../shared/issues";
import { describeFailure, describeIssue } from "../shared/messages";
import { readWorkbook } from "../shared/read-workbook";
import { keyName } from "../shared/sync";
import { sv as page } from "../web/strings/sv";
import { readWorkbookFile } from "../xlsx/read";
import { FIXTURES, fixture } from "./support/cli";
import { SAMPLES } from "./support/failure-samples";
import { forbiddenIn } from "./support/glossary";

const at = { severity: "error", sheet: "Budget", cell: "C21" } as const;
/** One issue of every code: a code without a sample does not compile. */
const ISSUES: { readonly [C in IssueCode]: IssueOf<C> } = {
  "no-table": { ...at, code: "no-table" },
  "formula-error": { ...at, code: "formula-error", text: "#REF!" },
  "unit-assumed": { ...at, code: "unit-assumed", unit: "kr" },
  "line-unclassified": { ...at, code: "line-unclassified", label: "Diverse", guess: "cost" },
  "line-not-counted": { ...at, code: "line-not-counted", label: "varav lön" },
  "costs-negative": { ...at, code: "costs-negative" },
  "group-combined": {
    ...at,
    code: "group-combined",
    label: "Styrelse och revision",
    group: "styrelse",
    others: ["revision"],
  },
  "amount-as-text": { ...at, code: "amount-as-text", text: "1 440 000 kr", value: 1440000 },
  "amount-unreadable": { ...at, code: "amount-unreadable", text: "ca 5 milj" },
  "amount-per-period": { ...at, code: "amount-per-period", text: "25 tkr/6 mån", per: "6 mån" },
  "total-mismatch": {
    ...at,
    code: "total-mismatch",
    label: "Summa kostnader",
    period: "2008",
    stated: 1440000,
    computed: 1450000,
  },
  "surplus-mismatch": {
    ...at,
    code: "surplus-mismatch",
    label: "Över-/underskott",
    period: "2008",
    stated: 79,
    computed: 80,
  },
  "deviation-mismatch": {
    ...at,
    code: "deviation-mismatch",
    label: "Jobbcoacher",
    period: "2023-H1",
    stated: -59_000,
    computed: -59_900,
    reversed: false,
  },
  "deviation-reversed": { ...at, code: "deviation-reversed", period: "2023" },
  "deviation-unpaired": { ...at, code: "deviation-unpaired", label: "Avvikelse 2023" },
  "equity-mismatch": {
    ...at,
    code: "equity-mismatch",
    label: "Utgående eget kapital",
    period: "2023",
    stated: 2_794_000,
    computed: 2_794_195,
  },
  "contribution-split": {
    ...at,
    code: "contribution-split",
    member: "regionen",
    period: "2008",
    amount: 300000,
    expected: 350000,
  },
  "id-invalid": { ...at, code: "id-invalid", text: "19121212" },
  "id-checksum": { ...at, code: "id-checksum", text: "19121212-1213" },
  "date-invalid": { ...at, code: "date-invalid", field: "Inskrivningsdatum", text: "31/2" },
  "date-order": { ...at, code: "date-order", start: "2014-03-01", end: "2014-02-01" },
  "stay-over-limit": { ...at, code: "stay-over-limit", days: 600, limitDays: 365, beyondExtension: true },
  "age-outside-target": { ...at, code: "age-outside-target", age: 31, min: 18, max: 29 },
  "field-missing": { ...at, code: "field-missing", field: "Kön" },
  "duplicate-enrolment": { ...at, code: "duplicate-enrolment", otherCell: "A9" },
  "code-unknown": { ...at, code: "code-unknown", field: "Avslutsorsak", text: "x" },
  "breakdown-mismatch": { ...at, code: "breakdown-mismatch", label: "Totalt", stated: 12, computed: 11 },
  "count-mismatch": { ...at, code: "count-mismatch", label: "Antal", stated: 64, counted: 63, counts: "all" },
  "value-out-of-range": { ...at, code: "value-out-of-range", field: "Nöjdhet", value: 11, min: 1, max: 10 },
  "followup-missing": {
    ...at,
    code: "followup-missing",
    figure: "allocated-outcome",
    year: "2023",
    insats: "Jobbcoacher",
  },
  "insats-unmatched": {
    ...at,
    code: "insats-unmatched",
    name: "Jobbcoacher",
    missingFrom: "budget",
    foundIn: "list",
  },
};

/** Every text of a string table by its path; a function is called with sample values. */
function texts(table: unknown, path = ""): [string, string][] {
  if (typeof table === "string") return [[path, table]];
  if (typeof table === "function") {
    const args = Array.from({ length: table.length }, () => "2014");
    return [[path, String((table as (...a: string[]) => unknown)(...args))]];
  }
  if (table && typeof table === "object")
    return Object.entries(table).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
  return [];
}

/** What a text says beyond the values put into it: the words are the template's. */
const withoutValues = (text: string, failure: object) =>
  Object.values(failure)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === "string" && v.length > 1)
    .reduce((t, v) => t.split(v).join("…"), text);

const offences = (entries: readonly (readonly [string, string])[]) =>
  entries.flatMap(([where, text]) => forbiddenIn(text).map((f) => `${where}: ${f}`));

describe("When a Swedish user reads Samsyn's words", () => {
  it("then the task pane's texts hold none of the glossary's forbidden words", () => {
    expect(offences(texts(pane))).toEqual([]);
  });

  it("then the network page's texts hold none of them (Revision, the cost group, is no version)", () => {
    const all = texts(page);
    expect(all.find(([p]) => p === "groups.revision")?.[1]).toBe("Revision");
    expect(offences(all)).toEqual([]);
  });

  it("then the playground's own texts hold none of them", () => {
    expect(offences(texts(PAGE_STRINGS.sv))).toEqual([]);
  });

  it("then no failure message holds them, whatever the failure", () => {
    // The command line's own errors name its commands and options: that is how they are typed.
    const cli = new Set(["invalid-usage", "cannot-listen"]);
    const entries = Object.values(SAMPLES)
      .filter((f) => !cli.has(f.code))
      .map((f) => [f.code, withoutValues(describeFailure(f, "sv"), f)] as const);
    expect(offences(entries)).toEqual([]);
  });

  it("then no issue message holds them, whatever the issue, nor any found in the real workbooks", async () => {
    const entries: [string, string][] = Object.values(ISSUES).map((i) => [
      i.code,
      withoutValues(describeIssue(i, "sv"), i),
    ]);
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"))) {
      const reading = readWorkbook(await readWorkbookFile(fixture(file)));
      for (const issue of reading.issues) entries.push([`${file} ${issue.code}`, describeIssue(issue, "sv")]);
    }
    expect(offences(entries)).toEqual([]);
  });

  it("then the list of forbidden words catches what the issue named", () => {
    for (const bad of [
      "rev. 3",
      "Revisioner av Budget 2008",
      "skickad som revision 1",
      "Skickad av nyckel e5e145b260ff",
      "skicka en giltig token i Authorization: Bearer …",
      "Förbundets id (samsyn push --association)",
      "starta den (npm start)",
      "exceljs, som skriver filen, kan inte skriva diagram",
      "Inga anmärkningar.",
      "Samsyn – kontroller / checks",
    ])
      expect(forbiddenIn(bad), bad).not.toEqual([]);
    expect(forbiddenIn("Revision")).toEqual([]);
  });
});

describe("When Samsyn names a key, writes a number or the checks sheet", () => {
  it("then a key is named by its label, or as a key without a name and the day it was made, never by its id", () => {
    expect([
      keyName({ label: "Ekonomi, Annas dator", createdAt: "2026-12-06T10:00:00Z" }),
      keyName({ label: null, createdAt: "2026-12-06T10:00:00Z" }),
      keyName({ label: null, createdAt: "2026-12-06T10:00:00Z" }, "en"),
      keyName({ label: null }),
    ]).toEqual([
      "Ekonomi, Annas dator",
      "nyckel utan namn, skapad 6 dec 2026",
      "unnamed key, created 6 Dec 2026",
      "nyckel utan namn",
    ]);
  });

  it("then a span of years in a message takes an en dash", () => {
    const total = { ...ISSUES["total-mismatch"], period: "2015-2016" };
    expect([describeIssue(total, "sv"), describeIssue(total, "en")].map((t) => /2015–2016/.test(t))).toEqual([
      true,
      true,
    ]);
  });

  it("then the spaces in a number and before its unit do not break", () => {
    expect([
      formatNumber(-1440000.5),
      formatKr(1440000),
      formatPercent(0.125),
      formatKr(1440000, "en"),
    ]).toEqual(["−1\u00a0440\u00a0000,5", "1\u00a0440\u00a0000\u00a0kr", "12,5\u00a0%", "1,440,000\u00a0kr"]);
  });

  it("then the checks sheet is in Swedish only, and in English only when asked", async () => {
    const reading = readWorkbook(
      await readWorkbookFile(fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx")),
    );
    expect(reading.issues.length).toBeGreaterThan(0);
    const checks = (lang?: "en") => {
      const sheet = reading.outputSheets([], lang).find((s) => s.name === "Samsyn kontroller")!;
      const table = sheet.tables[0]!;
      return [sheet.heading, table.columns.map((c) => c.header), table.rows[0]![0], table.rows[0]!.at(-1)];
    };
    const first = reading.issues[0]!;
    expect(checks()).toEqual([
      ["Samsyn – kontroller"],
      ["Allvarlighet", "Kod", "Blad", "Cell", "Meddelande"],
      { error: "Fel", warning: "Varning", info: "Info" }[first.severity],
      describeIssue(first, "sv"),
    ]);
    expect(checks("en")).toEqual([
      ["Samsyn – checks"],
      ["Severity", "Code", "Sheet", "Cell", "Message"],
      { error: "Error", warning: "Warning", info: "Info" }[first.severity],
      describeIssue(first, "en"),
    ]);
  });
});
