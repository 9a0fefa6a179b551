/**
 * A revision diff's entries in words: the key of a budget line ("income|Medlemsbidrag") or of
 * a key figure ("byKon.kvinna") as the page names it, and a value as figures by period.
 */
import type { Lang } from "../shared/messages";
import { formatAmount, formatShare } from "./format";
import type { PageStrings } from "./strings";

const FIGURES = [
  "participants",
  "new",
  "closed",
  "closedToWorkOrStudies",
  "shareClosedToWorkOrStudies",
  "averageStayDays",
  "staysOverLimit",
] as const;

export function describeDiffKey(key: string, strings: PageStrings): string {
  const line = /^(income|cost)\|(.*?)(?:#(\d+))?$/.exec(key);
  if (line) {
    const section = strings.history.sections[line[1] as "income" | "cost"];
    return `${section}: ${line[2]}${line[3] ? ` (${line[3]})` : ""}`;
  }
  const c = strings.comparison;
  const figure = FIGURES.find((f) => f === key);
  if (figure) return c[figure];
  if (key === "byKon.kvinna") return c.kvinna;
  if (key === "byKon.man") return c.man;
  const [group, ...rest] = key.split(".");
  if (group === "byHemkommun") return strings.history.byHemkommun(rest.join("."));
  if (group === "byAgeBand") return strings.history.byAgeBand(rest.join("."));
  return key;
}

function isLine(value: unknown): value is { group?: string; amounts?: Record<string, number> } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function describeDiffValue(key: string, value: unknown, strings: PageStrings, lang: Lang): string {
  if (value === null || value === undefined)
    return /^(income|cost)\|/.test(key) ? "–" : strings.comparison.suppressed;
  if (typeof value === "number")
    return key === "shareClosedToWorkOrStudies" ? formatShare(value, lang) : formatAmount(value, lang);
  if (isLine(value)) {
    const amounts = Object.entries(value.amounts ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, amount]) => `${period}: ${formatAmount(amount, lang)}`);
    return [...amounts, ...(value.group ? [strings.history.group(value.group)] : [])].join(" · ");
  }
  return String(value);
}
