/**
 * The conversion as the pane runs it: read the source, run the same core as `samsyn inspect`
 * (readWorkbook), plan the output sheets, write them. Import and convert each take a fixed
 * number of round trips to Excel whatever the row count.
 */
import type { Grid } from "../shared/grid";
import { readWorkbook, type WorkbookReading } from "../shared/inspect";
import type { Issue } from "../shared/issues";
import { describeIssue, type Lang } from "../shared/messages";
import type { OutputSheet } from "../shared/output";
import type { Corrections } from "../shared/report";
import type { ExcelHost } from "./excel/host";
import { readSource, type SourceScope, type SourceSnapshot } from "./excel/read";
import type { OutputRecord, Outputs } from "./excel/state";
import { type IssueMark, type Progress, writeConversion } from "./excel/write";

export interface Imported {
  readonly snapshot: SourceSnapshot;
  readonly corrections: Corrections;
  readonly reading: WorkbookReading;
}

export interface Converted extends Imported {
  readonly sheets: readonly OutputSheet[];
  readonly record: OutputRecord;
}

/** The core over one grid, with the corrections the user made (or the ones the workbook remembers). */
export function inspectGrid(grid: Grid, corrections: Corrections): WorkbookReading {
  return readWorkbook([grid], { corrections });
}

export async function importSource(
  host: ExcelHost,
  scope: SourceScope,
  corrections?: Corrections,
): Promise<Imported> {
  const snapshot = await readSource(host, scope);
  // Let the pane paint its progress before the core runs (half a second on 20 000 rows).
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  const chosen = corrections ?? snapshot.corrections;
  return { snapshot, corrections: chosen, reading: inspectGrid(snapshot.grid, chosen) };
}

/** Sheet names the plan must avoid: every sheet except the outputs this source wrote before (those get reused). */
export function namesToAvoid(sheetNames: readonly string[], outputs: Outputs, source: string): string[] {
  const own = new Set((outputs[source]?.sheets ?? []).map((s) => s.name.toLowerCase()));
  return sheetNames.filter((name) => !own.has(name.toLowerCase()));
}

export function issueMarks(issues: readonly Issue[], sheet: string, lang: Lang): IssueMark[] {
  return issues
    .filter((issue) => issue.sheet === sheet && issue.cell !== null)
    .map((issue) => ({ cell: issue.cell!, severity: issue.severity, text: describeIssue(issue, lang) }));
}

/**
 * Reads the source again and writes its output: the first time new sheets and tables, on
 * refresh the same ones updated in place. The corrections given are saved with the workbook.
 */
export async function convert(
  host: ExcelHost,
  scope: SourceScope,
  options: { corrections?: Corrections; lang?: Lang; onProgress?: Progress } = {},
): Promise<Converted> {
  const imported = await importSource(host, scope, options.corrections);
  const { snapshot, reading } = imported;
  const source = snapshot.grid.sheet;
  const sheets = reading.outputSheets(namesToAvoid(snapshot.sheetNames, snapshot.outputs, source));
  const record = await writeConversion(
    host,
    {
      source,
      sheets,
      marks: issueMarks(reading.issues, source, options.lang ?? "sv"),
      corrections: imported.corrections,
      outputs: snapshot.outputs,
    },
    options.onProgress,
  );
  return { ...imported, sheets, record };
}
