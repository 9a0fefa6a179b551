/**
 * Before anything leaves: each report "Skicka till Samsyn" would send — kind, period and its
 * figures exactly as they will leave, a hidden count as ".." — each with a tick box. The send
 * takes the ticked ones and nothing else.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-accordion";
import { Button } from "@fluentui/react-button";
import { Card } from "@fluentui/react-card";
import { Checkbox } from "@fluentui/react-checkbox";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-table";
import { Caption1, Subtitle2 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Lang } from "../../../shared/messages";
import type { ListPeriods } from "../../sync/periods";
import { figureRows } from "../reportFigures";
import type { UiStrings } from "../strings";
import type { Candidate } from "../useSendChoice";
import { PeriodSelect } from "./PeriodSelect";

export interface SendPreviewProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly candidates: readonly Candidate[];
  readonly lists: Readonly<Record<string, ListPeriods>>;
  readonly onPeriod: (sheet: string, period: string) => void;
  readonly onTick: (key: string, ticked: boolean) => void;
  readonly hasBudget: boolean;
  readonly budgetYear: string;
  readonly budgetYearOk: boolean;
  readonly onBudgetYear: (year: string) => void;
  readonly busy: boolean;
  readonly sending: boolean;
  readonly onSend: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: { tableLayout: "fixed", width: "100%" },
  label: { overflowWrap: "anywhere" },
  period: { width: "28%", overflowWrap: "anywhere" },
  number: { width: "34%", textAlign: "right", fontVariantNumeric: "tabular-nums" },
  year: { minWidth: 0, width: "120px" },
  panel: { marginInline: 0 },
});

function Figures({ candidate, strings, lang }: { candidate: Candidate; strings: UiStrings; lang: Lang }) {
  const styles = useStyles();
  const p = strings.preview;
  if (!candidate.item) return null;
  const rows = figureRows(candidate.item.report, strings, lang);
  const budget = candidate.kind === "budget";
  const name = strings.sync.reportName(candidate.kind, candidate.period, candidate.insats);
  return (
    <Accordion collapsible>
      <AccordionItem value="figures">
        <AccordionHeader size="small">{p.showFigures(rows.length)}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Table size="extra-small" className={styles.table} aria-label={name}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.label}>{p.columns.label}</TableHeaderCell>
                {budget && <TableHeaderCell className={styles.period}>{p.columns.period}</TableHeaderCell>}
                <TableHeaderCell className={styles.number}>{p.columns.value}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.path} data-path={row.path}>
                  <TableCell className={styles.label}>{row.label}</TableCell>
                  {budget && <TableCell className={styles.period}>{row.period}</TableCell>}
                  <TableCell className={styles.number}>{row.value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

export function SendPreview(props: SendPreviewProps) {
  const { strings, lang, candidates, busy } = props;
  const styles = useStyles();
  const s = strings.sync;
  const p = strings.preview;
  const ticked = candidates.filter((c) => c.ticked).length;
  return (
    <section className={styles.root} aria-label={p.heading}>
      <Subtitle2 as="h3">{p.heading}</Subtitle2>
      <Caption1>{p.hint}</Caption1>
      {props.hasBudget && (
        <Field
          label={s.budgetYear}
          hint={s.budgetYearHint}
          {...(props.budgetYearOk ? {} : { validationMessage: s.badYear })}
        >
          <Input
            className={styles.year}
            inputMode="numeric"
            value={props.budgetYear}
            onChange={(_, d) => props.onBudgetYear(d.value)}
          />
        </Field>
      )}
      {candidates.map((c, i) => {
        const name = s.reportName(c.kind, c.period, c.insats);
        const sheet = c.sheet ?? c.key;
        // A list's period once, on its first report: its insatser share it.
        const first = candidates.findIndex((o) => (o.sheet ?? o.key) === sheet) === i;
        const periods = c.kind === "participants" && first ? props.lists[sheet] : undefined;
        return (
          <Card key={c.key} className={styles.card} size="small">
            <Checkbox
              checked={c.ticked}
              disabled={busy}
              label={name}
              onChange={(_, d) => props.onTick(c.key, d.checked === true)}
            />
            {periods && (
              <PeriodSelect
                label={strings.keyFigures.period}
                lang={lang}
                options={periods.options}
                value={c.period}
                disabled={busy}
                onChange={(period) => props.onPeriod(sheet, period)}
              />
            )}
            {periods && c.insats !== undefined && <Caption1>{p.perInsats}</Caption1>}
            {c.ticked && <Figures candidate={c} strings={strings} lang={lang} />}
          </Card>
        );
      })}
      <div>
        <Button
          appearance="primary"
          disabled={busy || ticked === 0 || !props.budgetYearOk}
          onClick={props.onSend}
        >
          {props.sending ? s.sending : s.send}
        </Button>
      </div>
      <Caption1>{ticked === 0 ? p.nothingTicked : s.sendHint}</Caption1>
    </section>
  );
}
