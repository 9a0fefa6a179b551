/** Chart proxies of the fake Excel: a Range and a known chart type, series built as Excel builds them, titles, positions. */
import type { FakeChart, FakeRangeRef, FakeSeries, FakeSheet } from "./book";
import { a1Of, cols, type RangeTarget, rows } from "./cells";
import { FakeClientObject, FakeCollection, type FakeContext, FakeOfficeError } from "./client";
import { FakeRange } from "./range";

/** Excel.ChartType, as ChartCollection.add and Chart.chartType take it ("Invalid" is refused). */
const CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 " +
    "BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked " +
    "LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded " +
    "BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked " +
    "AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface " +
    "SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC " +
    "StockVHLC StockVOHLC CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered " +
    "CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked ConeColStacked100 " +
    "ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked " +
    "PyramidColStacked100 PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn " +
    "Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap " +
    "Treemap Waterfall Sunburst Funnel"
  ).split(" "),
);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

function checkChartType(type: unknown): string {
  if (typeof type !== "string" || !CHART_TYPES.has(type))
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing: chart type "${String(type)}".`,
    );
  return type;
}

/** The chart's data: a Range (the typings take only a Range; a string address is refused). */
function sourceOf(source: unknown): RangeTarget {
  if (!(source instanceof FakeRange))
    throw new FakeOfficeError(
      "InvalidArgument",
      "The argument is invalid or missing: sourceData must be a Range.",
    );
  return source.resolveNow();
}

/**
 * The series Excel makes from a range, as faked: by columns when seriesBy says so, or on Auto
 * when the range has at least as many rows as columns. The first row (by columns) names the
 * series when all its cells are text; the first column holds the categories when its body
 * cells are all text and other columns follow.
 */
function seriesFrom(t: RangeTarget, seriesBy: string): FakeSeries[] {
  if (!SERIES_BY.has(seriesBy))
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing: seriesBy "${seriesBy}".`,
    );
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows(t.range) >= cols(t.range));
  const lines = byColumns ? cols(t.range) : rows(t.range);
  const points = byColumns ? rows(t.range) : cols(t.range);
  const at = (line: number, point: number) =>
    byColumns
      ? { row: t.range.start.row + point, col: t.range.start.col + line }
      : { row: t.range.start.row + line, col: t.range.start.col + point };
  const value = (line: number, point: number) => {
    const a = at(line, point);
    return t.sheet.cell(a.row, a.col)?.value ?? null;
  };
  const span = (n: number, from: number) => Array.from({ length: Math.max(0, n - from) }, (_, i) => from + i);
  const named = points > 1 && span(lines, 0).every((l) => typeof value(l, 0) === "string" || l === 0);
  const first = named ? 1 : 0;
  const categories =
    lines > 1 && points > first && span(points, first).every((p) => typeof value(0, p) === "string");
  const ref = (line: number): FakeRangeRef => ({
    sheet: t.sheet,
    range: { start: at(line, first), end: at(line, points - 1) },
  });
  return span(lines, categories ? 1 : 0).map((line, i) => ({
    name: named && typeof value(line, 0) === "string" ? String(value(line, 0)) : `Series${i + 1}`,
    values: ref(line),
    xValues: categories ? ref(0) : null,
  }));
}

class FakeChartTitle extends FakeClientObject<FakeChart> {
  protected read(t: FakeChart, name: string): unknown {
    if (name === "text") return t.title;
    throw new Error(`fake Excel: ChartTitle.${name} is not faked`);
  }
  get text(): string {
    return this.loadedValue("text");
  }
  set text(text: string) {
    this.context.enqueue(() => {
      this.target().title = text;
      return 0;
    }, text.length + 40);
    this.remember("text", text);
  }
}

class FakeChartSeries extends FakeClientObject<FakeSeries> {
  constructor(
    context: FakeContext,
    resolver: () => FakeSeries | null,
    private readonly chart: () => FakeChart,
  ) {
    super(context, resolver);
  }
  protected read(t: FakeSeries, name: string): unknown {
    if (name === "name") return t.name;
    throw new Error(`fake Excel: ChartSeries.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.context.enqueue(() => {
      this.target().name = name;
      return 0;
    });
    this.remember("name", name);
  }
  /** ExcelApi 1.7. The values (y for a scatter chart). */
  setValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      const t = this.target();
      const source = sourceOf(sourceData);
      t.values = { sheet: source.sheet, range: source.range };
      return 0;
    });
  }
  /** ExcelApi 1.7. The categories of a column chart, the x values of a scatter chart. */
  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      const t = this.target();
      const source = sourceOf(sourceData);
      t.xValues = { sheet: source.sheet, range: source.range };
      return 0;
    });
  }
  /** ExcelApi 1.7. */
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      const series = this.chart().series;
      series.splice(series.indexOf(t), 1);
      return 0;
    });
  }
}

class FakeChartSeriesCollection extends FakeCollection<FakeSeries, FakeChartSeries> {
  constructor(
    context: FakeContext,
    private readonly chart: () => FakeChart,
  ) {
    super(context);
  }
  protected list(): FakeSeries[] {
    return [...this.chart().series];
  }
  protected proxy(item: FakeSeries): FakeChartSeries {
    return new FakeChartSeries(
      this.context,
      () => (this.chart().series.includes(item) ? item : null),
      this.chart,
    );
  }
  /**
   * ExcelApi 1.7: a new series at the end (or at index), named as given, with no data until
   * setValues; what a chart built series by series, not by Excel's guess, starts from.
   */
  add(name?: string, index?: number): FakeChartSeries {
    let created: FakeSeries | null = null;
    this.context.enqueue(() => {
      const series = this.chart().series;
      created = { name: name ?? `Series${series.length + 1}`, values: null, xValues: null };
      series.splice(index ?? series.length, 0, created);
      return 0;
    });
    return new FakeChartSeries(
      this.context,
      () => (created && this.chart().series.includes(created) ? created : null),
      this.chart,
    );
  }
  /** A series by position; past the last one is ItemNotFound at sync. */
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => this.chart().series[index] ?? null, this.chart);
  }
}

class FakeChartProxy extends FakeClientObject<FakeChart> {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  constructor(context: FakeContext, resolver: () => FakeChart | null, orNull = false) {
    super(context, resolver, orNull);
    this.title = new FakeChartTitle(context, () => this.target());
    this.series = new FakeChartSeriesCollection(context, () => this.target());
  }
  protected read(t: FakeChart, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "chartType") return t.type;
    throw new Error(`fake Excel: Chart.${name} is not faked`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.context.enqueue(() => {
      this.target().name = name;
      return 0;
    });
    this.remember("name", name);
  }
  get chartType(): string {
    return this.loadedValue("chartType");
  }
  /** ExcelApi 1.7. */
  set chartType(type: string) {
    this.context.enqueue(() => {
      this.target().type = checkChartType(type);
      return 0;
    });
    this.remember("chartType", type);
  }
  /**
   * Chart.plotVisibleOnly (ExcelApi 1.8): whether cells in hidden rows and columns are left out
   * of the chart; true by default, as in Excel.
   */
  set plotVisibleOnly(only: boolean) {
    this.context.enqueue(() => {
      this.target().plotVisibleOnly = only;
      return 0;
    });
  }
  /** ExcelApi 1.1: new series from the range; the name, title and type stay. */
  setData(sourceData: FakeRange, seriesBy = "Auto"): void {
    this.context.enqueue(() => {
      const t = this.target();
      t.series = seriesFrom(sourceOf(sourceData), seriesBy);
      return 0;
    });
  }
  /** ExcelApi 1.1: over the cells from startCell (to endCell). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const a1 = (cell: FakeRange | string) =>
      typeof cell === "string" ? cell : a1Of(cell.resolveNow().range);
    this.context.enqueue(() => {
      const t = this.target();
      t.position = { from: a1(startCell), to: endCell === undefined ? null : a1(endCell) };
      return 0;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.target();
      const charts = this.context.book.charts;
      charts.splice(charts.indexOf(t), 1);
      return 0;
    });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart, FakeChartProxy> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  protected list(): FakeChart[] {
    return this.context.book.chartsOn(this.sheet());
  }
  protected proxy(item: FakeChart): FakeChartProxy {
    return new FakeChartProxy(this.context, () => (this.context.book.charts.includes(item) ? item : null));
  }
  private named(name: string): FakeChart | null {
    // Chart names need not be unique: the first one is the one Excel gives.
    return this.list().find((c) => c.name === name) ?? null;
  }
  /** ExcelApi 1.1; a missing chart is ItemNotFound at sync. */
  getItem(name: string): FakeChartProxy {
    return new FakeChartProxy(this.context, () => this.named(name));
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeChartProxy {
    return new FakeChartProxy(this.context, () => this.named(name), true);
  }
  getItemAt(index: number): FakeChartProxy {
    return new FakeChartProxy(this.context, () => this.list()[index] ?? null);
  }
  /** ExcelApi 1.1: a chart of the type over the range, named "Chart N" until the add-in names it. */
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChartProxy {
    let created: FakeChart | null = null;
    this.context.enqueue(() => {
      const book = this.context.book;
      const sheet = this.sheet();
      const chartType = checkChartType(type);
      const series = seriesFrom(sourceOf(sourceData), seriesBy);
      const names = new Set(book.chartsOn(sheet).map((c) => c.name));
      let n = names.size + 1;
      while (names.has(`Chart ${n}`)) n++;
      created = { name: `Chart ${n}`, sheet, type: chartType, title: "", series, position: null };
      book.charts.push(created);
      return 0;
    });
    return new FakeChartProxy(this.context, () =>
      created && this.context.book.charts.includes(created) ? created : null,
    );
  }
}
