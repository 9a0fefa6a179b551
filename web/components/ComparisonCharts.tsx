/**
 * The comparison's charts (Fluent UI's own v9 charts, SVG): for budgets, costs by group per
 * association (stacked) and surplus per association; for participants, the share of closed
 * participants who went to work or studies, and participants per association. Each is a
 * figure with a title and a description in the page's language; the table above is their
 * text alternative.
 */
import {
  DataVizPalette,
  getColorFromToken,
  VerticalBarChart,
  VerticalStackedBarChart,
} from "@fluentui/react-charts";
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useId } from "react";
import type { Lang } from "../../shared/messages";
import type { Bar, ChartSeries } from "../comparison";
import { formatAmount, formatShare } from "../format";
import type { PageStrings } from "../strings";

export interface ComparisonChartsProps {
  readonly series: ChartSeries;
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly kind: "budget" | "participants";
}

const GROUP_COLORS = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
].map((token) => getColorFromToken(token));
const POSITIVE = getColorFromToken(DataVizPalette.color1);
const NEGATIVE = getColorFromToken(DataVizPalette.error);

/** How many bars the charts draw for these series: one per stack part with a figure, one per bar. */
export function expectedBars(series: ChartSeries): number {
  return (
    series.costs.reduce((n, s) => n + s.parts.filter((p) => p.value !== 0).length, 0) +
    series.surplus.length +
    series.share.length +
    series.participants.length
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  figure: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    width: "100%",
  },
  description: { color: tokens.colorNeutralForeground3 },
  // The charts' legend capitalises every word ("Kansli Och Administration"); Swedish does not.
  legend: { textTransform: "none" },
});

/** Axis labels: wrapped under a few bars, turned on their side under many; room for "−1 450 000" on the left. */
const axisProps = (bars: number) =>
  ({
    margins: { left: 96, right: 24, top: 24 },
    barWidth: "auto",
    maxBarWidth: 56,
    roundedTicks: true,
    ...(bars > 12 ? { rotateXAxisLables: true } : { wrapXAxisLables: true }),
  }) as const;

/** Width of one chart: room for 80 bars, never narrower than the page would show. */
const chartWidth = (bars: number): number => Math.max(640, Math.min(1400, 120 + bars * 22));
const HEIGHT = 340;

function Figure({
  title,
  description,
  empty,
  children,
}: {
  title: string;
  description: string;
  empty: string | null;
  children: React.ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} data-chart>
      <Subtitle2 as="h4" id={`${id}-t`}>
        {title}
      </Subtitle2>
      <Caption1 id={`${id}-d`} className={styles.description}>
        {description}
      </Caption1>
      {empty ? <Body1>{empty}</Body1> : children}
    </figure>
  );
}

function BarChart({
  bars,
  title,
  description,
  format,
  strings,
  signed,
}: {
  bars: readonly Bar[];
  title: string;
  description: string;
  format: (v: number) => string;
  strings: PageStrings;
  signed: boolean;
}) {
  return (
    <Figure
      title={title}
      description={description}
      empty={bars.length === 0 ? strings.comparison.noChart : null}
    >
      <VerticalBarChart
        chartTitle={title}
        width={chartWidth(bars.length)}
        height={HEIGHT}
        hideLegend
        hideLabels={bars.length > 12}
        {...axisProps(bars.length)}
        svgProps={{ "aria-label": `${title}. ${description}` }}
        yAxisTickFormat={format}
        data={bars.map((b) => ({
          x: b.label,
          y: b.value,
          legend: b.label,
          color: signed && b.value < 0 ? NEGATIVE : POSITIVE,
          xAxisCalloutData: b.label,
          yAxisCalloutData: format(b.value),
          barLabel: format(b.value),
        }))}
      />
    </Figure>
  );
}

export function ComparisonCharts({ series, strings, lang, kind }: ComparisonChartsProps) {
  const styles = useStyles();
  const c = strings.comparison;
  const kr = (v: number) => formatAmount(v, lang);
  const percent = (v: number) => formatShare(v / 100, lang);
  return (
    <section className={styles.root} aria-labelledby="charts-heading">
      <Subtitle2 as="h3" id="charts-heading">
        {c.charts}
      </Subtitle2>
      <Caption1>{c.chartsHint}</Caption1>
      {kind === "budget" ? (
        <>
          <Figure
            title={c.costsChart}
            description={c.costsChartDescription(series.costs.length)}
            empty={series.costs.length === 0 ? c.noChart : null}
          >
            <VerticalStackedBarChart
              legendProps={{ styles: { legend: styles.legend }, enabledWrapLines: true }}
              chartTitle={c.costsChart}
              width={chartWidth(series.costs.length)}
              height={HEIGHT}
              hideLabels={series.costs.length > 12}
              {...axisProps(series.costs.length)}
              svgProps={{
                "aria-label": `${c.costsChart}. ${c.costsChartDescription(series.costs.length)}`,
              }}
              yAxisTickFormat={kr}
              data={series.costs.map((stack) => ({
                xAxisPoint: stack.label,
                xAxisCalloutData: stack.label,
                chartData: stack.parts
                  .map((p, i) => ({ ...p, color: GROUP_COLORS[i]! }))
                  .filter((p) => p.value !== 0)
                  .map((p) => ({
                    legend: strings.groups[p.group],
                    data: p.value,
                    color: p.color,
                    yAxisCalloutData: kr(p.value),
                  })),
              }))}
            />
          </Figure>
          <BarChart
            bars={series.surplus}
            title={c.surplusChart}
            description={c.surplusChartDescription(series.surplus.length)}
            format={kr}
            strings={strings}
            signed
          />
        </>
      ) : (
        <>
          <BarChart
            bars={series.share}
            title={c.shareChart}
            description={c.shareChartDescription(series.share.length)}
            format={percent}
            strings={strings}
            signed={false}
          />
          <BarChart
            bars={series.participants}
            title={c.participantsChart}
            description={c.participantsChartDescription(series.participants.length)}
            format={kr}
            strings={strings}
            signed={false}
          />
        </>
      )}
    </section>
  );
}
