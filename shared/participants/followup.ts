/**
 * Aggregate follow-up tables: counts per period (Erbjudna, Deltagit), a satisfaction mean on a
 * 1–10 scale, outcome breakdowns with their total. Each count column is checked against its
 * stated total; a mean is checked against its scale, never summed.
 */
import { a1At, type CellValue, type Grid, isBlank, rowCount } from "../grid";
import type { Issue } from "../issues";
import type { FollowupTable } from "../report";
import { titleAbove } from "../title";
import { headerKey } from "./codes";
import { firstTextOfRow } from "./list";

/** Headers of the value columns of a follow-up table, as keys (see headerKey). */
const COUNT_HEADERS = new Set([
  "erbjudna",
  "erbjudits",
  "deltagit",
  "deltagare",
  "antal",
  "antaldeltagare",
  "antalpersoner",
  "inskrivna",
  "avslutade",
  "nyinskrivna",
  "kvinnor",
  "män",
  "varavkvinnor",
  "varavmän",
]);
const MEAN_HEADER = /nöjd|medel|snitt|genomsnitt/;
const SCALE = { min: 1, max: 10 } as const;

const TOTAL_LABEL = /^(summa|totalt?|sum|samtliga)\b/i;
/** Label-column headers that name the rows' kind rather than the table. */
const GENERIC_LABEL = /^(period|månad|år|kvartal|halvår|datum|tid|vecka|utfall|resultat|kategori)$/i;

function numberOf(v: CellValue): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const t = v.replace(/[\s\u00a0]/g, "").replace(",", ".");
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  }
  return null;
}

export interface FollowupReading {
  readonly tables: FollowupTable[];
  readonly issues: Issue[];
}

/** Every follow-up table on the sheet; none when no row has a follow-up header. */
export function readFollowupTables(grid: Grid): FollowupReading {
  const tables: FollowupTable[] = [];
  const issues: Issue[] = [];
  const rows = rowCount(grid);
  for (let r = 0; r < rows; r++) {
    const header = grid.values[r] ?? [];
    const valueCols: { col: number; header: string; mean: boolean }[] = [];
    let labelCol = -1;
    for (let c = 0; c < header.length; c++) {
      const v = header[c];
      if (typeof v !== "string" || v.trim() === "") continue;
      const key = headerKey(v);
      const mean = MEAN_HEADER.test(key);
      if (COUNT_HEADERS.has(key) || mean) valueCols.push({ col: c, header: v.trim(), mean });
      else if (labelCol < 0 && valueCols.length === 0) labelCol = c;
    }
    if (valueCols.length === 0) continue;
    if (labelCol < 0) labelCol = Math.max(0, valueCols[0]!.col - 1);
    if (valueCols.some((v) => v.col <= labelCol)) continue;

    // The body: labelled rows with at least one number, up to a total row or a gap.
    const body: { r: number; label: string; values: (number | null)[] }[] = [];
    let totalRow: { r: number; label: string; values: (number | null)[] } | null = null;
    let end = r;
    for (let b = r + 1; b < rows; b++) {
      const row = grid.values[b] ?? [];
      const label = row[labelCol];
      const values = valueCols.map((v) => numberOf(row[v.col] ?? null));
      if (isBlank(label ?? null) && values.every((x) => x === null)) break;
      if (values.every((x) => x === null)) break;
      const labelText = label === null || label === undefined ? "" : String(label).trim();
      end = b;
      if (TOTAL_LABEL.test(labelText)) {
        totalRow = { r: b, label: labelText, values };
        break;
      }
      body.push({ r: b, label: labelText, values });
    }
    if (body.length === 0) continue;

    const labelHeader = header[labelCol];
    const labelHeaderText = typeof labelHeader === "string" ? labelHeader.trim() : "";
    const title =
      labelHeaderText !== "" && !GENERIC_LABEL.test(labelHeaderText)
        ? labelHeaderText.slice(0, 500)
        : titleAbove((row) => firstTextOfRow(grid, row), r, -1, "heading");
    const keyed = (values: (number | null)[]) =>
      Object.fromEntries(valueCols.map((v, i) => [v.header, values[i] ?? null]));

    // Checks: a mean on its scale; a count column's parts against its stated total.
    for (const line of totalRow ? [...body, totalRow] : body) {
      valueCols.forEach((v, i) => {
        const x = line.values[i];
        if (v.mean && x !== null && x !== undefined && (x < SCALE.min || x > SCALE.max)) {
          issues.push({
            severity: "error",
            code: "value-out-of-range",
            sheet: grid.sheet,
            cell: a1At(grid, line.r, v.col),
            field: v.header,
            value: x,
            min: SCALE.min,
            max: SCALE.max,
          });
        }
      });
    }
    if (totalRow) {
      valueCols.forEach((v, i) => {
        const stated = totalRow.values[i];
        if (v.mean || stated === null || stated === undefined) return;
        let computed = 0;
        for (const line of body) computed += line.values[i] ?? 0;
        if (Math.abs(computed - stated) > 1e-9) {
          issues.push({
            severity: "error",
            code: "breakdown-mismatch",
            sheet: grid.sheet,
            cell: a1At(grid, totalRow.r, v.col),
            label: valueCols.length > 1 ? `${totalRow.label} ${v.header}` : totalRow.label,
            stated,
            computed,
          });
        }
      });
    }

    tables.push({
      kind: "followup",
      sheet: grid.sheet,
      title,
      range: `${a1At(grid, r, labelCol)}:${a1At(grid, end, valueCols[valueCols.length - 1]!.col)}`,
      columns: valueCols.map((v) => v.header),
      meanColumns: valueCols.filter((v) => v.mean).map((v) => v.header),
      rows: body.map((line) => ({
        label: line.label,
        cell: a1At(grid, line.r, labelCol),
        values: keyed(line.values),
      })),
      total: totalRow ? keyed(totalRow.values) : null,
    });
    r = end;
  }
  return { tables, issues };
}
