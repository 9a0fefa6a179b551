/**
 * Generated participant lists for tests: random valid participants from a seed, laid out with
 * varying headers, column order and date forms, and defects injected one kind at a time with
 * the [cell, code] each one must give.
 */

import { excelSerialFromDate } from "../../shared/calendar";
import { type CellValue, columnLetters, type Grid, gridFromRows } from "../../shared/grid";

/** Seeded randomness (mulberry32), so a failing case can be replayed from its seed. */
export function rngFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const int = (rng: () => number, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const DAY_MS = 86_400_000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The fixed "today" of generated lists: 10-digit numbers get their century from it. */
export const TODAY = utc(2026, 11, 25);

function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export interface Person {
  /** YYYYMMDD-NNNN (day + 60 for a samordningsnummer). */
  readonly pnr: string;
  readonly birth: Date;
  readonly kon: "kvinna" | "man";
  readonly samordningsnummer: boolean;
}

/** A valid personnummer (or, now and then, samordningsnummer) born on `birth`. */
export function personBorn(
  rng: () => number,
  birth: Date,
  kon: "kvinna" | "man",
  samordning = false,
): Person {
  const y = birth.getUTCFullYear();
  const mm = String(birth.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(birth.getUTCDate() + (samordning ? 60 : 0)).padStart(2, "0");
  const serial = String(int(rng, 0, 99)).padStart(2, "0");
  const konDigit = kon === "man" ? pick(rng, [1, 3, 5, 7, 9]) : pick(rng, [0, 2, 4, 6, 8]);
  const nine = `${String(y).slice(2)}${mm}${dd}${serial}${konDigit}`;
  const check = luhnDigit(nine);
  return {
    pnr: `${y}${mm}${dd}-${serial}${konDigit}${check}`,
    birth,
    kon,
    samordningsnummer: samordning,
  };
}

/** Every written form of an identity number: 12 and 10 digits, with and without the dash. */
export function idForms(pnr: string): string[] {
  const twelve = pnr.replace("-", "");
  const ten = twelve.slice(2);
  return [pnr, twelve, `${ten.slice(0, 6)}-${ten.slice(6)}`, ten];
}

/** The forms a birth date is written in: 2014-06-07, 20140607, 140607, 7/6 2014, 07/06/2014. */
export function dateForms(d: Date): string[] {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const p = (n: number) => String(n).padStart(2, "0");
  return [
    iso(d),
    `${y}${p(m)}${p(day)}`,
    `${String(y).slice(2)}${p(m)}${p(day)}`,
    `${day}/${m} ${y}`,
    `${p(day)}/${p(m)}/${y}`,
  ];
}

export type Column =
  | "nr"
  | "personnummer"
  | "kon"
  | "hemkommun"
  | "remittent"
  | "kontaktMed"
  | "inskriven"
  | "avslutad"
  | "avslutsorsak";

export const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  nr: ["Nr", "Löpnr"],
  personnummer: ["Personnummer", "Pnr", "Personnr", "Samordningsnummer", "Person-nr"],
  kon: ["Kön", "Man/Kvinna"],
  hemkommun: ["Hemkommun", "Kommun", "Bostadskommun"],
  remittent: ["Remittent", "Remitterad av", "Remitterande myndighet"],
  kontaktMed: ["Kontakt med", "Kontakter", "Myndighetskontakter"],
  inskriven: ["Inskriven", "Startdatum", "Inskrivningsdatum", "Start"],
  avslutad: ["Avslutad", "Slutdatum", "Avslutsdatum"],
  avslutsorsak: ["Avslutsorsak", "Orsak till avslut", "Avslutsanledning"],
};

export const MUNICIPALITIES_USED = ["Lindesberg", "Hällefors", "Ljusnarsberg", "Nora", "Örebro", "Kumla"];
/** Names typed in the wrong column: text that must never reach a shared report. */
export const STRAY_NAMES = ["Anna Zetterqvist", "Bengt Olofsgård", "Xenia Quistorp"];
const REMITTENTER = ["Försäkringskassan", "Arbetsförmedlingen", "Socialtjänsten", "Allmänpsykiatrin"];
const KON_WRITTEN = { kvinna: ["Kvinna", "K", "kvinna", "F"], man: ["Man", "M", "man"] } as const;
const ORSAKER = [
  "Arbete",
  "Studier",
  "Arbetssökande på Arbetsförmedlingen",
  "Åter till remittent med medicinsk/social planering",
  "Annat",
  "Anställning",
  "Utbildning",
];

export interface Row {
  readonly person: Person;
  readonly konText: string;
  readonly hemkommun: string;
  readonly remittent: string;
  readonly kontaktMed: string;
  readonly start: Date;
  readonly end: Date | null;
  readonly orsak: string | null;
  /** How the identity number is written in the sheet. */
  readonly idWritten: CellValue;
}

export interface GenerateOptions {
  readonly rows: number;
  /** Age at enrolment to draw from; default 18–29 (so a Samverkansteamet target group is clean). */
  readonly ages?: { min: number; max: number };
  /** Share of rows with a stray name in the hemkommun column; default 0. */
  readonly strayHemkommun?: number;
  /** Share of closed stays; default 0.6. */
  readonly closedShare?: number;
  /** Municipalities to draw hemkommun from; default MUNICIPALITIES_USED. */
  readonly municipalities?: readonly string[];
}

export function generateRows(rng: () => number, options: GenerateOptions): Row[] {
  const ages = options.ages ?? { min: 18, max: 29 };
  const taken = new Set<string>();
  const rows: Row[] = [];
  while (rows.length < options.rows) {
    const start = addDays(utc(2014, 1, 1), int(rng, 0, 700));
    const age = int(rng, ages.min, ages.max);
    // A birth date that gives exactly `age` at start.
    const birth = addDays(
      utc(start.getUTCFullYear() - age - 1, start.getUTCMonth() + 1, start.getUTCDate()),
      int(rng, 1, 365),
    );
    const kon = rng() < 0.45 ? "kvinna" : "man";
    const person = personBorn(rng, birth, kon, rng() < 0.05);
    if (taken.has(person.pnr)) continue;
    taken.add(person.pnr);
    const closed = rng() < (options.closedShare ?? 0.6);
    const end = closed ? addDays(start, int(rng, 10, 360)) : null;
    const stray = rng() < (options.strayHemkommun ?? 0);
    const forms = idForms(person.pnr);
    const idWritten: CellValue =
      rng() < 0.15 ? Number(forms[1]) : person.birth.getUTCFullYear() >= 2000 ? forms[0]! : pick(rng, forms);
    rows.push({
      person,
      konText: pick(rng, KON_WRITTEN[kon]),
      hemkommun: stray ? pick(rng, STRAY_NAMES) : pick(rng, options.municipalities ?? MUNICIPALITIES_USED),
      remittent: pick(rng, REMITTENTER),
      kontaktMed: `${pick(rng, REMITTENTER)}, ${pick(rng, REMITTENTER)}`,
      start,
      end,
      orsak: end ? pick(rng, ORSAKER) : null,
      idWritten,
    });
  }
  return rows;
}

export interface Layout {
  readonly order: readonly Column[];
  readonly headers: Readonly<Record<Column, string>>;
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
}

export function randomLayout(rng: () => number): Layout {
  const order: Column[] = [
    "personnummer",
    "kon",
    "hemkommun",
    "remittent",
    "kontaktMed",
    "inskriven",
    "avslutad",
    "avslutsorsak",
  ];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.unshift("nr");
  const headers = Object.fromEntries(
    (Object.keys(HEADERS) as Column[]).map((c) => [c, pick(rng, HEADERS[c])]),
  ) as Record<Column, string>;
  return { order, headers, headerRow: int(rng, 0, 4) };
}

export const FIXED_LAYOUT: Layout = {
  order: [
    "nr",
    "personnummer",
    "kon",
    "hemkommun",
    "remittent",
    "kontaktMed",
    "inskriven",
    "avslutad",
    "avslutsorsak",
  ],
  headers: {
    nr: "Nr",
    personnummer: "Personnummer",
    kon: "Kön",
    hemkommun: "Hemkommun",
    remittent: "Remittent",
    kontaktMed: "Kontakt med",
    inskriven: "Inskriven",
    avslutad: "Avslutad",
    avslutsorsak: "Avslutsorsak",
  },
  headerRow: 3,
};

/** A1 address of a participant's cell: `index` is the participant's 0-based position in the list. */
export function cellOf(layout: Layout, index: number, column: Column): string {
  return `${columnLetters(layout.order.indexOf(column))}${layout.headerRow + 2 + index}`;
}

export type Cell = CellValue | { value: CellValue; numberFormat?: string };

/** A date cell in one of the forms lists hold: an Excel date, or text in several formats. */
export function dateCell(rng: () => number, d: Date): Cell {
  const k = rng();
  if (k < 0.6) return { value: excelSerialFromDate(d), numberFormat: "yyyy-mm-dd" };
  if (k < 0.7) return iso(d);
  if (k < 0.8) return iso(d).replace(/-/g, "");
  if (k < 0.9) return `${d.getUTCDate()}/${d.getUTCMonth() + 1} ${d.getUTCFullYear()}`;
  return `${iso(d)} 00:00`;
}

export interface Sheet {
  readonly cells: Cell[][];
  readonly layout: Layout;
}

/** The sheet: a title block, the header, one row per participant, an "Antal" row under it. */
export function sheetOf(rng: () => number, rows: readonly Row[], layout: Layout): Sheet {
  const cells: Cell[][] = [];
  for (let r = 0; r < layout.headerRow; r++) cells.push(r === 0 ? ["Deltagarförteckning (genererad)"] : []);
  cells.push(layout.order.map((c) => layout.headers[c]));
  rows.forEach((row, i) => {
    const byColumn: Record<Column, Cell> = {
      nr: i + 1,
      personnummer: row.idWritten,
      kon: row.konText,
      hemkommun: row.hemkommun,
      remittent: row.remittent,
      kontaktMed: row.kontaktMed,
      inskriven: dateCell(rng, row.start),
      avslutad: row.end ? dateCell(rng, row.end) : null,
      avslutsorsak: row.orsak,
    };
    cells.push(layout.order.map((c) => byColumn[c]));
  });
  cells.push([], ["Antal", rows.length]);
  return { cells, layout };
}

export const gridOf = (sheet: Sheet, name = "Deltagare"): Grid => gridFromRows(name, sheet.cells);

export type DefectKind =
  | "id-invalid"
  | "id-checksum"
  | "date-invalid"
  | "date-order"
  | "stay-warning"
  | "stay-error"
  | "age-outside-target"
  | "missing-id"
  | "missing-start"
  | "missing-orsak"
  | "duplicate-enrolment"
  | "kon-unknown"
  | "orsak-unknown";

export const DEFECT_KINDS: readonly DefectKind[] = [
  "id-invalid",
  "id-checksum",
  "date-invalid",
  "date-order",
  "stay-warning",
  "stay-error",
  "age-outside-target",
  "missing-id",
  "missing-start",
  "missing-orsak",
  "duplicate-enrolment",
  "kon-unknown",
  "orsak-unknown",
];

/**
 * Puts one defect into row `index` of the sheet and returns the [cell, code] it must give.
 * `source` is an earlier clean row, used by the duplicate. Target age 18–29 is assumed.
 */
export function injectDefect(
  sheet: Sheet,
  rows: readonly Row[],
  index: number,
  kind: DefectKind,
  source: number,
): [string, string][] {
  const { layout } = sheet;
  const line = sheet.cells[layout.headerRow + 1 + index]!;
  const set = (column: Column, value: Cell) => {
    line[layout.order.indexOf(column)] = value;
  };
  const at = (column: Column) => cellOf(layout, index, column);
  const row = rows[index]!;
  const serial = (d: Date): Cell => ({ value: excelSerialFromDate(d), numberFormat: "yyyy-mm-dd" });
  switch (kind) {
    case "id-invalid":
      set("personnummer", "19871227-90");
      return [[at("personnummer"), "id-invalid"]];
    case "id-checksum": {
      const pnr = row.person.pnr;
      const wrong = (Number(pnr.slice(-1)) + 1) % 10;
      set("personnummer", `${pnr.slice(0, -1)}${wrong}`);
      return [[at("personnummer"), "id-checksum"]];
    }
    case "date-invalid":
      set("inskriven", "2014-13-45");
      return [[at("inskriven"), "date-invalid"]];
    case "date-order":
      set("avslutad", serial(addDays(row.start, -10)));
      set("avslutsorsak", "Arbete");
      return [[at("avslutad"), "date-order"]];
    case "stay-warning":
      set("avslutad", serial(addDays(row.start, 400)));
      set("avslutsorsak", "Studier");
      return [[at("avslutad"), "stay-over-limit"]];
    case "stay-error":
      set("avslutad", serial(addDays(row.start, 600)));
      set("avslutsorsak", "Studier");
      return [[at("avslutad"), "stay-over-limit"]];
    case "age-outside-target": {
      // Born 40 years before the start: outside 18–29.
      const birth = addDays(row.start, -(40 * 365 + 20));
      const person = personBorn(rngFrom(index + 7), birth, row.person.kon);
      set("personnummer", person.pnr);
      return [[at("personnummer"), "age-outside-target"]];
    }
    case "missing-id":
      set("personnummer", null);
      return [[at("personnummer"), "field-missing"]];
    case "missing-start":
      set("inskriven", null);
      return [[at("inskriven"), "field-missing"]];
    case "missing-orsak":
      set("avslutad", serial(addDays(row.start, 30)));
      set("avslutsorsak", null);
      return [[at("avslutsorsak"), "field-missing"]];
    case "duplicate-enrolment": {
      const other = rows[source]!;
      set("personnummer", other.person.pnr);
      set("kon", other.konText);
      set("inskriven", serial(other.start));
      set("avslutad", other.end ? serial(other.end) : null);
      set("avslutsorsak", other.orsak);
      return [[at("personnummer"), "duplicate-enrolment"]];
    }
    case "kon-unknown":
      set("kon", "Okänt X");
      return [[at("kon"), "code-unknown"]];
    case "orsak-unknown":
      set("avslutad", serial(addDays(row.start, 30)));
      set("avslutsorsak", "Flög till månen");
      return [[at("avslutsorsak"), "code-unknown"]];
  }
}
