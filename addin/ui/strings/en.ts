/** English: every text of the task pane (issue messages come from shared/messages). */
import { periodLabel, YEAR_EXAMPLE } from "../../../shared/period";
import type { UiStrings } from "./sv";

export const en: UiStrings = {
  lang: "en",
  title: "Samsyn",
  subtitle: "Budgets and participants as checked Excel tables",
  language: "Language",
  languages: { sv: "Svenska", en: "English" },
  source: "What should be imported?",
  sourceSheet: "The whole active sheet",
  sourceSelection: "The selection",
  import: "Import",
  write: "Write the tables",
  refresh: "Refresh the tables",
  refreshHint: "Reads the sheet again and updates the same tables; your formatting is kept.",
  importing: "Reading the sheet …",
  writing: "Writing the tables …",
  written: (sheets: string) => `Done: ${sheets}.`,
  undoOneStep: "Undo (Ctrl+Z) takes the whole write back in one step.",
  undoSteps:
    "Excel's Undo (Ctrl+Z) does not reach the whole write: it undoes one change at a time. To remove the result, delete the Samsyn sheets and press Remove marks.",
  followup: "Uppföljning Finsam",
  followupHint:
    "Writes a sheet with what you enter in Uppföljning Finsam (the national follow-up), each figure linked to its cell in the workbook.",
  unmark: "Remove marks",
  marksHint:
    "Write tables marks cells with issues on the source sheet, with a colour and a note. Your own cell colour is kept and comes back when the issue is fixed, or when you press Remove marks.",
  nothingYet: "Choose a sheet in the workbook and press Import.",
  noTables: "No budget or participant table was found on the sheet.",
  tabs: { tables: "Tables", issues: "Checks", keyFigures: "Key figures" },
  sheet: "Sheet",
  range: "Range",
  periods: "Periods",
  unit: "Unit",
  unitHint: "Amounts are converted to kronor.",
  headerRow: "Header row",
  headerRowHint: "The row number where the column headers are.",
  lines: "Lines",
  line: "Line",
  section: "Part",
  group: "Group",
  sections: { income: "Income", cost: "Cost" },
  kinds: {
    budget: "Budget",
    contributions: "Member contributions",
    participants: "Participant list",
    followup: "Follow-up",
    insatser: "Insatser",
  },
  total: { income: "Total income", cost: "Total costs", surplus: "Surplus / deficit" },
  outcome: {
    heading: (year: string) => `Budget and outcome ${year}`,
    views: { year: "Full year", half: "Half year" },
    viewsLabel: (year: string) => `Full year or half year ${year}`,
    against: (budgetYear: string, outcomePeriod: string) =>
      `Budget for ${budgetYear} against outcome ${periodLabel(outcomePeriod, "en")}.`,
    columns: { budget: "Budget", outcome: "Outcome", deviation: "Deviation" },
    deviationHint: "Amounts in kr. Deviation = outcome − budget.",
  },
  rows: "rows",
  corrected: "Corrected by you",
  issues: (n: number) => (n === 0 ? "No remarks." : n === 1 ? "1 remark" : `${n} remarks`),
  severity: { error: "Error", warning: "Warning", info: "Info" },
  showCell: (cell: string) => `Show cell ${cell}`,
  moreIssues: (shown: number, total: number) =>
    `Showing the first ${shown} of ${total}. All of them are on the sheet Samsyn kontroller once the tables are written.`,
  wholeSheet: "whole sheet",
  keyFigures: {
    period: "Period",
    heading: (period: string) => `Key figures for ${period}`,
    periodHint: "This is the period sent to Samsyn.",
  },
  preview: {
    heading: "What will be sent",
    hint: "Tick what to send. The figures are exactly those that leave the association; .. is a hidden count: too small to show, or one that could otherwise be worked out from what the association has already sent.",
    showFigures: (n: number) => `Show the figures (${n})`,
    columns: { label: "Line", period: "Period", value: "Value" },
    totals: { income: "Total income", cost: "Total costs", surplus: "Surplus/deficit" },
    outcome: (period: string) => `outcome ${period}`,
    equity: { opening: "Opening equity", result: "Result for the year", closing: "Closing equity" },
    nothingTicked: "Tick at least one report to send.",
    perInsats:
      "The list has an insats column: one report per insats is sent, none for the whole list (the whole list beside its insatser could give away a hidden count). Rows without an insats are not sent.",
  },
  privacy: "Participant data stays in the workbook. Samsyn sends no participant row anywhere.",
  failures: {
    "cell-edit-mode": "Finish editing the cell first (press Enter or Esc) and try again.",
    "several-areas":
      "Select a single area: several selected areas cannot be imported as one table. Click in the table or select one block of cells and try again.",
    "other-workbook":
      "Excel switched to another workbook while Samsyn was working. Go back to this workbook and try again.",
    "not-allowed-now":
      "Excel did not allow the change just now. Finish editing the cell if you are editing one (Enter or Esc), unprotect the sheet if it is protected, and try again.",
    "refused-input":
      "Excel did not accept what Samsyn was about to write. Import the sheet again and retry; if it persists, send the error code InvalidArgument to whoever supports you.",
    "excel-internal":
      "Excel could not finish (an internal error). Stay in this workbook, wait a moment and try again; what was already written stays and is not written twice.",
    "too-large": "The sheet is too large to read or write at once. Select part of it and try again.",
    "not-found": "The sheet or table no longer exists. Import the sheet again.",
    "already-exists": "A sheet or table with that name already exists.",
    "access-denied": "The workbook is read-only or you may not change it.",
    "no-followup":
      "The workbook has no budget and no list of insatser, so there is nothing to enter in Uppföljning Finsam.",
    "no-data": "There is nothing to import on the sheet.",
    unknown: "Something went wrong in Excel. Try again; if it persists, restart the add-in.",
  },
  sync: {
    heading: "The Samsyn service",
    serviceUrl: "Service address",
    serviceUrlHint: "The services the add-in was installed for.",
    service: (address: string) => `Service: ${address}`,
    token: "Token",
    tokenHint:
      "The association's token, or a network token for someone who only reads the comparison. It is kept in the add-in's browser storage on this computer, never in the workbook.",
    signIn: "Sign in",
    signOut: "Sign out",
    signingIn: "Signing in …",
    signedInAs: (who: string) => `Signed in as ${who}`,
    network: "the network (reads the comparison)",
    admin: "administrator",
    send: "Send to Samsyn",
    sendHint:
      "Sends the budgets and the participants' aggregated key figures, never a participant row. Small counts are suppressed.",
    sendNeedsRead: "Import a sheet first.",
    sendNeedsAssociation: "Only an association's token can send; a network token reads the comparison.",
    budgetYear: "Budget year",
    budgetYearHint: "Empty: the budget's first year.",
    sending: "Sending …",
    reportName: (kind: "budget" | "participants", period: string, insats?: string) =>
      `${kind === "budget" ? "Budget" : "Participants"} ${periodLabel(period, "en")}${insats ? `, ${insats}` : ""}`,
    sent: (version: number) => `sent as version ${version}`,
    queued: "waiting to be sent",
    tooLargeToWait:
      "the service could not be reached, and the report is too large to wait in the workbook. Send again when the service can be reached.",
    conflicted: "someone else has sent a newer version",
    waiting: (n: number) =>
      n === 1 ? "1 report is waiting to be sent" : `${n} reports are waiting to be sent`,
    waitingHint:
      "The service could not be reached. The report is kept in the workbook and sent when you next open Samsyn or press Try again.",
    retry: "Try again",
    conflictTitle: (report: string) => `${report}: the service has a version you have not seen`,
    keptTitle: (report: string) => `${report}: the sheet has other figures than the version you kept`,
    keptExplained:
      "You chose Keep theirs, but the sheet still has your figures. Send your version anyway (the history will show it), or change the sheet to their figures.",
    versionNumber: (version: number) => `(version ${version})`,
    conflictBy: (who: string, when: string, from: string) => `Sent by ${who} ${when} (${from}).`,
    conflictUnknownSender: "Who sent it cannot be told.",
    clients: { addin: "from Excel", cli: "from the command line", api: "through the API" },
    conflictNone: "The figures are the same; only other things changed.",
    conflictColumns: { label: "Line", period: "Period", theirs: "Theirs", mine: "Mine" },
    conflictMore: (n: number) => `… and ${n} more lines.`,
    sendMine: "Send my version anyway",
    keepTheirs: "Keep theirs",
    keptTheirs: (sheet: string) =>
      `Their version is on the sheet ${sheet}. The workbook now builds on it. Your own sheet keeps your figures: if you send them, Samsyn asks first.`,
    fetchHeading: "The network's comparison",
    year: "Year",
    kind: "Kind",
    kinds: { budget: "Budget", participants: "Participants" },
    fetchComparison: "Fetch the comparison",
    fetching: "Fetching …",
    fetched: (sheet: string, reporting: number, total: number) =>
      `The comparison is on the sheet ${sheet}: ${reporting} of ${total} associations have reported.`,
    badYear: `Write a four-digit year, for example ${YEAR_EXAMPLE}.`,
    failures: {
      "bad-address": "The address should start with https://, for example https://samsyn.example.se.",
      "blocked-address":
        "The add-in may not reach that address: it reaches only the Samsyn service it was loaded from, or the services it was installed for. Choose one of them, or ask whoever installed the add-in to add the address.",
      unreachable:
        "The service cannot be reached. Check the address and the network and try again; nothing has been lost.",
      "timed-out": "The service did not answer in time. Try again in a while; nothing has been lost.",
      unauthenticated:
        "The token is not valid (wrong or revoked). Ask the network's coordinator for a new token and sign in again.",
      forbidden: "The token does not allow this. Sign in with the association's own token.",
      "not-found": "There is nothing to fetch for that choice.",
      "too-large": "The report is larger than the service accepts. Split the sheet and send again.",
      "rate-limited": "Too many attempts right now. Wait a while and try again.",
      "service-error": "The service answered with an error. Try again in a while; nothing has been lost.",
      rejected: "The service did not accept the report.",
    },
  },
  dismiss: "Close",
  tooOld: (version: string) =>
    `This version of Excel lacks features Samsyn needs (ExcelApi ${version}). Update Excel or use Excel on the web.`,
};
