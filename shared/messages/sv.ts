/**
 * Svenska: issue and failure messages. Numbers the sv-SE way ("1 440 000 kr"); words as
 * docs/ordlista.md has them — no command names, flags or HTTP words where a förbund reads them.
 */
import { formatKr, formatNumber } from "../amounts";
import type { FailureOf, UsageProblem } from "../failures";
import type { FollowupFigure } from "../issues";
import { figureLabel } from "../participants/catalogue";
import { PERIOD_EXAMPLES as E, periodLabel, YEAR_EXAMPLE } from "../period";
import type { FailureTemplates, MessageTemplates } from "./types";

const at = (cell: string | null) => (cell ? ` (${cell})` : "");
/** "utfall 2023" where a figure stands in an utfall or prognos column, else the period alone. */
const figureOf = (i: { period: string; column?: "outcome" | "forecast" }) =>
  `${i.column === "outcome" ? "utfall " : i.column === "forecast" ? "prognos " : ""}${periodLabel(i.period)}`;
/** What a count under a participant list counts, in words. */
const countedWord = { sv: { all: "deltagare", kvinna: "kvinnor", man: "män" } } as const;
const side = { income: "intäkt", cost: "kostnad" } as const;
const member = {
  staten: "Staten (Försäkringskassan)",
  regionen: "Regionen",
  kommunerna: "Kommunerna",
} as const;

/** What a count worked out across periods is, in words (periods.ts's figures). */
const exposedFigure: Record<string, string> = {
  new: "antalet nya",
  closed: "antalet avslutade",
  closedToWorkOrStudies: "antalet avslutade till arbete eller studier",
  "participants-new": "antalet deltagare som inte är nya",
  "participants-closed": "antalet deltagare som inte avslutats",
  "closed-closedToWorkOrStudies": "antalet avslutade till annat än arbete eller studier",
};
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
/** The other periods a count across the whole list and its insatser was worked out of, if any: " (2023 jan–jun)". */
const others = (f: { period: string; combines: readonly string[] }) => {
  const periods = f.combines.filter((k) => k !== f.period).map((k) => periodLabel(k));
  return periods.length > 0 ? ` (${list(periods, "och")})` : "";
};

/** The follow-up's figures by name, and where each is looked for in a workbook. */
const FOLLOWUP: Record<FollowupFigure, { readonly what: string; readonly where: string }> = {
  "allocated-budget": {
    what: "Tilldelade medel, budget",
    where: "medlemmarnas bidrag bland intäkterna i budgeten",
  },
  "allocated-outcome": { what: "Tilldelade medel, utfall", where: "medlemmarnas bidrag i en kolumn Utfall" },
  "equity-opening": { what: "Ingående eget kapital", where: "en rad Ingående eget kapital under resultatet" },
  "equity-closing": { what: "Utgående eget kapital", where: "en rad Utgående eget kapital under resultatet" },
  "administration-budget": {
    what: "Administration, budget",
    where: "kostnaderna för kansli, styrelse och revision i budgeten",
  },
  "administration-outcome": {
    what: "Administration, utfall",
    where: "kostnaderna för kansli, styrelse och revision i en kolumn Utfall",
  },
  "insats-focus": { what: "Inriktning", where: "kolumnen Inriktning i listan över insatserna" },
  "insats-budget": { what: "Budget", where: "en rad med insatsens namn bland budgetens kostnader" },
  "insats-outcome": { what: "Utfall", where: "en kolumn Utfall på insatsens rad i budgeten" },
  "insats-budgeted-participants": {
    what: "Budgeterat antal deltagare",
    where: "kolumnen Budgeterat antal deltagare i listan över insatserna",
  },
  "insats-participants": { what: "Deltagare per kön", where: "en deltagarlista med kolumnen Insats" },
};

export const sv: MessageTemplates = {
  "followup-missing": (i) =>
    `${FOLLOWUP[i.figure].what}${i.insats ? ` för ${i.insats}` : i.figure.startsWith("insats-") ? " för insatserna" : ""} ${i.year} saknas i arbetsboken; den väntas i ${FOLLOWUP[i.figure].where} (bladet ${i.sheet}${i.cell ? `, ${i.cell}` : ""}).`,
  "insats-unmatched": (i) =>
    i.foundIn === "participants"
      ? `Insatsen ”${i.name}” i deltagarlistan finns varken i listan över insatserna eller i budgeten; dess deltagare räknas inte i uppföljningen.`
      : i.missingFrom === "budget"
        ? `Insatsen ”${i.name}”${at(i.cell)} står i listan över insatserna men har ingen rad i budgeten.`
        : `Insatsen ”${i.name}”${at(i.cell)} har en rad i budgeten men står inte i listan över insatserna.`,
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
    `Summan ”${i.label}”${at(i.cell)} för ${figureOf(i)} är ${formatKr(i.stated)} men raderna ger ${formatKr(i.computed)}.`,
  "surplus-mismatch": (i) =>
    `Resultatet ”${i.label}”${at(i.cell)} för ${figureOf(i)} är ${formatKr(i.stated)} men intäkter minus kostnader ger ${formatKr(i.computed)}.`,
  "deviation-mismatch": (i) =>
    `Avvikelsen på raden ”${i.label}”${at(i.cell)} för ${periodLabel(i.period)} är ${formatKr(i.stated)} men ${i.reversed ? "budget minus utfall" : "utfall minus budget"} ger ${formatKr(i.computed)}.`,
  "deviation-unpaired": (i) =>
    `Kolumnen ”${i.label}”${at(i.cell)} har inget utfall eller någon prognos för samma år bredvid budgeten att jämföras med; den läses inte och kontrolleras inte.`,
  "deviation-reversed": (i) =>
    `Avvikelsen${at(i.cell)} för ${periodLabel(i.period)} är skriven som budget minus utfall; den kontrolleras så.`,
  "equity-mismatch": (i) =>
    `”${i.label}”${at(i.cell)} för ${periodLabel(i.period)} är ${formatKr(i.stated)} men ingående eget kapital plus årets resultat ger ${formatKr(i.computed)}.`,
  "contribution-split": (i) =>
    `${member[i.member]}s bidrag${at(i.cell)} för ${periodLabel(i.period)} är ${formatKr(i.amount)}; enligt lagens fördelning ska det vara ${formatKr(i.expected)}.`,
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
  "count-mismatch": (i) =>
    `”${i.label}”${at(i.cell)} anger ${formatNumber(i.stated)} men listan har ${formatNumber(i.counted)} ${countedWord.sv[i.counts]}.`,
  "value-out-of-range": (i) =>
    `${i.field}${at(i.cell)} är ${formatNumber(i.value)}, utanför skalan ${formatNumber(i.min)}–${formatNumber(i.max)}.`,
};

const shown = (text: string) => text.slice(0, 40);
/** Each form of period.ts's grammar by name, with its example: a form without a name does not compile. */
const PERIOD_FORMS: Record<keyof typeof E, string> = {
  year: "ett år",
  half: "ett halvår",
  quarter: "ett kvartal",
  month: "en månad",
  span: "flera år",
};
const periodForms = list(
  Object.entries(PERIOD_FORMS).map(([form, name]) => `${name} (${E[form as keyof typeof E]})`),
  "eller",
);
/** The command line's own errors: its commands and options are named, as a terminal user types them. */
const usage: Record<UsageProblem, (f: FailureOf<"invalid-usage">) => string> = {
  "unknown-command": (f) => `Okänt kommando ”${f.name}”${f.allowed ? `; menade du ${f.allowed}?` : "."}`,
  "unknown-option": (f) => `Okänd flagga ”${f.name}”${f.allowed ? `; menade du ${f.allowed}?` : "."}`,
  "missing-argument": (f) => `Det saknas ett argument: ${f.name}.`,
  "missing-value": (f) => `Flaggan ${f.name} behöver ett värde.`,
  "missing-option": (f) => `Flaggan ${f.name} måste anges.`,
  "invalid-choice": (f) => `Värdet ”${f.name}” går inte att använda; välj ${f.allowed ?? "ett annat"}.`,
  "too-many-arguments": (f) => `För många argument: ${f.name} givna, ${f.allowed ?? "färre"} väntade.`,
  other: (f) => `Kommandoraden går inte att läsa (${f.name}).`,
};
const n = (value: number) => formatNumber(value);
const orgnrReason = {
  format: "skriv tio siffror, NNNNNN-NNNN",
  checksum: "fel kontrollsiffra",
  month: "månadsdelen ska vara minst 20",
} as const;
const missing = {
  association: "Förbundet finns inte.",
  "association-token": "Förbundet har ingen sådan giltig nyckel.",
  "network-token": "Det finns ingen sådan giltig nätverksnyckel.",
  correction: "Ingen sådan rättelse.",
  report: "Det finns ingen sådan rapport.",
  resource: "Det finns ingen sådan resurs på den här adressen.",
} as const;
const unbuilt = { addin: "Aktivitetsfönstret", page: "Sidan", playground: "Lekplatsen" } as const;
const identifying = {
  personnummer: "ett personnummer",
  samordningsnummer: "ett samordningsnummer",
  "e-mail": "en e-postadress",
  phone: "ett telefonnummer",
} as const;
const bodyName = { report: "Rapporten", association: "Förbundet", body: "Innehållet" } as const;
const reportKind = { budget: "budget", participants: "deltagare" } as const;
const names = (paths: readonly string[]) => [...new Set(paths)].slice(0, 8).join(", ");

export const svFailures: FailureTemplates = {
  "file-unreadable": (f) => `Filen ${f.path} finns inte eller går inte att läsa.`,
  "file-too-large": (f) =>
    `Arbetsboken är för stor att läsa (${n(f.megabytes)} MB); största tillåtna är ${n(f.limitMegabytes)} MB.`,
  "not-a-workbook": () =>
    "Filen är ingen Excel-arbetsbok (.xlsx); spara den som .xlsx i Excel och försök igen.",
  "workbook-damaged": (f) => `Arbetsboken går inte att läsa, den kan vara skadad: ${f.detail}`,
  "too-many-parts": (f) =>
    `Arbetsboken har för många delar (${n(f.count)}); största tillåtna är ${n(f.limit)}.`,
  "too-much-xml": (f) =>
    `Arbetsboken packas upp till mer än ${n(f.limitMegabytes)} MB; den är för stor att läsa.`,
  "too-many-cells": (f) =>
    `Arbetsboken är för stor att läsa (${n(f.cells)} celler); största tillåtna är ${n(f.limit)} celler.`,
  "merge-too-large": (f) =>
    `Arbetsboken har ett sammanfogat område som är för stort (${f.range.slice(0, 30)}); största tillåtna är ${n(f.limit)} celler.`,
  "too-many-merges": (f) =>
    `Arbetsboken har för många sammanfogade områden (${n(f.count)}); största tillåtna är ${n(f.limit)}.`,
  "too-many-strings": (f) =>
    `Arbetsboken har för många texter (${n(f.count)}); största tillåtna är ${n(f.limit)}.`,
  "no-sheets": () => "Arbetsboken innehåller inga blad.",
  "no-tables": () => "Ingen budget, deltagarlista eller uppföljningstabell hittades i arbetsboken.",
  "invalid-period": (f) =>
    f.expected === "year"
      ? `Perioden ”${shown(f.text)}” är inte ett år; skriv till exempel ${YEAR_EXAMPLE}.`
      : `Perioden ”${shown(f.text)}” går inte att läsa; skriv ${periodForms}.`,
  "invalid-orgnr": (f) => `Organisationsnumret ”${shown(f.text)}” är ogiltigt (${orgnrReason[f.reason]}).`,
  "orgnr-taken": (f) => `Det finns redan ett förbund med organisationsnummer ${f.orgnr}.`,
  "invalid-name": () => "Namnet ska vara 1–200 tecken.",
  "invalid-url": (f) => `”${f.url.slice(0, 100)}” är ingen adress.`,
  "url-not-https": (f) => `Excel laddar bara tillägg över https: ${f.url.slice(0, 100)}`,
  "url-has-extras": (f) => `Ingen fråga, fragment eller användare i adressen: ${f.url.slice(0, 100)}`,
  "invalid-guid": (f) => `”${shown(f.id)}” är ingen GUID.`,
  "invalid-usage": (f) =>
    `${usage[f.problem](f)} Skriv samsyn ${f.command ? `${f.command} ` : ""}--help för hjälp.`,
  "invalid-port": (f) => `Ogiltig port ”${shown(f.port)}”; skriv ett tal från 0 till 65535.`,
  "admin-token-too-short": (f) =>
    `SAMSYN_ADMIN_TOKEN är för kort (${f.length} tecken); den ska ha minst ${f.min}, till exempel från openssl rand -hex 24.`,
  "invalid-suppression-threshold": (f) =>
    `SAMSYN_SUPPRESSION_THRESHOLD: ”${f.value.slice(0, 20)}” ska vara ett heltal från ${f.min} till 100.`,
  "invalid-pane-origin": (f) =>
    `SAMSYN_PANE_ORIGINS: ”${f.origin.slice(0, 100)}” är inget ursprung; skriv till exempel https://excel.example.se, utan sökväg och utan / på slutet.`,
  "invalid-service-url": (f) =>
    `Tjänstens adress ”${f.url.slice(0, 100)}” går inte att använda; skriv till exempel http://127.0.0.1:3000`,
  "cannot-listen": (f) =>
    `Kan inte lyssna på ${f.host}:${f.port} (${f.reason}); välj en annan port med --port.`,
  "data-folder-locked": (f) =>
    `Datamappen ${f.dataDir} används av en annan process${f.pid === null ? "" : ` (pid ${f.pid})`}; stoppa tjänsten, eller registrera förbundet under Administration på nätverkets sida.`,
  "database-unavailable": (f) => `Kan inte öppna databasen (${f.which}): ${f.detail}`,
  "service-unreachable": (f) => `Kan inte nå tjänsten på ${f.origin}: ${f.detail}`,
  "nothing-to-push": (f) => `Ingen budget eller deltagarlista hittades i ${f.file}.`,
  "service-refused": (f) =>
    `${reportKind[f.kind]} ${periodLabel(f.period)}: ${f.sv ?? `tjänsten svarade med felkod ${f.status}`}`,
  "build-failed": () =>
    "Aktivitetsfönstret kunde inte byggas; Samsyn behöver byggas om där det är installerat.",
  "not-built": (f) =>
    `${unbuilt[f.what]} saknas i den här installationen; Samsyn behöver byggas om där det är installerat.`,
  unauthenticated: () => "Inloggning krävs: logga in med en giltig nyckel.",
  forbidden: () => "Din nyckel ger inte tillgång till det här.",
  "too-many-failed-logins": () => "För många misslyckade inloggningar. Vänta en stund och försök igen.",
  "not-found": (f) =>
    f.what === "resource" && f.method
      ? `Det finns inget sådant på den här adressen (${f.method}).`
      : missing[f.what],
  "unknown-kind": (f) => `Okänd rapporttyp ”${shown(f.text)}”; en rapport är en budget eller deltagare.`,
  "invalid-revision": (f) => `Versionen (${f.name}) ska anges med sitt nummer: 1, 2, 3 …`,
  "invalid-if-match": () => "Versionen som ändringen bygger på ska anges med sitt nummer, till exempel 3.",
  "invalid-if-none-match": () => "Det går inte att läsa om rapporten skickas för första gången.",
  "conflicting-preconditions": () =>
    "Rapporten kan inte både skickas för första gången och bygga på en version.",
  "invalid-idempotency-key": () => "Sändningens id ska vara 1–200 synliga tecken utan å, ä och ö.",
  "idempotency-key-reused": () =>
    "Sändningens id har redan använts för en annan rapport; en ny ändring skickas med ett nytt id.",
  "json-required": () => "Innehållet är inte i det format Samsyn tar emot.",
  "invalid-json": () => "Innehållet går inte att läsa.",
  "body-too-large": (f) => `Innehållet är för stort (högst ${f.limit === null ? "?" : n(f.limit)} byte).`,
  "unsupported-encoding": () => "Innehållets teckenkodning eller komprimering stöds inte.",
  "bad-request": () => "Felaktig begäran.",
  "invalid-body": (f) => `${bodyName[f.what]} stämmer inte med schemat: ${names(f.paths)}`,
  "invalid-text": (f) =>
    `${f.field} innehåller ett tecken som inte kan sparas (ett styrtecken eller ett trasigt tecken).`,
  "label-required": () => "Ange vilken rad det gäller.",
  "kind-mismatch": (f) => `Rapporten är av typen ${f.sent} men adressen säger ${f.address}.`,
  "period-mismatch": (f) => `Rapporten gäller ${f.sent} men adressen säger ${f.address}.`,
  "insats-mismatch": (f) =>
    f.sent === null
      ? `Rapporten gäller hela deltagarlistan men adressen säger insatsen ${f.address}.`
      : `Rapporten gäller insatsen ${f.sent} men adressen säger ${f.address}.`,
  "report-exists": (f) =>
    `Rapporten finns redan (senaste versionen är ${f.current}). Hämta den och jämför innan du skickar.`,
  "stale-revision": (f) =>
    f.current === null
      ? `Rapporten finns inte ännu, men ändringen bygger på version ${f.base}.`
      : `Rapporten har ändrats: senaste versionen är ${f.current}, du utgick från version ${f.base}. Hämta den senaste och gör om ändringen.`,
  "unsuppressed-count": (f) =>
    `Antal från 1 till ${f.threshold - 1} får inte delas; lämna dem tomma och ange dem som dolda: ${names(f.paths)}`,
  "unprotected-count": (f) =>
    `Rapporten visar antal som avslöjar dolda antal eller en rest på 1–${f.threshold - 1} genom subtraktion: ${names(f.paths)}. Dölj en uppdelning (kön, åldersgrupp, hemkommun – då tom) hel, och ett delantal när dess rest är 1–${f.threshold - 1} eller dess total är dold.`,
  "exposed-across-periods": (f) =>
    f.outside
      ? `Rapporten kan inte tas emot: tillsammans med det som redan delats för hela listan och för ${f.outside.length === 1 ? "insatsen" : "insatserna"} ${list(f.outside, "och")}${others(f)} visar den att ${exposedFigure[f.figure] ?? `antalet ”${figureLabel(f.figure, "sv") ?? f.figure}”`} ${periodLabel(f.period)} utanför ${f.outside.length === 1 ? "den insatsen" : "de insatserna"} är 1–${f.threshold - 1}${f.more > 0 ? ` (och ${f.more} antal till)` : ""}. Dölj ytterligare en siffra i rapporten.`
      : `Rapporten kan inte tas emot: tillsammans med ${list(
          f.combines.filter((k) => k !== f.period).map((k) => periodLabel(k)),
          "och",
        )} visar den att ${exposedFigure[f.figure] ?? f.figure} ${periodLabel(f.period)} är 1–${f.threshold - 1}${f.more > 0 ? ` (och ${f.more} antal till)` : ""}. Dölj ytterligare en siffra i rapporten.`,
  "suppressed-mismatch": (f) =>
    `Listan över dolda siffror ska nämna exakt de tomma antalen, hemkommunerna när de döljs hela (och då är tomma), och andelen eller medeltalet bara när de är tomma: ${names(f.paths)}`,
  "text-too-long": (f) => `${f.field} är ${n(f.length)} tecken lång; högst ${n(f.max)} tecken.`,
  "identifying-text": (f) =>
    `${f.field} ska vara ett kort namn och får inte innehålla ${identifying[f.what]}; det delas med hela nätverket.`,
  "data-folder-open": (f) =>
    `Datamappen ${f.dataDir} kan skrivas av andra användare (${f.mode}); kör chmod 700 ${f.dataDir} och starta igen.`,
  "database-interrupted": () => "Förbindelsen med databasen bröts. Försök igen om en stund.",
  "too-many-connections": (f) =>
    `För många öppna anslutningar från din adress (högst ${f.limit}). Försök igen om en stund.`,
  "no-file": () => "Ingen arbetsbok skickades.",
  "invalid-book": () => "Arbetsboken som skickades går inte att läsa.",
  "book-not-saved": (f) => `Arbetsboken kunde inte sparas som .xlsx (${f.detail}).`,
  internal: (f) => `Ett oväntat fel uppstod${f.detail ? `: ${f.detail}` : "."}`,
};
