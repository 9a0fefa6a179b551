/**
 * Insats lists: the association's list of its insatser (name, inriktning, budgeted
 * participants, perhaps målgrupp and ESF) read as what it is — not as a budget whose
 * participant counts would be kronor. The facade (read-workbook.ts) tries it before the budget reader.
 */
import { a1At, type CellValue, type Grid, isBlank, rowCount } from "./grid";
import type { Issue } from "./issues";
import type { InsatserTable, InsatsFocus } from "./report";
import { titleAbove } from "./title";

export interface InsatsListReading {
  readonly tables: readonly InsatserTable[];
  readonly issues: readonly Issue[];
}

type Column = "name" | "focus" | "count" | "target" | "esf";

/** Lower case, no notes in parentheses, letters and digits only: "Budgeterat antal (st)" → "budgeteratantal". */
const headerKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9åäöéü]+/g, "");

const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  name: [
    "insats",
    "insatser",
    "insatsnamn",
    "insatsensnamn",
    "namnpåinsats",
    "namn",
    "verksamhet",
    "projekt",
    "projektnamn",
    "aktivitet",
  ],
  focus: [
    "inriktning",
    "insatsensinriktning",
    "typ",
    "typavinsats",
    "insatstyp",
    "individstruktur",
    "individellerstruktur",
    "individinriktadstrukturövergripande",
  ],
  count: [
    "budgeteratantaldeltagare",
    "budgeteratantal",
    "budgeteradedeltagare",
    "planeratantal",
    "planeratantaldeltagare",
    "antalplatser",
    "platser",
    "beräknatantaldeltagare",
    "måltal",
    "måltaldeltagare",
  ],
  target: ["målgrupp", "målgrupper"],
  esf: ["esf", "esffinansierad", "esfprojekt", "esfmedel"],
};

const COLUMN_BY_KEY: ReadonlyMap<string, Column> = new Map(
  (Object.entries(HEADERS) as [Column, readonly string[]][]).flatMap(([column, keys]) =>
    keys.map((k): [string, Column] => [k, column]),
  ),
);

/** A header that makes the table a budget: a year, or budget, utfall, prognos or an amount's unit. */
const BUDGET_HEADER = /(?:19|20)\d\d|budget|utfall|prognos|avvikelse|\b[tm]?kr\b|kronor/i;

const HEADER_SCAN_ROWS = 30;
const SUMMARY_LABEL = /^(summa|totalt?|sum|samtliga)\b/i;

interface Header {
  readonly row: number;
  readonly columns: ReadonlyMap<Column, number>;
}

/** The header row of an insats list: a name column and one more of its own, and nothing a budget has. */
function findHeader(grid: Grid): Header | null {
  const rows = Math.min(rowCount(grid), HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = grid.values[r] ?? [];
    const columns = new Map<Column, number>();
    let budgetLike = false;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === "number" && v >= 1900 && v <= 2200) budgetLike = true;
      if (typeof v !== "string") continue;
      const column = COLUMN_BY_KEY.get(headerKey(v));
      if (column && !columns.has(column)) columns.set(column, c);
      else if (BUDGET_HEADER.test(v)) budgetLike = true;
    }
    if (budgetLike || !columns.has("name") || columns.size < 2) continue;
    return { row: r, columns };
  }
  return null;
}

/** Inriktning as written → its focus; undefined when the words say neither (or both). */
export function focusOf(text: string): InsatsFocus | undefined {
  const t = text.toLowerCase();
  const individ = /individ/.test(t);
  const struktur = /struktur/.test(t);
  if (individ === struktur) return undefined;
  return individ ? "individinriktad" : "strukturövergripande";
}

/** A budgeted count: a whole number, typed or as text ("60", "60 st", "ca 60"); undefined when unreadable. */
export function countOf(v: CellValue): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= 20_000_000 ? v : undefined;
  if (typeof v !== "string") return undefined;
  const m =
    /^\s*(?:ca\.?\s*)?(\d{1,3}(?:[\s\u00a0]\d{3})*|\d+)\s*(?:st\.?|deltagare|personer|platser)?\s*$/i.exec(v);
  return m ? Number(m[1]!.replace(/[\s\u00a0]/g, "")) : undefined;
}

const text = (v: CellValue | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
};

/** Null when the sheet holds no insats list (the facade then tries the budget reader). */
export function readInsatsList(grid: Grid): InsatsListReading | null {
  const header = findHeader(grid);
  if (!header) return null;
  const at = (c: Column): number => header.columns.get(c) ?? -1;
  const [nameCol, focusCol, countCol] = [at("name"), at("focus"), at("count")];
  const used = [...header.columns.values()];
  const issues: Issue[] = [];
  const insatser: InsatserTable["insatser"][number][] = [];
  let lastRow = header.row;
  const total = rowCount(grid);
  for (let r = header.row + 1; r < total; r++) {
    const row = grid.values[r] ?? [];
    if (used.every((c) => isBlank(row[c] ?? null))) {
      // A blank row after the list ends it: a note under it is no insats.
      if (insatser.length > 0) break;
      continue;
    }
    const name = text(row[nameCol]);
    if (name === null) continue;
    if (SUMMARY_LABEL.test(name)) break;
    lastRow = r;
    const focusText = focusCol < 0 ? null : text(row[focusCol]);
    let focus: InsatsFocus | null = null;
    if (focusText !== null) {
      const found = focusOf(focusText);
      if (found) focus = found;
      else
        issues.push({
          severity: "info",
          code: "code-unknown",
          sheet: grid.sheet,
          cell: a1At(grid, r, focusCol),
          field: "Inriktning",
          text: focusText,
        });
    }
    const countValue = countCol < 0 ? null : (row[countCol] ?? null);
    let budgetedParticipants: number | null = null;
    if (countValue !== null && !isBlank(countValue)) {
      const found = countOf(countValue);
      if (found !== undefined) budgetedParticipants = found;
      else
        issues.push({
          severity: "warning",
          code: "code-unknown",
          sheet: grid.sheet,
          cell: a1At(grid, r, countCol),
          field: "Budgeterat antal deltagare",
          text: String(countValue).slice(0, 200),
        });
    }
    insatser.push({
      name: name.slice(0, 500),
      cell: a1At(grid, r, nameCol),
      focus,
      focusCell: focusCol < 0 ? null : a1At(grid, r, focusCol),
      budgetedParticipants,
      budgetedParticipantsCell: countCol < 0 ? null : a1At(grid, r, countCol),
    });
  }
  if (insatser.length === 0) return null;
  const first = Math.min(...used);
  const last = Math.max(...used);
  const firstText = (r: number): string | null => {
    for (const v of grid.values[r] ?? []) if (typeof v === "string" && v.trim() !== "") return v.trim();
    return null;
  };
  return {
    tables: [
      {
        kind: "insatser",
        sheet: grid.sheet,
        title: titleAbove(firstText, header.row, -1, "heading"),
        range: `${a1At(grid, header.row, first)}:${a1At(grid, lastRow, last)}`,
        insatser,
      },
    ],
    issues,
  };
}

/**
 * An insats name as a key for matching: case, dashes and spaces do not count ("IPS – stöd" and
 * "ips-stöd" are one insats), so the list, the budget and the participant rows meet.
 */
export function insatsKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D-]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/\s*-\s*/g, "-")
    .trim();
}
