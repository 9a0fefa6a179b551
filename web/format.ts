/** How the page writes figures: sv-SE by default ("1 234 567", "12,5 %"); amounts and times as the task pane writes them. */
import type { Lang } from "../shared/messages";

export { formatAmount, formatDateTime } from "../ui/format";

const PERCENT: Readonly<Record<Lang, Intl.NumberFormat>> = {
  sv: new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

/** A share (0.125) as a percentage, or a dash where it is not known. */
export const formatShare = (value: number | null, lang: Lang): string =>
  value === null ? "–" : PERCENT[lang].format(value);
