/**
 * The comparison for a year: "År" and budget or deltagare, then one row per association with
 * the network's total, sortable; the charts; and the merged workbook to download. From the
 * request to the drawn table and charts is marked with performance marks (the bench reads them).
 */

import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Radio, RadioGroup } from "@fluentui/react-radio";
import { Spinner } from "@fluentui/react-spinner";
import { Body1, Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Status } from "../../shared/api";
import { asClientFailure, type ClientFailure } from "../../shared/client";
import type { Lang } from "../../shared/messages";
import { isYearText } from "../../shared/period";
import type { ReportKind } from "../../shared/report";
import { InsatsPicker } from "../../ui/InsatsPicker";
import type { PageApi } from "../api";
import { chartSeries, comparisonOf, outcomeComparisonOf, type ComparisonView as View } from "../comparison";
import { ComparisonCharts, expectedBars } from "../components/ComparisonCharts";
import { ComparisonTable } from "../components/ComparisonTable";
import { FailureBar } from "../components/FailureBar";
import { suggestedYear } from "../status";
import type { PageStrings } from "../strings";

export interface ComparisonViewProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly api: PageApi;
  readonly status: Status | null;
}

/** Performance marks: the request leaves, and the table and charts are drawn. */
export const MARK_REQUEST = "samsyn:comparison:request";
export const MARK_DRAWN = "samsyn:comparison:drawn";
export const MEASURE = "samsyn:comparison";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  form: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalL,
  },
  year: { width: "10em" },
  insats: { maxWidth: "28em" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

/** Waits until every chart has drawn its bars (the charts lay out after they measure their box), then marks. */
function useDrawnMark(root: React.RefObject<HTMLElement | null>, expected: number | null, key: unknown) {
  useEffect(() => {
    if (expected === null || key === null) return;
    let frame = 0;
    const started = performance.now();
    const check = () => {
      const bars = root.current?.querySelectorAll("[data-chart] svg rect").length ?? 0;
      if (bars >= expected || performance.now() - started > 10_000) {
        performance.mark(MARK_DRAWN);
        try {
          performance.measure(MEASURE, MARK_REQUEST, MARK_DRAWN);
        } catch {
          // No request mark (cleared): nothing to measure.
        }
        root.current?.setAttribute("data-drawn", "true");
        return;
      }
      frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [root, expected, key]);
}

export function ComparisonView({ strings, lang, api, status }: ComparisonViewProps) {
  const styles = useStyles();
  const c = strings.comparison;
  const [year, setYear] = useState<string | null>(null);
  const [kind, setKind] = useState<ReportKind>("budget");
  const [yearError, setYearError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [view, setView] = useState<View | null>(null);
  /** Participants: one insats by name, "" for all (each association's insatser added up). */
  const [insats, setInsats] = useState("");
  const root = useRef<HTMLElement>(null);
  const shownYear = year ?? suggestedYear(status);

  const comparison = useMemo(() => (view ? comparisonOf(view, strings) : null), [view, strings]);
  const outcome = useMemo(() => (view ? outcomeComparisonOf(view, strings) : null), [view, strings]);
  const series = useMemo(() => (comparison ? chartSeries(comparison) : null), [comparison]);
  useDrawnMark(root, series ? expectedBars(series) : null, view);

  const show = async (forInsats = insats) => {
    const asked = shownYear.trim();
    if (!isYearText(asked)) {
      setYearError(true);
      return;
    }
    setYearError(false);
    setBusy(true);
    setFailure(null);
    root.current?.removeAttribute("data-drawn");
    performance.clearMarks(MARK_REQUEST);
    performance.clearMarks(MARK_DRAWN);
    performance.clearMeasures(MEASURE);
    performance.mark(MARK_REQUEST);
    try {
      setView(
        await api.comparison(kind, asked, kind === "participants" ? forInsats || undefined : undefined),
      );
    } catch (e) {
      setView(null);
      setFailure(asClientFailure(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!view) return;
    setDownloading(true);
    setFailure(null);
    try {
      const blob = await api.mergedWorkbook(
        view.kind,
        view.period,
        view.kind === "participants" ? view.insats : undefined,
      );
      // A blob URL of the answer: the token stayed in the request's header, never in an address.
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `samsyn-${view.kind}-${view.period}.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setFailure(asClientFailure(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="comparison-heading" ref={root}>
      <Title3 as="h2" id="comparison-heading">
        {c.heading}
      </Title3>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <Field
          label={c.year}
          hint={c.yearHint}
          validationState={yearError ? "error" : "none"}
          {...(yearError ? { validationMessage: c.badYear } : {})}
        >
          <Input
            className={styles.year}
            inputMode="numeric"
            value={shownYear}
            onChange={(_, d) => setYear(d.value)}
          />
        </Field>
        <Field label={c.kind}>
          <RadioGroup
            layout="horizontal"
            value={kind}
            onChange={(_, d) => setKind(d.value === "participants" ? "participants" : "budget")}
          >
            <Radio value="budget" label={strings.kinds.budget} />
            <Radio value="participants" label={strings.kinds.participants} />
          </RadioGroup>
        </Field>
        <Button appearance="primary" type="submit" disabled={busy}>
          {c.show}
        </Button>
      </form>
      {failure && (
        <FailureBar failure={failure} strings={strings} lang={lang} onDismiss={() => setFailure(null)} />
      )}
      {busy && <Spinner label={strings.loading} />}
      {comparison && series && view && (
        <>
          <div className={styles.actions}>
            <Body1 role="status">
              {c.reporting(comparison.reporting, comparison.rows.length, comparison.year)}
            </Body1>
            <Button onClick={() => void download()} disabled={downloading}>
              {downloading ? c.downloading : c.download}
            </Button>
          </div>
          {view.kind === "participants" && view.insatser && (
            <InsatsPicker
              className={styles.insats}
              lang={lang}
              insatser={view.insatser}
              value={view.insats ?? ""}
              disabled={busy}
              onChange={(chosen) => {
                setInsats(chosen);
                void show(chosen);
              }}
            />
          )}
          <ComparisonTable comparison={comparison} strings={strings} lang={lang} />
          {outcome && (
            <section className={styles.root} aria-labelledby="outcome-heading">
              <Title3 as="h3" id="outcome-heading">
                {c.outcomeHeading}
              </Title3>
              <Body1>{c.outcomeIntro(outcome.reporting, outcome.rows.length, outcome.year)}</Body1>
              <ComparisonTable comparison={outcome} strings={strings} lang={lang} />
            </section>
          )}
          <ComparisonCharts series={series} strings={strings} lang={lang} kind={comparison.kind} />
        </>
      )}
    </section>
  );
}
