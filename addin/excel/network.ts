/**
 * Writes the network's comparison (shared/network.ts) into its sheet: the table with its live
 * totals through write.ts's writeSheet, and the native charts over the table. Fetching again
 * replaces it in place — the same sheet, the same table (resized) and the same charts (their
 * data re-pointed) — keeping the user's formatting, as a conversion's refresh does.
 * Round trips: one to see what exists (every sheet's name, tables and charts in one load), one
 * for all the writes, whatever the number of associations.
 *
 * Excel APIs beyond write.ts's, all within the add-in's ExcelApi 1.13, so none is guarded:
 * WorksheetCollection.load with nested CollectionLoadOptions (charts, tables: 1.1);
 * ChartCollection.add(type, Range, seriesBy) and getItem (1.1); Chart.name, title.text,
 * setData, setPosition (1.1); ChartSeriesCollection.getItemAt (1.1);
 * ChartSeries.setXAxisValues (1.7).
 */
import * as z from "zod";
import { parseRangeA1, rangeToA1 } from "../../shared/grid";
import { chartPlacements, type NetworkSheet } from "../../shared/network";
import { uniqueTableName } from "../../shared/output";
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

export async function writeNetworkSheet(
  host: ExcelHost,
  plan: NetworkSheet,
  onProgress?: Progress,
): Promise<NetworkSheetWritten> {
  const sheetPlan = planSheet(plan.sheet);
  const placement = sheetPlan.placements[0];
  if (!placement || sheetPlan.placements.length > 1) throw new Error("a network sheet plan holds one table");
  const key = plan.sheet.name.toLowerCase();
  const wrote = area(1, sheetPlan.lastRow, sheetPlan.columns);
  const totalRows = sheetPlan.lastRow;

  return host.run(async (context) => {
    const workbook = context.workbook;
    let rowsDone = 0;
    const budget = new RequestBudget(context, () => onProgress?.(Math.min(rowsDone, totalRows), totalRows));

    // —— round trip 1: what exists ——
    const sheets = workbook.worksheets;
    sheets.load({ name: true, tables: { name: true }, charts: { name: true } });
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
        .flatMap((s) => s.tables.items.map((t) => t.name.toLowerCase())),
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

    const charts = new Set((existing?.charts.items ?? []).map((c) => c.name));
    for (const p of chartPlacements(plan)) {
      const values = ws.getRange(p.values);
      const categories = ws.getRange(p.categories);
      let chart: Excel.Chart;
      if (charts.has(p.chart.name)) {
        // The same chart, its data re-pointed at the new rows; its type, title, place and looks are the user's now.
        chart = ws.charts.getItem(p.chart.name);
        chart.setData(values, "Columns");
      } else {
        chart = ws.charts.add(p.chart.type, values, "Columns");
        chart.name = p.chart.name;
        chart.title.text = p.chart.title;
        chart.setPosition(p.from, p.to);
      }
      // The associations' names as categories: setData takes only the value columns, which are
      // not beside the names for every chart. On a column chart this sets the categories
      // (office-js-docs-reference#1493: not scatter only, as older docs said).
      for (let i = 0; i < p.chart.values.length; i++) chart.series.getItemAt(i).setXAxisValues(categories);
    }

    records[key] = { area: wrote, table: name, headerRow: placement.headerRow };
    workbook.settings.add(NETWORK_KEY, JSON.stringify(records));
    await budget.flush();
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
