/**
 * Writes the network's comparison (shared/network.ts) into its sheet: the table with its live
 * totals through write.ts's writeSheet, and the native charts over the table. Fetching again
 * replaces it in place — the same sheet, the same table (resized) and the same charts (their
 * data re-pointed) — keeping the user's formatting, as a conversion's refresh does.
 * Round trips: one to see what exists (every sheet's name, tables and charts in one load), one
 * for all the writes, and one to build each chart's series explicitly (ChartCollection.add
 * leaves them to Excel's undocumented guess), whatever the number of associations.
 *
 * Excel APIs beyond write.ts's, all within the add-in's ExcelApi 1.13, so none is guarded:
 * WorksheetCollection.load with nested CollectionLoadOptions (charts, tables: 1.1);
 * Workbook.names loaded by name (NamedItemCollection, 1.1);
 * ChartCollection.add(type, Range, seriesBy) and getItem (1.1); Chart.name, title.text,
 * setData, setPosition (1.1); ChartSeriesCollection.getItemAt (1.1), add (1.7);
 * ChartSeries.name (1.1), setValues, setXAxisValues, delete (1.7); Chart.plotVisibleOnly (1.8);
 * Range.columnHidden (1.2).
 */
import * as z from "zod";
import { columnLetters, parseA1, parseRangeA1, rangeToA1 } from "../../shared/grid";
import { type ChartPlacement, chartPlacements, type NetworkSheet, SUPPRESSED } from "../../shared/network";
import { isFormula, layoutSheet, type OutputCell, uniqueTableName } from "../../shared/output";
import type { ExcelHost } from "./host";
import { parseSetting } from "./state";
import { area, type PlacedTable, type Progress, planSheet, RequestBudget, writeSheet } from "./write";

/** What the workbook remembers of its network sheets, by sheet name in lower case. */
export const NETWORK_KEY = "samsyn.network";

const NetworkSheetRecord = z.object({
  /** The A1 area the last fetch wrote: what the next one clears. */
  area: z.string(),
  table: z.string(),
  headerRow: z.number().int().positive(),
});
const NetworkRecords = z.record(z.string(), NetworkSheetRecord);
type NetworkRecords = z.infer<typeof NetworkRecords>;

export interface NetworkSheetWritten {
  readonly sheet: string;
  /** The table's name: the plan's, unless a table of the user's already had it. */
  readonly table: string;
  readonly charts: readonly string[];
  /** True when the sheet was there from an earlier fetch and was replaced in place. */
  readonly refreshed: boolean;
  /** Rows of the table: one per association. */
  readonly associations: number;
}

/** The smallest area from A1 that covers both (this fetch's area and the last one's). */
function coverBoth(a: string, b: string | undefined): string {
  const x = parseRangeA1(a);
  const y = b ? parseRangeA1(b) : null;
  if (!x || !y) return a;
  return rangeToA1({
    start: { row: 0, col: 0 },
    end: { row: Math.max(x.end.row, y.end.row), col: Math.max(x.end.col, y.end.col) },
  });
}

/** Said in the title of a chart that has a hidden count: it is a gap, not a 0. */
export const GAP_NOTE = `dolt antal ("${SUPPRESSED}") visas som lucka`;

interface ChartSeriesPlan {
  readonly name: string;
  /** A1 of the series' values: the table's column, or its gap column. */
  readonly values: string;
}

/**
 * Where each chart's series take their values: the table's column where every association's
 * figure is a number; else a gap column, hidden, past the charts, whose cells are
 * =IF(ISNUMBER(B5),B5,NA()) over the table's cells, so a hidden count plots as a gap.
 */
function chartData(plan: NetworkSheet) {
  const placements = chartPlacements(plan);
  const [layout] = layoutSheet(plan.sheet);
  const table = plan.sheet.tables[0];
  const gapColumns: { letter: string; range: string; cells: (string | number)[][] }[] = [];
  let next = layout ? layout.table.columns.length + 11 : 0;
  const charts = placements.map((placement) => {
    const start = parseA1(placement.values.split(":")[0]!)!;
    let gaps = false;
    const series: ChartSeriesPlan[] = placement.chart.values.map((header, i) => {
      const col = start.col + i;
      const letter = columnLetters(col);
      const body = `${letter}${layout!.firstBodyRow}:${letter}${layout!.lastBodyRow}`;
      const cells: readonly OutputCell[] = (table?.rows ?? []).map((row) => row[col] ?? null);
      // A blank is a gap already; only text ("..", "ingen rapport") would plot as 0.
      if (cells.every((cell) => cell === null || typeof cell === "number" || isFormula(cell)))
        return { name: header, values: body };
      gaps = true;
      const gap = columnLetters(next++);
      const formulas: (string | number)[][] = [[`'${header}`]];
      for (let r = layout!.firstBodyRow; r <= layout!.lastBodyRow; r++)
        formulas.push([`=IF(ISNUMBER(${letter}${r}),${letter}${r},NA())`]);
      gapColumns.push({
        letter: gap,
        range: `${gap}${layout!.headerRow}:${gap}${layout!.lastBodyRow}`,
        cells: formulas,
      });
      return { name: header, values: `${gap}${layout!.firstBodyRow}:${gap}${layout!.lastBodyRow}` };
    });
    return { placement, series, gaps } satisfies {
      placement: ChartPlacement;
      series: ChartSeriesPlan[];
      gaps: boolean;
    };
  });
  return { charts, gapColumns, lastColumn: gapColumns.length > 0 ? next - 1 : 0 };
}

export async function writeNetworkSheet(
  host: ExcelHost,
  plan: NetworkSheet,
  onProgress?: Progress,
): Promise<NetworkSheetWritten> {
  const sheetPlan = planSheet(plan.sheet);
  const placement = sheetPlan.placements[0];
  if (!placement || sheetPlan.placements.length > 1) throw new Error("a network sheet plan holds one table");
  const key = plan.sheet.name.toLowerCase();
  const charted = chartData(plan);
  const wrote = area(1, sheetPlan.lastRow, Math.max(sheetPlan.columns, charted.lastColumn + 1));
  const totalRows = sheetPlan.lastRow;

  return host.run(async (context) => {
    const workbook = context.workbook;
    let rowsDone = 0;
    const budget = new RequestBudget(context, () => onProgress?.(Math.min(rowsDone, totalRows), totalRows));

    // —— round trip 1: what exists ——
    const sheets = workbook.worksheets;
    sheets.load({ name: true, tables: { name: true }, charts: { name: true } });
    // Tables share one namespace with the defined names (ECMA-376 Part 1, 18.5.1.2).
    workbook.names.load("items/name");
    const setting = workbook.settings.getItemOrNullObject(NETWORK_KEY);
    setting.load("value");
    await context.sync();

    const existing = sheets.items.find((s) => s.name.toLowerCase() === key) ?? null;
    const records: NetworkRecords = parseSetting(
      NetworkRecords,
      setting.isNullObject ? undefined : setting.value,
      {},
    );
    const record = records[key];
    const onSheet = new Map((existing?.tables.items ?? []).map((t) => [t.name.toLowerCase(), t.name]));
    const elsewhere = new Set(
      sheets.items
        .filter((s) => s !== existing)
        .flatMap((s) => s.tables.items.map((t) => t.name.toLowerCase()))
        .concat(workbook.names.items.map((n) => n.name.toLowerCase())),
    );

    // —— round trip 2: the writes ——
    const wish = placement.table.name;
    const previous = onSheet.get((record?.table ?? wish).toLowerCase()) ?? null;
    // Table.resize keeps the header row: a table whose header moved is made anew.
    const keep = previous !== null && (record?.headerRow ?? placement.headerRow) === placement.headerRow;
    if (previous !== null && !keep) workbook.tables.getItem(previous).delete();
    const name =
      keep && previous
        ? previous
        : elsewhere.has(wish.toLowerCase())
          ? uniqueTableName(wish, elsewhere)
          : wish;
    const placed: PlacedTable = {
      name,
      existing: keep && previous ? workbook.tables.getItem(previous) : null,
    };
    const renames = new Map(name === wish ? [] : [[wish, name]]);

    const ws = existing
      ? workbook.worksheets.getItem(plan.sheet.name)
      : workbook.worksheets.add(plan.sheet.name);
    // Our area of last time and of this time; clearing contents only keeps the user's formatting.
    if (existing) ws.getRange(coverBoth(wrote, record?.area)).clear("Contents");
    await writeSheet(ws, sheetPlan, [placed], renames, budget, !existing, (n) => {
      rowsDone += n;
    });

    // Gap columns: where a chart's column holds text (".."), a hidden column beside the charts
    // gives the number or #N/A, which Excel leaves out of a chart (text would plot as 0).
    for (const gap of charted.gapColumns) {
      await budget.reserve(gap.cells.reduce((n, [cell]) => n + String(cell).length + 4, 0));
      ws.getRange(gap.range).formulas = gap.cells;
      ws.getRange(`${gap.letter}:${gap.letter}`).columnHidden = true;
    }
    const charts = new Set((existing?.charts.items ?? []).map((c) => c.name));
    const made = charted.charts.map((c) => {
      const p = c.placement;
      let chart: Excel.Chart;
      if (charts.has(p.chart.name)) {
        // The same chart; its type, title, place and looks are the user's now.
        chart = ws.charts.getItem(p.chart.name);
      } else {
        // Excel makes series from the range by its own rule; they are replaced below.
        chart = ws.charts.add(p.chart.type, ws.getRange(p.values), "Columns");
        chart.name = p.chart.name;
        chart.title.text = c.gaps ? `${p.chart.title} (${GAP_NOTE})` : p.chart.title;
        chart.setPosition(p.from, p.to);
      }
      if (c.gaps) chart.plotVisibleOnly = false;
      chart.series.load("items/name");
      return { chart, c };
    });

    records[key] = { area: wrote, table: name, headerRow: placement.headerRow };
    workbook.settings.add(NETWORK_KEY, JSON.stringify(records));
    await budget.flush();

    // —— round trip 3: each chart's series as planned, one per value column ——
    if (made.length > 0) {
      for (const { chart, c } of made) {
        const present = chart.series.items;
        c.series.forEach((s, i) => {
          // An existing series keeps the user's colours; a missing one is added.
          const series = present[i] ?? chart.series.add(s.name);
          series.name = s.name;
          series.setValues(ws.getRange(s.values));
          // On a column chart this sets the categories (office-js-docs-reference#1493).
          series.setXAxisValues(ws.getRange(c.placement.categories));
        });
        for (const extra of present.slice(c.series.length)) extra.delete();
      }
      await context.sync();
    }
    onProgress?.(totalRows, totalRows);
    return {
      sheet: plan.sheet.name,
      table: name,
      charts: plan.charts.map((c) => c.name),
      refreshed: existing !== null,
      associations: placement.table.rows.length,
    };
  });
}
