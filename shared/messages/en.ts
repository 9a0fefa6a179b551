/** English: issue messages. */
import { formatKr, formatNumber } from "../amounts";
import type { MessageTemplates } from "./types";

const at = (cell: string | null) => (cell ? ` (${cell})` : "");
const member = {
  staten: "The state (Försäkringskassan)",
  regionen: "The region",
  kommunerna: "The municipalities",
} as const;

export const en: MessageTemplates = {
  "no-table": (i) => `No table was found on sheet "${i.sheet}".`,
  "formula-error": (i) => `Cell${at(i.cell)} holds the error value ${i.text}.`,
  "unit-assumed": (i) => `No unit given; amounts are read as ${i.unit}.`,
  "line-unclassified": (i) =>
    `Line "${i.label}"${at(i.cell)} could not be classified for sure; it counts as ${i.guess}.`,
  "costs-negative": (i) =>
    `The costs are written as negative amounts${at(i.cell)}; they are read as costs, without the minus sign.`,
  "line-not-counted": (i) =>
    `Line "${i.label}"${at(i.cell)} counts as neither income nor cost: it is part of another line, or a count.`,
  "group-combined": (i) =>
    `Line "${i.label}"${at(i.cell)} names more than one cost group; it counts as ${i.group} (not ${i.others.join(" or ")}).`,
  "amount-as-text": (i) =>
    `The amount${at(i.cell)} is typed as text ("${i.text}"); it was read as ${formatNumber(i.value, "en")}.`,
  "amount-unreadable": (i) => `The amount${at(i.cell)} cannot be read: "${i.text}".`,
  "amount-per-period": (i) =>
    `The amount${at(i.cell)} is per ${i.per} ("${i.text}"); it counts as written, not converted.`,
  "total-mismatch": (i) =>
    `The total "${i.label}"${at(i.cell)} for ${i.period} is ${formatKr(i.stated, "en")} but the lines add up to ${formatKr(i.computed, "en")}.`,
  "surplus-mismatch": (i) =>
    `The result "${i.label}"${at(i.cell)} for ${i.period} is ${formatKr(i.stated, "en")} but income minus costs is ${formatKr(i.computed, "en")}.`,
  "contribution-split": (i) =>
    `${member[i.member]}'s contribution${at(i.cell)} for ${i.period} is ${formatKr(i.amount, "en")}; the law's split gives ${formatKr(i.expected, "en")}.`,
  "id-invalid": (i) => `"${i.text}"${at(i.cell)} is not a valid personal or coordination number.`,
  "id-checksum": (i) => `The check digit of "${i.text}"${at(i.cell)} is wrong.`,
  "date-invalid": (i) => `${i.field}${at(i.cell)} is not a valid date: "${i.text}".`,
  "date-order": (i) => `End date ${i.end}${at(i.cell)} is before start date ${i.start}.`,
  "stay-over-limit": (i) =>
    i.beyondExtension
      ? `The stay${at(i.cell)} is ${i.days} days, beyond the limit of ${i.limitDays} days even with an extension.`
      : `The stay${at(i.cell)} is ${i.days} days, over the limit of ${i.limitDays} days; an extension needs the steering group's decision.`,
  "age-outside-target": (i) =>
    `Age at enrolment${at(i.cell)} is ${i.age}, outside the target group ${i.min}–${i.max}.`,
  "field-missing": (i) => `${i.field} is missing${at(i.cell)}.`,
  "duplicate-enrolment": (i) =>
    `The same person is enrolled twice at once${at(i.cell)}; see also ${i.otherCell}.`,
  "code-unknown": (i) => `Unknown value in ${i.field}${at(i.cell)}: "${i.text}".`,
  "breakdown-mismatch": (i) =>
    `The total "${i.label}"${at(i.cell)} is ${formatNumber(i.stated, "en")} but its parts add up to ${formatNumber(i.computed, "en")}.`,
  "value-out-of-range": (i) =>
    `${i.field}${at(i.cell)} is ${formatNumber(i.value, "en")}, outside the scale ${formatNumber(i.min, "en")}–${formatNumber(i.max, "en")}.`,
};
