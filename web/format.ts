/** How the page writes figures: sv-SE by default ("1 234 567", "12,5 %"); amounts and times as the task pane writes them. */
import { formatPercent } from "../shared/amounts";
import type { Lang } from "../shared/messages";

export { formatAmount, formatDateTime } from "../ui/format";

/** A share (0.125) as a percentage, or a dash where it is not known. */
export const formatShare = (value: number | null, lang: Lang): string =>
  value === null ? "–" : formatPercent(value, lang);
