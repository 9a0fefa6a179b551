/** Figures and times as the pane shows them: sv-SE by default ("1 440 000", "2 dec. 2026 14:05"). */
import { formatNumber } from "../shared/amounts";
import type { Lang } from "../shared/messages";

/** A figure, or a dash where that side has none (or the count was suppressed). */
export const formatAmount = (value: number | null, lang: Lang): string =>
  value === null ? "–" : formatNumber(value, lang);

export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}
