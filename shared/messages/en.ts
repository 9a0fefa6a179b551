/** English: issue and failure messages. */

import { formatKr, formatNumber } from "../amounts";
import type { FailureOf, UsageProblem } from "../failures";
import type { FollowupFigure } from "../issues";
import { figureLabel } from "../participants/catalogue";
import { PERIOD_EXAMPLES as E, periodLabel, YEAR_EXAMPLE } from "../period";
import type { FailureTemplates, MessageTemplates } from "./types";

/** "the outcome 2023" where a figure stands in an utfall or prognos column, else the period alone. */
const figureOf = (i: { period: string; column?: "outcome" | "forecast" }) =>
  `${i.column === "outcome" ? "the outcome " : i.column === "forecast" ? "the forecast " : ""}${periodLabel(i.period, "en")}`;
const at = (cell: string | null) => (cell ? ` (${cell})` : "");
/** What a count under a participant list counts, in words. */
const countedWord = { en: { all: "participants", kvinna: "women", man: "men" } } as const;
const member = {
  staten: "The state (Försäkringskassan)",
  regionen: "The region",
  kommunerna: "The municipalities",
} as const;

/** What a count worked out across periods is, in words (periods.ts's figures). */
const exposedFigure: Record<string, string> = {
  new: "the number of new participants",
  closed: "the number closed",
  closedToWorkOrStudies: "the number closed to work or studies",
  "participants-new": "the number of participants not new",
  "participants-closed": "the number of participants not closed",
  "closed-closedToWorkOrStudies": "the number closed to other than work or studies",
};
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
/** The other periods a count across the whole list and its insatser was worked out of, if any: " (2023 Jan–Jun)". */
const others = (f: { period: string; combines: readonly string[] }) => {
  const periods = f.combines.filter((k) => k !== f.period).map((k) => periodLabel(k, "en"));
  return periods.length > 0 ? ` (${list(periods, "and")})` : "";
};

/** The follow-up's figures by name, and where each is looked for in a workbook. */
const FOLLOWUP: Record<FollowupFigure, { readonly what: string; readonly where: string }> = {
  "allocated-budget": {
    what: "Allocated funds, budget",
    where: "the members' contributions among the budget's income",
  },
  "allocated-outcome": {
    what: "Allocated funds, outcome",
    where: "the members' contributions in an Utfall column",
  },
  "equity-opening": { what: "Opening equity", where: "a row Ingående eget kapital below the result" },
  "equity-closing": { what: "Closing equity", where: "a row Utgående eget kapital below the result" },
  "administration-budget": {
    what: "Administration, budget",
    where: "the budget's costs of office, board and audit",
  },
  "administration-outcome": {
    what: "Administration, outcome",
    where: "the costs of office, board and audit in an Utfall column",
  },
  "insats-focus": { what: "Focus", where: "the Inriktning column of the list of insatser" },
  "insats-budget": { what: "Budget", where: "a row named as the insats among the budget's costs" },
  "insats-outcome": { what: "Outcome", where: "an Utfall column on the insats's budget row" },
  "insats-budgeted-participants": {
    what: "Budgeted participants",
    where: "the Budgeterat antal deltagare column of the list of insatser",
  },
  "insats-participants": { what: "Participants by sex", where: "a participant list with an Insats column" },
};

export const en: MessageTemplates = {
  "followup-missing": (i) =>
    `${FOLLOWUP[i.figure].what}${i.insats ? ` of ${i.insats}` : i.figure.startsWith("insats-") ? " of the insatser" : ""} ${i.year} is not in the workbook; it is expected in ${FOLLOWUP[i.figure].where} (sheet ${i.sheet}${i.cell ? `, ${i.cell}` : ""}).`,
  "insats-unmatched": (i) =>
    i.foundIn === "participants"
      ? `The insats "${i.name}" of the participant list is neither in the list of insatser nor in the budget; its participants are not counted in the follow-up.`
      : i.missingFrom === "budget"
        ? `The insats "${i.name}"${at(i.cell)} is in the list of insatser but has no budget line.`
        : `The insats "${i.name}"${at(i.cell)} has a budget line but is not in the list of insatser.`,
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
    `The total "${i.label}"${at(i.cell)} for ${figureOf(i)} is ${formatKr(i.stated, "en")} but the lines add up to ${formatKr(i.computed, "en")}.`,
  "surplus-mismatch": (i) =>
    `The result "${i.label}"${at(i.cell)} for ${figureOf(i)} is ${formatKr(i.stated, "en")} but income minus costs is ${formatKr(i.computed, "en")}.`,
  "deviation-mismatch": (i) =>
    `The deviation on line "${i.label}"${at(i.cell)} for ${periodLabel(i.period, "en")} is ${formatKr(i.stated, "en")} but ${i.reversed ? "budget minus outcome" : "outcome minus budget"} is ${formatKr(i.computed, "en")}.`,
  "deviation-unpaired": (i) =>
    `The column "${i.label}"${at(i.cell)} has no utfall or prognos of its year beside the budget to be compared with; it is neither read nor checked.`,
  "deviation-reversed": (i) =>
    `The deviation${at(i.cell)} for ${periodLabel(i.period, "en")} is written as budget minus outcome; it is checked that way.`,
  "equity-mismatch": (i) =>
    `"${i.label}"${at(i.cell)} for ${periodLabel(i.period, "en")} is ${formatKr(i.stated, "en")} but opening equity plus the year's result is ${formatKr(i.computed, "en")}.`,
  "contribution-split": (i) =>
    `${member[i.member]}'s contribution${at(i.cell)} for ${periodLabel(i.period, "en")} is ${formatKr(i.amount, "en")}; the law's split gives ${formatKr(i.expected, "en")}.`,
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
  "count-mismatch": (i) =>
    `"${i.label}"${at(i.cell)} states ${formatNumber(i.stated, "en")} but the list has ${formatNumber(i.counted, "en")} ${countedWord.en[i.counts]}.`,
  "value-out-of-range": (i) =>
    `${i.field}${at(i.cell)} is ${formatNumber(i.value, "en")}, outside the scale ${formatNumber(i.min, "en")}–${formatNumber(i.max, "en")}.`,
};

const shown = (text: string) => text.slice(0, 40);
/** Each form of period.ts's grammar by name, with its example: a form without a name does not compile. */
const PERIOD_FORMS: Record<keyof typeof E, string> = {
  year: "a year",
  half: "a half",
  quarter: "a quarter",
  month: "a month",
  span: "years",
};
const periodForms = list(
  Object.entries(PERIOD_FORMS).map(([form, name]) => `${name} (${E[form as keyof typeof E]})`),
  "or",
);
const usage: Record<UsageProblem, (f: FailureOf<"invalid-usage">) => string> = {
  "unknown-command": (f) => `Unknown command "${f.name}"${f.allowed ? `; did you mean ${f.allowed}?` : "."}`,
  "unknown-option": (f) => `Unknown option "${f.name}"${f.allowed ? `; did you mean ${f.allowed}?` : "."}`,
  "missing-argument": (f) => `An argument is missing: ${f.name}.`,
  "missing-value": (f) => `The option ${f.name} needs a value.`,
  "missing-option": (f) => `The option ${f.name} is required.`,
  "invalid-choice": (f) => `The value "${f.name}" cannot be used; choose ${f.allowed ?? "another"}.`,
  "too-many-arguments": (f) => `Too many arguments: ${f.name} given, ${f.allowed ?? "fewer"} expected.`,
  other: (f) => `The command line cannot be read (${f.name}).`,
};
const n = (value: number) => formatNumber(value, "en");
const orgnrReason = {
  format: "write ten digits, NNNNNN-NNNN",
  checksum: "wrong check digit",
  month: "the month part must be at least 20",
} as const;
const missing = {
  association: "The association does not exist.",
  "association-token": "No such live token for the association.",
  "network-token": "No such live network token.",
  correction: "No such correction.",
  report: "There is no such report.",
  resource: "There is no such resource at this address.",
} as const;
const unbuilt = { addin: "The task pane", page: "The page", playground: "The playground" } as const;
const identifying = {
  personnummer: "a personnummer (Swedish personal identity number)",
  samordningsnummer: "a samordningsnummer (coordination number)",
  "e-mail": "an e-mail address",
  phone: "a phone number",
} as const;
const bodyName = { report: "report", association: "body", body: "body" } as const;
const names = (paths: readonly string[]) => [...new Set(paths)].slice(0, 8).join(", ");

export const enFailures: FailureTemplates = {
  "file-unreadable": (f) => `Cannot open ${f.path}.`,
  "file-too-large": (f) =>
    `The workbook is too large to read (${n(f.megabytes)} MB); the limit is ${n(f.limitMegabytes)} MB.`,
  "not-a-workbook": () =>
    "The file is not an Excel workbook (.xlsx); save it as .xlsx in Excel and try again.",
  "workbook-damaged": (f) => `The workbook cannot be read, it may be damaged: ${f.detail}`,
  "too-many-parts": (f) => `The workbook has too many parts (${n(f.count)}); the limit is ${n(f.limit)}.`,
  "too-much-xml": (f) =>
    `The workbook unpacks to more than ${n(f.limitMegabytes)} MB; it is too large to read.`,
  "too-many-cells": (f) =>
    `The workbook is too large to read (${n(f.cells)} cells); the limit is ${n(f.limit)} cells.`,
  "merge-too-large": (f) =>
    `The workbook has a merged range that is too large (${f.range.slice(0, 30)}); the limit is ${n(f.limit)} cells.`,
  "too-many-merges": (f) =>
    `The workbook has too many merged ranges (${n(f.count)}); the limit is ${n(f.limit)}.`,
  "too-many-strings": (f) => `The workbook has too many strings (${n(f.count)}); the limit is ${n(f.limit)}.`,
  "no-sheets": () => "The workbook has no sheets.",
  "no-tables": () => "No budget, participant list or follow-up table was found in the workbook.",
  "invalid-period": (f) =>
    f.expected === "year"
      ? `The period "${shown(f.text)}" is not a year; write e.g. ${YEAR_EXAMPLE}.`
      : `The period "${shown(f.text)}" cannot be read; write ${periodForms}.`,
  "invalid-orgnr": (f) => `The organisationsnummer "${shown(f.text)}" is invalid (${orgnrReason[f.reason]}).`,
  "orgnr-taken": (f) => `An association with organisationsnummer ${f.orgnr} already exists.`,
  "invalid-name": () => "The name must be 1–200 characters.",
  "invalid-url": (f) => `"${f.url.slice(0, 100)}" is not a URL.`,
  "url-not-https": (f) => `Excel loads add-ins over https only: ${f.url.slice(0, 100)}`,
  "url-has-extras": (f) => `No query, fragment or user in the address: ${f.url.slice(0, 100)}`,
  "invalid-guid": (f) => `"${shown(f.id)}" is not a GUID.`,
  "invalid-usage": (f) => `${usage[f.problem](f)} See samsyn ${f.command ? `${f.command} ` : ""}--help.`,
  "invalid-port": (f) => `Invalid port "${shown(f.port)}"; write a number from 0 to 65535.`,
  "admin-token-too-short": (f) =>
    `SAMSYN_ADMIN_TOKEN is too short (${f.length} characters); it must have at least ${f.min}, for example from openssl rand -hex 24.`,
  "invalid-suppression-threshold": (f) =>
    `SAMSYN_SUPPRESSION_THRESHOLD: "${f.value.slice(0, 20)}" must be a whole number from ${f.min} to 100.`,
  "invalid-pane-origin": (f) =>
    `SAMSYN_PANE_ORIGINS: "${f.origin.slice(0, 100)}" is not an origin; write for example https://excel.example.se, without a path or a trailing /.`,
  "invalid-service-url": (f) =>
    `The service address "${f.url.slice(0, 100)}" cannot be used; write for example http://127.0.0.1:3000`,
  "cannot-listen": (f) =>
    `Cannot listen on ${f.host}:${f.port} (${f.reason}); choose another port with --port.`,
  "data-folder-locked": (f) =>
    `The data folder ${f.dataDir} is in use by another process${f.pid === null ? "" : ` (pid ${f.pid})`}; stop the service or use POST /api/associations.`,
  "database-unavailable": (f) => `Cannot open the database (${f.which}): ${f.detail}`,
  "service-unreachable": (f) => `Cannot reach the service at ${f.origin}: ${f.detail}`,
  "nothing-to-push": (f) => `No budget or participant list was found in ${f.file}.`,
  "service-refused": (f) => `${f.kind} ${f.period}: ${f.en ?? `the service answered HTTP ${f.status}`}`,
  "build-failed": () => "The task pane could not be built: run npm run build.",
  "not-built": (f) => `${unbuilt[f.what]} is not built: run npm run build.`,
  unauthenticated: () => "Authentication required: send a valid token in Authorization: Bearer …",
  forbidden: () => "Your token does not give access to this resource.",
  "too-many-failed-logins": () => "Too many failed authentication attempts. Wait a while and try again.",
  "not-found": (f) =>
    f.what === "resource" && f.method ? `There is no ${f.method} resource at this address.` : missing[f.what],
  "unknown-kind": (f) => `Unknown report kind "${shown(f.text)}": use budget or participants.`,
  "invalid-revision": (f) => `${f.name} must be a revision number (1, 2, 3 …).`,
  "invalid-if-match": () => 'If-Match must be the revision the edit is based on, e.g. "3".',
  "invalid-if-none-match": () => "If-None-Match must be * (the report is sent for the first time).",
  "conflicting-preconditions": () => "Send If-Match or If-None-Match, not both.",
  "invalid-idempotency-key": () => "Idempotency-Key must be 1–200 visible ASCII characters.",
  "idempotency-key-reused": () =>
    "The Idempotency-Key was already used for a different report. Use a new key for a new change.",
  "json-required": () => "Send the body as JSON (Content-Type: application/json).",
  "invalid-json": () => "The body is not valid JSON.",
  "body-too-large": (f) => `The body is too large (at most ${f.limit === null ? "?" : n(f.limit)} bytes).`,
  "unsupported-encoding": () => "The body's charset or encoding is not supported.",
  "bad-request": () => "Bad request.",
  "invalid-body": (f) => `The ${bodyName[f.what]} does not match the schema: ${names(f.paths)}`,
  "invalid-text": (f) => `${f.field} contains a character that cannot be stored (NUL or a lone surrogate).`,
  "label-required": () => "Give ?label=… for the line.",
  "kind-mismatch": (f) => `The report is of kind ${f.sent} but the address says ${f.address}.`,
  "period-mismatch": (f) => `The report covers ${f.sent} but the address says ${f.address}.`,
  "insats-mismatch": (f) =>
    f.sent === null
      ? `The report covers the whole participant list but the address says the insats ${f.address}.`
      : `The report covers the insats ${f.sent} but the address says ${f.address}.`,
  "report-exists": (f) =>
    `The report already exists (the latest version is ${f.current}). Fetch it and compare before sending.`,
  "stale-revision": (f) =>
    f.current === null
      ? `The report does not exist yet, but If-Match named version ${f.base}.`
      : `The report has changed: the latest version is ${f.current}, you based yours on version ${f.base}. Fetch the latest and redo the change.`,
  "unsuppressed-count": (f) =>
    `Counts from 1 to ${f.threshold - 1} must not be shared; send them as null and list them as suppressed: ${names(f.paths)}`,
  "unprotected-count": (f) =>
    `The report publishes counts that give away hidden counts or a remainder of 1–${f.threshold - 1} by subtraction: ${names(f.paths)}. Withhold a breakdown (kön, age band, hemkommun – then empty) whole, and a sub-count when its remainder is 1–${f.threshold - 1} or its total is hidden.`,
  "exposed-across-periods": (f) =>
    f.outside
      ? `The report cannot be accepted: together with what is already shared for the whole list and for ${f.outside.length === 1 ? "the insats" : "the insatser"} ${list(f.outside, "and")}${others(f)} it shows that ${exposedFigure[f.figure] ?? `the count “${figureLabel(f.figure, "en") ?? f.figure}”`} ${periodLabel(f.period, "en")} outside ${f.outside.length === 1 ? "that insats" : "those insatser"} is 1–${f.threshold - 1}${f.more > 0 ? ` (and ${f.more} more counts)` : ""}. Hide one more figure in the report.`
      : `The report cannot be accepted: together with ${list(
          f.combines.filter((k) => k !== f.period).map((k) => periodLabel(k, "en")),
          "and",
        )} it shows that ${exposedFigure[f.figure] ?? f.figure} ${periodLabel(f.period, "en")} is 1–${f.threshold - 1}${f.more > 0 ? ` (and ${f.more} more counts)` : ""}. Hide one more figure in the report.`,
  "suppressed-mismatch": (f) =>
    `suppression.suppressed must list exactly the hidden (null) counts, "byHemkommun" when the hemkommun breakdown is withheld whole and its map empty, and shareClosedToWorkOrStudies or averageStayDays only when they are null: ${names(f.paths)}`,
  "text-too-long": (f) => `${f.field} is ${n(f.length)} characters long; at most ${n(f.max)}.`,
  "identifying-text": (f) =>
    `${f.field} must be a short name and must not hold ${identifying[f.what]}: it is shared with the whole network.`,
  "data-folder-open": (f) =>
    `The data folder ${f.dataDir} can be written by other users (${f.mode}); run chmod 700 ${f.dataDir} and start again.`,
  "database-interrupted": () => "The connection to the database was lost. Try again in a moment.",
  "too-many-connections": (f) =>
    `Too many open connections from your address (at most ${f.limit}). Try again in a moment.`,
  "no-file": () => "No workbook was sent.",
  "invalid-book": () => "The workbook sent cannot be read.",
  "book-not-saved": (f) => `The workbook could not be saved as .xlsx (${f.detail}).`,
  internal: (f) => `An unexpected error occurred${f.detail ? `: ${f.detail}` : "."}`,
};
