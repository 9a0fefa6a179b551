/**
 * What "Skicka till Samsyn" will send, as the user chooses it: each participant list's period
 * (the same one its key figures show), which reports are ticked, and the budget year. The
 * reports themselves come from reportsToSend, once: the preview shows them, the send sends them.
 */
import { useCallback, useMemo, useState } from "react";
import type { PublishedReport } from "../../shared/participants/periods";
import { isYearText } from "../../shared/period";
import type { WorkbookReading } from "../../shared/read-workbook";
import type { ReportKind } from "../../shared/report";
import type { SendChoice, SendItem } from "../sync/flow";
import type { ListPeriods } from "../sync/periods";
import { loadedConversion } from "./lazy";

export interface Candidate {
  /** The choice's key: a budget's budgetChoice, a participant list's sheet (with "\u0000insats" for one insats of it). */
  readonly key: string;
  /** A participant list's sheet: its period is chosen once for all its insatser. */
  readonly sheet?: string;
  /** The insats a report of a list with an insats column is filed under (one report per insats). */
  readonly insats?: string;
  readonly kind: ReportKind;
  /** The period it is filed under. */
  readonly period: string;
  readonly ticked: boolean;
  /** What leaves, exactly; null when not ticked. */
  readonly item: SendItem | null;
}

export interface ListPeriodsState {
  /** By the list's sheet: the periods it can be reported for. */
  readonly lists: Readonly<Record<string, ListPeriods>>;
  /** By the list's sheet: the period chosen. */
  readonly chosen: Readonly<Record<string, string>>;
  readonly choose: (sheet: string, period: string) => void;
}

/** Each participant list's periods, and the one chosen (shown in its key figures, sent). */
export function useListPeriods(reading: WorkbookReading | null): ListPeriodsState {
  const [picked, setPicked] = useState<Readonly<Record<string, string>>>({});
  const lists = useMemo(() => {
    const out: Record<string, ListPeriods> = {};
    // A reading exists only once the readers are loaded, and they bring listPeriods with them.
    const listPeriods = loadedConversion()?.listPeriods;
    if (!listPeriods) return out;
    for (const list of reading?.participantReadings ?? []) {
      const sheet = list.tables[0]?.sheet;
      if (sheet !== undefined && list.participants.length > 0) out[sheet] = listPeriods(list);
    }
    return out;
  }, [reading]);
  const chosen = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [sheet, periods] of Object.entries(lists)) {
      const p = picked[sheet];
      const period = p !== undefined && periods.options.includes(p) ? p : periods.preferred;
      if (period !== null) out[sheet] = period;
    }
    return out;
  }, [lists, picked]);
  const choose = useCallback(
    (sheet: string, period: string) => setPicked((p) => ({ ...p, [sheet]: period })),
    [],
  );
  return { lists, chosen, choose };
}

export function useSendChoice(
  reading: WorkbookReading | null,
  associationId: string | null,
  chosen: Readonly<Record<string, string>>,
  /** What the association has published: the preview shows the figures as checked against it. */
  published: readonly PublishedReport[] | null,
) {
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set());
  const [budgetYear, setBudgetYear] = useState("");
  const year = budgetYear.trim();
  const budgetYearOk = year === "" || isYearText(year);

  const candidates = useMemo((): Candidate[] => {
    const work = loadedConversion();
    if (!reading || associationId === null || !work) return [];
    const { budgetChoice, insatsGroupsOf, reportsToSend } = work;
    const budgets = reading.tables.flatMap((t) =>
      t.kind === "budget"
        ? [{ key: budgetChoice(t), plan: /\d{4}/.exec(t.periods[0] ?? "")?.[0] ?? null }]
        : [],
    );
    // A list with an insats column: one report per insats, each ticked on its own.
    const perInsats = new Set(
      reading.participantReadings.flatMap((r) =>
        insatsGroupsOf(r) !== null && r.tables[0] ? [r.tables[0].sheet] : [],
      ),
    );
    const choice: SendChoice = {
      budgets: budgets.filter((b) => !unticked.has(b.key)).map((b) => b.key),
      ...(year && budgetYearOk ? { budgetYear: year } : {}),
      periods: Object.fromEntries(
        Object.entries(chosen)
          .filter(([sheet]) => perInsats.has(sheet) || !unticked.has(sheet))
          .map(([sheet, period]) => [sheet, [period]]),
      ),
      ...(published ? { published } : {}),
    };
    const items = reportsToSend(reading, associationId, choice);
    const itemOf = (key: string) => items.find((i) => i.choice === key) ?? null;
    return [
      ...budgets.flatMap((b) =>
        b.plan === null
          ? []
          : [
              {
                key: b.key,
                kind: "budget" as const,
                period: year && budgetYearOk ? year : b.plan,
                ticked: !unticked.has(b.key),
                item: itemOf(b.key),
              },
            ],
      ),
      ...Object.entries(chosen).flatMap(([sheet, period]): Candidate[] => {
        if (!perInsats.has(sheet))
          return [
            {
              key: sheet,
              sheet,
              kind: "participants",
              period,
              ticked: !unticked.has(sheet),
              item: itemOf(sheet),
            },
          ];
        return items
          .filter((i) => i.choice === sheet && i.address.insats !== undefined)
          .map((i) => {
            const key = `${sheet}\u0000${i.address.insats}`;
            const ticked = !unticked.has(key);
            return {
              key,
              sheet,
              insats: i.address.insats!,
              kind: "participants",
              period,
              ticked,
              item: ticked ? i : null,
            };
          });
      }),
    ];
  }, [reading, associationId, chosen, unticked, year, budgetYearOk, published]);

  const tick = useCallback(
    (key: string, on: boolean) =>
      setUnticked((before) => {
        const next = new Set(before);
        if (on) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const items = candidates.flatMap((c) => (c.item ? [c.item] : []));
  const hasBudget = candidates.some((c) => c.kind === "budget");
  return { candidates, items, tick, budgetYear, setBudgetYear, budgetYearOk, hasBudget };
}
