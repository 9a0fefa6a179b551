/**
 * What converting a participant sheet writes into the same workbook: the normalised list as a
 * real Excel table, and a key-figures sheet. The list is personal data: it goes into the
 * user's own workbook, never into a report.
 */

import { excelSerialOf } from "../calendar";
import {
  columnRef,
  computed,
  type OutputSheet,
  type OutputTable,
  outputSheetName,
  uniqueTableName,
} from "../output";
import type { KeyFigures } from "../report";
import {
  type Breakdown,
  type BreakdownField,
  type FigureColumn,
  KEY_FIGURES,
  SCALARS,
  shownValue,
  valueAt,
} from "./catalogue";
import type { Participant } from "./list";

const DATE_FORMAT = "yyyy-mm-dd";
const KON_LABEL = { kvinna: "Kvinna", man: "Man" } as const;
const ORSAK_LABEL = {
  arbete: "Arbete",
  studier: "Studier",
  arbetssökande: "Arbetssökande",
  "åter till remittent": "Åter till remittent",
  annat: "Annat",
} as const;

/** The column a list with an insats column gets, last: older lists keep their exact table. */
export const INSATS_COLUMN = "Insats";

export function participantsTable(
  name: string,
  participants: readonly Participant[],
  withInsats = false,
): OutputTable {
  return {
    name,
    columns: [
      { header: "Personnummer", width: 16 },
      { header: "Kön", width: 8 },
      { header: "Hemkommun", width: 16 },
      { header: "Remittent", width: 22 },
      { header: "Kontakt med", width: 30 },
      { header: "Inskriven", numberFormat: DATE_FORMAT, width: 12 },
      { header: "Avslutad", numberFormat: DATE_FORMAT, width: 12 },
      { header: "Avslutsorsak", width: 22 },
      { header: "Ålder vid start", numberFormat: "0", width: 10 },
      { header: "Dagar i insats", numberFormat: "0", width: 10 },
      ...(withInsats ? [{ header: INSATS_COLUMN, width: 30 }] : []),
    ],
    rows: participants.map((p) => [
      p.id ?? p.idText,
      p.kon ? KON_LABEL[p.kon] : null,
      p.hemkommun,
      p.remittent,
      p.kontaktMed,
      p.start === null ? null : excelSerialOf(p.start),
      p.end === null ? null : excelSerialOf(p.end),
      p.avslutsorsak ? ORSAK_LABEL[p.avslutsorsak] : p.avslutsorsakText,
      p.ageAtStart,
      p.end === null ? null : p.stayDays,
      ...(withInsats ? [p.insats ?? null] : []),
    ]),
    summaryRows: [
      // An empty list still has one (blank) body row: an Excel table cannot have none.
      ["Antal", computed(`=ROWS(${columnRef(name, "Personnummer")})`, Math.max(1, participants.length))],
      [
        "Avslutade",
        computed(`=COUNT(${columnRef(name, "Avslutad")})`, participants.filter((p) => p.end !== null).length),
      ],
    ],
  };
}

function countTable(name: string, header: string, counts: Readonly<Record<string, number>>): OutputTable {
  return {
    name,
    columns: [
      { header, width: 24 },
      { header: "Antal", numberFormat: "0", width: 10 },
    ],
    rows: Object.entries(counts).map(([k, n]) => [k, n]),
    summaryRows: [
      [
        "Summa",
        computed(
          `=SUM(${columnRef(name, "Antal")})`,
          Object.values(counts).reduce((s, n) => s + n, 0),
        ),
      ],
    ],
  };
}

/** A table per breakdown, in this order, its name ending in ASCII: "Nyckeltal_hemkommun". */
const BREAKDOWN_TABLE: Readonly<Record<BreakdownField, string>> = {
  byHemkommun: "hemkommun",
  byKon: "kon",
  byAgeBand: "alder",
};

/**
 * A figure's row: its one name, and its value as people read it. In per cent where it is a
 * share: one "Värde" column holds counts and days too, so it has no % format of its own.
 */
function figureRow(c: FigureColumn, k: KeyFigures, limitDays: number): [string, number | null] {
  const v = valueAt<number | null>(k, c);
  if (c.kind === "share") return [`${c.label.sv} (%)`, v === null ? null : shownValue("share", v)];
  // The limit the stays are held to is the list's own.
  if (c.field === "staysOverLimit") return [`${c.label.sv} (${limitDays} dagar)`, v];
  return [c.label.sv, v];
}

export interface ListOutput {
  readonly sheet: string;
  readonly participants: readonly Participant[];
  readonly period: string;
  readonly keyFigures: KeyFigures;
  readonly limitDays: number;
  /** The list has an insats column: the normalised list carries it. */
  readonly withInsats?: boolean;
}

/** The first heading line of a converted list's sheet: how the follow-up finds the list's table. */
export const listHeading = (sheet: string): string =>
  `Deltagare från bladet ”${sheet}”, normaliserade av Samsyn`;

/** The two sheets of a converted participant list, named so they clash with nothing taken. */
export function participantOutputSheets(list: ListOutput, taken: Set<string>): OutputSheet[] {
  const listSheet = outputSheetName("deltagare", taken);
  const figuresSheet = outputSheetName("nyckeltal", taken);
  // Sheet names are unique in the workbook, so tables named after them are too.
  const tables = new Set<string>();
  const tableName = (wish: string) => {
    const name = uniqueTableName(wish, tables);
    tables.add(name);
    return name;
  };
  const k = list.keyFigures;
  const base = uniqueTableName(figuresSheet, new Set());
  return [
    {
      name: listSheet,
      heading: [listHeading(list.sheet), "Innehåller personuppgifter – lämnar aldrig arbetsboken."],
      tables: [participantsTable(uniqueTableName(listSheet, new Set()), list.participants, list.withInsats)],
    },
    {
      name: figuresSheet,
      heading: [`Nyckeltal för ”${list.sheet}”, period ${list.period}`],
      tables: [
        {
          name: tableName(base),
          columns: [
            { header: "Nyckeltal", width: 40 },
            { header: "Värde", width: 12 },
          ],
          rows: SCALARS.filter((c) => c.key === null).map((c) => figureRow(c, k, list.limitDays)),
          summaryRows: [],
        },
        ...(Object.keys(BREAKDOWN_TABLE) as BreakdownField[]).map((field) => {
          const figure = KEY_FIGURES[field];
          const b: Breakdown = figure.breakdown;
          const counts = Object.entries(k[field]).map(([key, n]) => [b.keyLabel(key, "sv"), n]);
          const name = tableName(`${base}_${BREAKDOWN_TABLE[field]}`);
          return countTable(name, figure.label.sv, Object.fromEntries(counts));
        }),
      ],
    },
  ];
}
