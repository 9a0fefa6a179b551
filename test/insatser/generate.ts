/**
 * Generated insats lists and participant lists with an insats column, each with the truth
 * known: header wordings, focus words, missing and text counts, blank insats cells. The property
 * tests and the fidelity bench (bench/fidelity-insatser.ts) read them and judge the reading.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../shared/grid";
import { gridFromRows } from "../../shared/grid";
import { luhnValid } from "../../shared/identity";
import type { ParticipantReading } from "../../shared/participants";
import type { InsatserTable, InsatsFocus, ParticipantsTable } from "../../shared/report";

export const NAME_HEADERS = [
  "Insats",
  "Insatser",
  "Insatsnamn",
  "Verksamhet",
  "Projekt",
  "Aktivitet",
  "Namn",
];
export const FOCUS_HEADERS = ["Inriktning", "Typ av insats", "Insatstyp", "Individ/struktur"];
export const COUNT_HEADERS = [
  "Budgeterat antal deltagare",
  "Planerat antal",
  "Planerat antal deltagare",
  "Antal platser",
  "Måltal (deltagare)",
];
const FOCUS_WORDS: Readonly<Record<InsatsFocus, readonly string[]>> = {
  individinriktad: ["Individ", "Individinriktad", "individinriktad insats", "INDIVIDINRIKTAD", "Individnivå"],
  strukturövergripande: ["Struktur", "Strukturövergripande", "strukturövergripande", "Strukturinriktad"],
};
const UNKNOWN_FOCUS = ["Blandad", "Övrigt", "Båda", "?"];
export const INSATS_NAMES = [
  "Jobbcoacher",
  "IPS – individanpassat stöd till arbete",
  "Unga till arbete",
  "Kompetensutveckling i samverkan",
  "Samverkansteamet",
  "Kvinnohälsa",
  "Unga vuxna",
  "Arbetslivsinriktad rehabilitering",
  "Hälsofrämjande insatser",
  "Finsam-forum",
  "Steget vidare",
  "Lots för unga",
];

type FocusCell =
  | { kind: "focus"; focus: InsatsFocus; word: string }
  | { kind: "unknown"; word: string }
  | { kind: "blank" };
type CountCell = { kind: "number"; n: number } | { kind: "text"; n: number } | { kind: "blank" };

export interface InsatsListSpec {
  readonly sheet: string;
  readonly titleRows: readonly string[];
  readonly headers: { readonly name: string; readonly focus: string | null; readonly count: string | null };
  readonly extra: readonly ("Målgrupp" | "ESF")[];
  /** Column order of name, focus, count and the extra columns. */
  readonly order: readonly number[];
  readonly insatser: readonly {
    readonly name: string;
    readonly focus: FocusCell;
    readonly count: CountCell;
  }[];
}

const focusCellArb: fc.Arbitrary<FocusCell> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...(["individinriktad", "strukturövergripande"] as const))
      .chain((focus) =>
        fc.constantFrom(...FOCUS_WORDS[focus]).map((word): FocusCell => ({ kind: "focus", focus, word })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...UNKNOWN_FOCUS).map((word): FocusCell => ({ kind: "unknown", word })),
  },
  { weight: 1, arbitrary: fc.constant<FocusCell>({ kind: "blank" }) },
);
const countCellArb: fc.Arbitrary<CountCell> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 400 }).map((n): CountCell => ({ kind: "number", n })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n): CountCell => ({ kind: "text", n })) },
  { weight: 2, arbitrary: fc.constant<CountCell>({ kind: "blank" }) },
);

export const insatsListArb: fc.Arbitrary<InsatsListSpec> = fc
  .record({
    sheet: fc.constantFrom("Insatser", "Insatser 2023", "Insatslista", "Verksamheter"),
    titleRows: fc.constantFrom([], ["Förbundets insatser 2023"], ["Insatser", "Beslutade av styrelsen"]),
    name: fc.constantFrom(...NAME_HEADERS),
    // At least one of focus and count: a list of names alone is no insats list.
    which: fc.constantFrom("both", "focus", "count"),
    focus: fc.constantFrom(...FOCUS_HEADERS),
    count: fc.constantFrom(...COUNT_HEADERS),
    extra: fc.subarray(["Målgrupp", "ESF"] as const),
    names: fc.shuffledSubarray(INSATS_NAMES, { minLength: 1, maxLength: 10 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .chain((r) =>
    fc
      .tuple(
        fc.array(fc.tuple(focusCellArb, countCellArb), {
          minLength: r.names.length,
          maxLength: r.names.length,
        }),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
      )
      .map(
        ([cells, order]): InsatsListSpec => ({
          sheet: r.sheet,
          titleRows: r.titleRows,
          headers: {
            name: r.name,
            focus: r.which === "count" ? null : r.focus,
            count: r.which === "focus" ? null : r.count,
          },
          extra: r.extra,
          order,
          insatser: r.names.map((name, i) => ({
            name,
            focus: r.which === "count" ? { kind: "blank" } : cells[i]![0],
            count: r.which === "focus" ? { kind: "blank" } : cells[i]![1],
          })),
        }),
      ),
  );

/** The sheet of a spec: title rows, a blank row, the header, one row per insats. */
export function buildInsatsList(spec: InsatsListSpec): Grid {
  const columns: { header: string; cell: (i: InsatsListSpec["insatser"][number]) => CellValue }[] = [
    { header: spec.headers.name, cell: (i) => i.name },
  ];
  if (spec.headers.focus)
    columns.push({
      header: spec.headers.focus,
      cell: (i) => (i.focus.kind === "blank" ? null : i.focus.word),
    });
  if (spec.headers.count)
    columns.push({
      header: spec.headers.count,
      cell: (i) =>
        i.count.kind === "blank" ? null : i.count.kind === "number" ? i.count.n : `${i.count.n} st`,
    });
  for (const extra of spec.extra)
    columns.push({ header: extra, cell: () => (extra === "ESF" ? "Nej" : "Unga vuxna 18–29 år") });
  const order = spec.order.filter((k) => k < columns.length);
  const ordered = order.map((k) => columns[k]!);
  const rows: CellValue[][] = [];
  for (const t of spec.titleRows) rows.push([t]);
  if (spec.titleRows.length > 0) rows.push([]);
  rows.push(ordered.map((c) => c.header));
  for (const insats of spec.insatser) rows.push(ordered.map((c) => c.cell(insats)));
  return gridFromRows(spec.sheet, rows);
}

/** True when the reading holds exactly the list: names, focus, counts, and an issue at each unknown word. */
export function insatsListReadRight(
  spec: InsatsListSpec,
  tables: readonly { kind: string }[],
  issueCount: number,
): boolean {
  if (tables.length !== 1 || tables[0]!.kind !== "insatser") return false;
  const table = tables[0] as InsatserTable;
  if (table.insatser.length !== spec.insatser.length) return false;
  const unknown = spec.insatser.filter((i) => i.focus.kind === "unknown").length;
  if (issueCount !== unknown) return false;
  return spec.insatser.every((want, k) => {
    const got = table.insatser[k]!;
    const focus = want.focus.kind === "focus" ? want.focus.focus : null;
    const count = want.count.kind === "blank" ? null : want.count.n;
    return got.name === want.name && got.focus === focus && got.budgetedParticipants === count;
  });
}

// —— participant lists with an insats column ——

export const INSATS_COLUMN_HEADERS = ["Insats", "Verksamhet", "Projekt", "Insatsnamn", "Aktivitet"];

/** A valid personnummer, unique for i below 180 000, born 1970–1975; even i a woman. */
export function personnummerOf(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (i % 2000) * 86_400_000);
  const yymmdd = `${String(birth.getUTCFullYear() % 100).padStart(2, "0")}${String(birth.getUTCMonth() + 1).padStart(2, "0")}${String(birth.getUTCDate()).padStart(2, "0")}`;
  // The third digit of the birth number gives kön: odd a man, even a woman.
  const third = i % 2 === 0 ? 2 : 1;
  const nine = `${yymmdd}${10 + Math.floor(i / 2000)}${third}`;
  for (let check = 0; check < 10; check++)
    if (luhnValid(`${nine}${check}`))
      return `${birth.getUTCFullYear()}${nine.slice(2, 6)}-${nine.slice(6)}${check}`;
  throw new Error("no check digit");
}

export interface InsatsParticipantSpec {
  readonly header: string;
  /** Per row: the insats's index in INSATS_NAMES, or null for a blank cell. */
  readonly rows: readonly (number | null)[];
  readonly konColumn: boolean;
}

export const insatsParticipantsArb: fc.Arbitrary<InsatsParticipantSpec> = fc.record({
  header: fc.constantFrom(...INSATS_COLUMN_HEADERS),
  rows: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { freq: 12 }), { minLength: 1, maxLength: 60 }),
  konColumn: fc.boolean(),
});

/** A participant list of a spec: every stay in 2023, one row per person. */
export function buildInsatsParticipants(spec: InsatsParticipantSpec, sheet = "Deltagare"): Grid {
  const rows: CellValue[][] = [
    ["Deltagare 2023"],
    [],
    [
      "Personnummer",
      ...(spec.konColumn ? ["Kön"] : []),
      "Hemkommun",
      spec.header,
      "Inskrivningsdatum",
      "Avslutsdatum",
    ],
  ];
  spec.rows.forEach((insats, i) => {
    rows.push([
      personnummerOf(i),
      ...(spec.konColumn ? [i % 2 === 0 ? "Kvinna" : "Man"] : []),
      "Kalmar",
      insats === null ? null : INSATS_NAMES[insats]!,
      "2023-02-01",
      null,
    ]);
  });
  return gridFromRows(sheet, rows);
}

/** True when the list's byInsats holds each insats's rows and kön right, and a warning marks each blank insats. */
export function insatsParticipantsReadRight(
  spec: InsatsParticipantSpec,
  reading: ParticipantReading | null,
): boolean {
  if (!reading) return false;
  const table = reading.tables[0] as ParticipantsTable | undefined;
  if (!table?.byInsats || table.rows !== spec.rows.length) return false;
  const want = new Map<string, { rows: number; kvinna: number; man: number }>();
  spec.rows.forEach((k, i) => {
    if (k === null) return;
    const name = INSATS_NAMES[k]!;
    const w = want.get(name) ?? { rows: 0, kvinna: 0, man: 0 };
    w.rows++;
    if (i % 2 === 0) w.kvinna++;
    else w.man++;
    want.set(name, w);
  });
  const blanks = spec.rows.filter((k) => k === null).length;
  const blankWarnings = reading.issues.filter(
    (i) => i.code === "field-missing" && i.severity === "warning",
  ).length;
  if (blankWarnings !== blanks || reading.issues.length !== blanks) return false;
  if (table.byInsats.length !== want.size) return false;
  return table.byInsats.every((b) => {
    const w = want.get(b.insats);
    return (
      w !== undefined &&
      b.rows === w.rows &&
      b.keyFigures.byKon.kvinna === w.kvinna &&
      b.keyFigures.byKon.man === w.man
    );
  });
}
