/** Svenska: issue messages. Numbers the sv-SE way ("1 440 000 kr"). */
import { formatKr, formatNumber } from "../amounts";
import type { MessageTemplates } from "./types";

const at = (cell: string | null) => (cell ? ` (${cell})` : "");
const side = { income: "intäkt", cost: "kostnad" } as const;
const member = {
  staten: "Staten (Försäkringskassan)",
  regionen: "Regionen",
  kommunerna: "Kommunerna",
} as const;

export const sv: MessageTemplates = {
  "no-table": (i) => `Ingen tabell hittades på bladet ”${i.sheet}”.`,
  "formula-error": (i) => `Cellen${at(i.cell)} innehåller felvärdet ${i.text}.`,
  "unit-assumed": (i) => `Ingen enhet angiven; beloppen läses som ${i.unit}.`,
  "line-unclassified": (i) =>
    `Raden ”${i.label}”${at(i.cell)} kunde inte avgöras säkert; den räknas som ${side[i.guess]}.`,
  "costs-negative": (i) =>
    `Kostnaderna är skrivna som negativa belopp${at(i.cell)}; de läses som kostnader, utan minustecken.`,
  "line-not-counted": (i) =>
    `Raden ”${i.label}”${at(i.cell)} räknas varken som intäkt eller kostnad: den är en del av en annan rad eller ett antal.`,
  "group-combined": (i) =>
    `Raden ”${i.label}”${at(i.cell)} nämner flera kostnadsgrupper; den räknas som ${i.group} (inte ${i.others.join(" eller ")}).`,
  "amount-as-text": (i) =>
    `Beloppet${at(i.cell)} är skrivet som text (”${i.text}”); det lästes som ${formatNumber(i.value)}.`,
  "amount-unreadable": (i) => `Beloppet${at(i.cell)} går inte att läsa: ”${i.text}”.`,
  "amount-per-period": (i) =>
    `Beloppet${at(i.cell)} gäller per ${i.per} (”${i.text}”); det räknas som det står, utan omräkning.`,
  "total-mismatch": (i) =>
    `Summan ”${i.label}”${at(i.cell)} för ${i.period} är ${formatKr(i.stated)} men raderna ger ${formatKr(i.computed)}.`,
  "surplus-mismatch": (i) =>
    `Resultatet ”${i.label}”${at(i.cell)} för ${i.period} är ${formatKr(i.stated)} men intäkter minus kostnader ger ${formatKr(i.computed)}.`,
  "contribution-split": (i) =>
    `${member[i.member]}s bidrag${at(i.cell)} för ${i.period} är ${formatKr(i.amount)}; enligt lagens fördelning ska det vara ${formatKr(i.expected)}.`,
  "id-invalid": (i) => `”${i.text}”${at(i.cell)} är inget giltigt person- eller samordningsnummer.`,
  "id-checksum": (i) => `Kontrollsiffran stämmer inte i ”${i.text}”${at(i.cell)}.`,
  "date-invalid": (i) => `${i.field}${at(i.cell)} är inget giltigt datum: ”${i.text}”.`,
  "date-order": (i) => `Avslutsdatum ${i.end}${at(i.cell)} ligger före inskrivningsdatum ${i.start}.`,
  "stay-over-limit": (i) =>
    i.beyondExtension
      ? `Insatstiden${at(i.cell)} är ${i.days} dagar, längre än gränsen ${i.limitDays} dagar även med förlängning.`
      : `Insatstiden${at(i.cell)} är ${i.days} dagar, över gränsen ${i.limitDays} dagar; förlängning kräver beslut av styrgruppen.`,
  "age-outside-target": (i) =>
    `Åldern vid inskrivning${at(i.cell)} är ${i.age} år, utanför målgruppen ${i.min}–${i.max} år.`,
  "field-missing": (i) => `${i.field} saknas${at(i.cell)}.`,
  "duplicate-enrolment": (i) =>
    `Samma person är inskriven två gånger samtidigt${at(i.cell)}; se även ${i.otherCell}.`,
  "code-unknown": (i) => `Okänt värde i ${i.field}${at(i.cell)}: ”${i.text}”.`,
  "breakdown-mismatch": (i) =>
    `Totalen ”${i.label}”${at(i.cell)} är ${formatNumber(i.stated)} men delarna ger ${formatNumber(i.computed)}.`,
  "value-out-of-range": (i) =>
    `${i.field}${at(i.cell)} är ${formatNumber(i.value)}, utanför skalan ${formatNumber(i.min)}–${formatNumber(i.max)}.`,
};
