/**
 * A report's history: its revisions with who sent them, when and from where, and the
 * difference between any two. An association's token opens its own association (asking for
 * another's gets the service's 403, shown as a message); admin and network choose one.
 */

import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Select } from "@fluentui/react-select";
import { Spinner } from "@fluentui/react-spinner";
import { Body1, Subtitle1, Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useState } from "react";
import type { RevisionInfo, Status } from "../../shared/api";
import { asClientFailure, type ClientFailure } from "../../shared/client";
import type { ReportDiff } from "../../shared/diff";
import type { Lang } from "../../shared/messages";
import { periodLabel } from "../../shared/period";
import type { ReportKind } from "../../shared/report";
import { keyName } from "../../shared/sync";
import type { Session } from "../api";
import { FailureBar } from "../components/FailureBar";
import { ScrollRegion } from "../components/ScrollRegion";
import { describeDiffKey, describeDiffValue } from "../diff-text";
import { formatDateTime } from "../format";
import type { PageStrings } from "../strings";
import { useTableStyles } from "./StatusView";

export interface HistoryViewProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly session: Session;
  readonly status: Status | null;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
});

interface Opened {
  readonly associationId: string;
  readonly kind: ReportKind;
  readonly period: string;
  readonly insats?: string | undefined;
  readonly revisions: readonly RevisionInfo[];
}

/** A report by where it is filed: kind, period and, for a list with an insats column, the insats. */
const reportKey = (kind: ReportKind, period: string, insats?: string) =>
  insats ? `${kind}/${period}/${insats}` : `${kind}/${period}`;

export function HistoryView({ strings, lang, session, status }: HistoryViewProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const h = strings.history;
  const own = session.me.kind === "association" ? session.me.association.id : null;
  const associations = [...(status?.associations ?? [])].sort((x, y) => x.name.localeCompare(y.name, "sv"));
  const [associationId, setAssociationId] = useState<string>(own ?? "");
  const [report, setReport] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [diff, setDiff] = useState<ReportDiff | null>(null);

  const reports = (status?.reports ?? [])
    .filter((r) => r.associationId === associationId)
    .sort((x, y) => x.kind.localeCompare(y.kind) || y.period.localeCompare(x.period));
  const chosen = reports.find((r) => reportKey(r.kind, r.period, r.insats) === report) ?? reports[0] ?? null;
  const reportName = (kind: ReportKind, period: string, insats?: string) =>
    `${strings.kinds[kind]} ${periodLabel(period, lang)}${insats ? `, ${insats}` : ""}`;

  const showHistory = async () => {
    if (!associationId || !chosen) return;
    setBusy(true);
    setFailure(null);
    setOpened(null);
    setDiff(null);
    try {
      const list = await session.api.revisions(associationId, chosen.kind, chosen.period, chosen.insats);
      setOpened({
        associationId,
        kind: chosen.kind,
        period: chosen.period,
        insats: chosen.insats,
        revisions: list.revisions,
      });
      const last = list.revisions.at(-1)?.revision ?? 1;
      setTo(String(last));
      setFrom(String(Math.max(1, last - 1)));
    } catch (e) {
      setFailure(asClientFailure(e));
    } finally {
      setBusy(false);
    }
  };

  const compare = async () => {
    if (!opened) return;
    setBusy(true);
    setFailure(null);
    try {
      setDiff(
        await session.api.diff(
          opened.associationId,
          opened.kind,
          opened.period,
          Number(from),
          Number(to),
          opened.insats,
        ),
      );
    } catch (e) {
      setFailure(asClientFailure(e));
    } finally {
      setBusy(false);
    }
  };

  const whoSent = (r: RevisionInfo) => (r.token ? keyName(r.token, strings.lang) : h.unknownToken);

  return (
    <section className={styles.root} aria-labelledby="history-heading">
      <Title3 as="h2" id="history-heading">
        {h.heading}
      </Title3>
      {own !== null && <Body1>{h.ownOnly}</Body1>}
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void showHistory();
        }}
      >
        <Field label={h.association}>
          <Select
            value={associationId}
            onChange={(_, d) => {
              setAssociationId(d.value);
              setReport("");
              setOpened(null);
              setDiff(null);
            }}
          >
            {own === null && <option value="">{strings.admin.chooseAssociation}</option>}
            {associations.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={h.report}>
          <Select
            value={chosen ? reportKey(chosen.kind, chosen.period, chosen.insats) : ""}
            onChange={(_, d) => setReport(d.value)}
            disabled={reports.length === 0}
          >
            {reports.length === 0 && <option value="">{associationId ? h.noReports : h.chooseReport}</option>}
            {reports.map((r) => (
              <option
                key={reportKey(r.kind, r.period, r.insats)}
                value={reportKey(r.kind, r.period, r.insats)}
              >
                {reportName(r.kind, r.period, r.insats)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" type="submit" disabled={!associationId || !chosen || busy}>
          {h.show}
        </Button>
      </form>
      {failure && (
        <FailureBar failure={failure} strings={strings} lang={lang} onDismiss={() => setFailure(null)} />
      )}
      {busy && <Spinner label={strings.loading} />}
      {opened && (
        <>
          <ScrollRegion label={h.revisionsName(reportName(opened.kind, opened.period, opened.insats))}>
            <table className={table.table} data-revisions>
              <caption className={table.caption}>
                {h.revisionsName(reportName(opened.kind, opened.period, opened.insats))}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{h.revision}</th>
                  <th scope="col">{h.when}</th>
                  <th scope="col">{h.who}</th>
                  <th scope="col">{h.from}</th>
                </tr>
              </thead>
              <tbody>
                {[...opened.revisions].reverse().map((r) => (
                  <tr key={r.revision}>
                    <th scope="row" className={table.rowHeader}>
                      {r.revision}
                    </th>
                    <td>{formatDateTime(r.createdAt, lang)}</td>
                    <td>{whoSent(r)}</td>
                    <td>
                      {h.clients[r.client]}
                      {r.override ? ` (${h.override})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <form
            className={styles.row}
            onSubmit={(e) => {
              e.preventDefault();
              void compare();
            }}
          >
            <RevisionSelect label={h.diffFrom} revisions={opened.revisions} value={from} onChange={setFrom} />
            <RevisionSelect label={h.diffTo} revisions={opened.revisions} value={to} onChange={setTo} />
            <Button type="submit" disabled={busy}>
              {h.compare}
            </Button>
          </form>
        </>
      )}
      {diff && (
        <div>
          <Subtitle1 as="h3" id="diff-heading">
            {h.diffName(diff.from, diff.to)}
          </Subtitle1>
          {diff.added.length + diff.removed.length + diff.changed.length === 0 ? (
            <Body1>{h.noDifferences}</Body1>
          ) : (
            <ScrollRegion label={h.diffName(diff.from, diff.to)}>
              <table className={table.table} data-diff>
                <caption className={table.caption}>{h.diffName(diff.from, diff.to)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{h.change}</th>
                    <th scope="col">{h.item}</th>
                    <th scope="col">{h.before}</th>
                    <th scope="col">{h.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {(["added", "removed", "changed"] as const).flatMap((change) =>
                    diff[change].map((entry) => (
                      <tr key={`${change}:${entry.key}`}>
                        <td>{h.changes[change]}</td>
                        <th scope="row" className={table.rowHeader}>
                          {describeDiffKey(entry.key, strings)}
                        </th>
                        <td>{describeDiffValue(entry.key, entry.before, strings, lang)}</td>
                        <td>{describeDiffValue(entry.key, entry.after, strings, lang)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </div>
      )}
    </section>
  );
}

/** One end of a comparison: a choice among the report's revisions. */
function RevisionSelect(props: {
  readonly label: string;
  readonly revisions: readonly { readonly revision: number }[];
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.revisions.map((r) => (
          <option key={r.revision} value={String(r.revision)}>
            {r.revision}
          </option>
        ))}
      </Select>
    </Field>
  );
}
