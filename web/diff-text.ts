/**
 * A revision diff's entries in words: the key of a budget line ("income|Medlemsbidrag") or of
 * a key figure ("byKon.kvinna") by its name in the catalogue, and a value as figures by period.
 */
import type { Lang } from "../shared/messages";
import { figureKind, figureLabel, shownValue } from "../shared/participants/catalogue";
import { formatAmount, formatShare } from "./format";
import type { PageStrings } from "./strings";

export function describeDiffKey(key: string, strings: PageStrings): string {
  const line = /^(income|cost)\|(.*?)(?:#(\d+))?$/.exec(key);
  if (line) {
    const section = strings.history.sections[line[1] as "income" | "cost"];
    return `${section}: ${line[2]}${line[3] ? ` (${line[3]})` : ""}`;
  }
  // A key figure by its one name in the catalogue: "Kvinnor", "Hemkommun: Nora".
  return figureLabel(key, strings.lang) ?? key;
}

function isLine(value: unknown): value is { group?: string; amounts?: Record<string, number> } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function describeDiffValue(key: string, value: unknown, strings: PageStrings, lang: Lang): string {
  if (value === null || value === undefined)
    return /^(income|cost)\|/.test(key) ? "–" : strings.comparison.suppressed;
  if (typeof value === "number") {
    const kind = figureKind(key);
    if (kind === "share") return formatShare(value, lang);
    return formatAmount(kind === null ? value : shownValue(kind, value), lang);
  }
  if (isLine(value)) {
    const amounts = Object.entries(value.amounts ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, amount]) => `${period}: ${formatAmount(amount, lang)}`);
    return [...amounts, ...(value.group ? [strings.history.group(value.group)] : [])].join(" · ");
  }
  return String(value);
}
