/**
 * The pane's state and actions: import a sheet, correct what detection guessed (recomputed
 * locally, no round trip), write or refresh the output, select an issue's cell. Excel is only
 * reached through the adapter; failures arrive as an ExcelFailure the pane puts into words.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import type { Lang } from "../../shared/messages";
import type { Corrections, SheetCorrections } from "../../shared/report";
import type { Imported } from "../convert";
import { classifyFailure, type ExcelFailure } from "../excel/errors";
import type { ExcelHost } from "../excel/host";
import { outputsOf } from "../excel/outputs";
import { loadedConversion, loadConversion as work } from "./lazy";

/** The source sheet of an import, as its outputs are remembered. */
export const sourceOf = (imported: Imported) => ({
  id: imported.snapshot.sourceId,
  name: imported.snapshot.grid.sheet,
  sheetId: imported.snapshot.sheetId,
});

export type Busy =
  | { readonly kind: "importing" }
  | { readonly kind: "writing"; readonly done: number; readonly total: number };

export interface ConversionState {
  readonly imported: Imported | null;
  readonly corrections: Corrections;
  readonly busy: Busy | null;
  readonly failure: ExcelFailure | null;
  /** Names of the sheets the last write produced. */
  readonly written: readonly string[] | null;
  /** Whether Excel's undo takes the last write back in one step. */
  readonly undo: "one-step" | "steps" | null;
}

export function useConversion(host: ExcelHost, lang: Lang) {
  const [state, setState] = useState<ConversionState>({
    imported: null,
    corrections: {},
    busy: null,
    failure: null,
    written: null,
    undo: null,
  });
  const running = useRef(false);

  /** Runs one piece of Excel work at a time; a failure becomes a message, never a crash. */
  const guarded = useCallback(async (busy: Busy, work: () => Promise<Partial<ConversionState>>) => {
    if (running.current) return;
    running.current = true;
    setState((s) => ({ ...s, busy, failure: null }));
    try {
      const change = await work();
      setState((s) => ({ ...s, ...change, busy: null }));
    } catch (error) {
      setState((s) => ({ ...s, busy: null, failure: classifyFailure(error) }));
    } finally {
      running.current = false;
    }
  }, []);

  const importSheet = useCallback(
    (scope: "active" | "selection") =>
      guarded({ kind: "importing" }, async () => {
        const { importSource } = await work();
        const imported = await importSource(host, { kind: scope });
        return { imported, corrections: imported.corrections, written: null };
      }),
    [guarded, host],
  );

  const write = useCallback(() => {
    const imported = state.imported;
    if (!imported) return Promise.resolve();
    return guarded({ kind: "writing", done: 0, total: 1 }, async () => {
      const options = {
        corrections: state.corrections,
        lang,
        onProgress: (done: number, total: number) =>
          setState((s) => ({ ...s, busy: { kind: "writing", done, total } })),
      };
      // "Skriv tabellerna" writes the reading on screen; "Uppdatera tabellerna" reads the sheet again.
      const { convert, writeReading } = await work();
      const refresh = outputsOf(imported.snapshot.outputs, sourceOf(imported)) !== undefined;
      const converted = refresh
        ? await convert(host, imported.snapshot.scope, options)
        : await writeReading(host, imported, options);
      const { [converted.snapshot.grid.sheet]: _byName, ...rest } = converted.snapshot.outputs;
      const outputs = { ...rest, [converted.snapshot.sourceId]: converted.record };
      return {
        imported: { ...converted, snapshot: { ...converted.snapshot, outputs } },
        corrections: converted.corrections,
        written: converted.record.sheets.map((s) => s.name),
        undo: converted.undo,
      };
    });
  }, [guarded, host, lang, state.imported, state.corrections]);

  /** "Uppföljning Finsam": every sheet read, the follow-up sheet written; what is imported stays as it is. */
  const followup = useCallback(
    () =>
      guarded({ kind: "writing", done: 0, total: 1 }, async () => {
        const { writeFollowup } = await work();
        const done = await writeFollowup(host, {
          lang,
          onProgress: (n: number, total: number) =>
            setState((s) => ({ ...s, busy: { kind: "writing", done: n, total } })),
        });
        return { written: [done.sheet], undo: done.undo };
      }),
    [guarded, host, lang],
  );

  const correct = useCallback((sheet: string, change: (before: SheetCorrections) => SheetCorrections) => {
    setState((s) => ({
      ...s,
      corrections: { ...s.corrections, [sheet]: change(s.corrections[sheet] ?? {}) },
    }));
  }, []);

  const select = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await (await work()).selectCell(host, sheet, cell);
      } catch (error) {
        setState((s) => ({ ...s, failure: classifyFailure(error) }));
      }
    },
    [host],
  );

  const unmark = useCallback(() => {
    const imported = state.imported;
    if (!imported) return Promise.resolve();
    return guarded({ kind: "writing", done: 0, total: 1 }, async () => {
      await (await work()).removeMarks(host, sourceOf(imported));
      const key = sourceOf(imported);
      const record = outputsOf(imported.snapshot.outputs, key);
      const outputs = record
        ? { ...imported.snapshot.outputs, [key.id]: { ...record, marks: [], fills: {} } }
        : imported.snapshot.outputs;
      return { imported: { ...imported, snapshot: { ...imported.snapshot, outputs } } };
    });
  }, [guarded, host, state.imported]);

  const dismiss = useCallback(() => setState((s) => ({ ...s, failure: null })), []);

  // Corrections apply at once: the core runs again on the grid already read (loaded with it).
  const reading = useMemo(() => {
    const imported = state.imported;
    if (!imported) return null;
    const loaded = loadedConversion();
    return imported.corrections === state.corrections || !loaded
      ? imported.reading
      : loaded.inspectGrid(imported.snapshot.grid, state.corrections);
  }, [state.imported, state.corrections]);

  return { state, reading, importSheet, write, followup, unmark, correct, select, dismiss };
}
