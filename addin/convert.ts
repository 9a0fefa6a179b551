/**
 * The conversion as the pane runs it: read the source, run the same core as `samsyn inspect`
 * (readWorkbook), plan the output sheets, write them. Import and convert each take a fixed
 * number of round trips to Excel whatever the row count.
 */
import type { Grid } from "../shared/grid";
import type { Issue } from "../shared/issues";
import { describeIssue, type Lang } from "../shared/messages";
import type { OutputSheet } from "../shared/output";
import { readWorkbook, type WorkbookReading } from "../shared/read-workbook";
import type { Corrections } from "../shared/report";
import type { ExcelHost } from "./excel/host";
import { readSource, type SourceScope, type SourceSnapshot } from "./excel/read";
import type { OutputRecord } from "./excel/state";
import { type IssueMark, type Progress, type Written, writeConversion } from "./excel/write";

export interface Imported {
  readonly snapshot: SourceSnapshot;
  readonly corrections: Corrections;
  readonly reading: WorkbookReading;
}

export interface Converted extends Imported {
  readonly sheets: readonly OutputSheet[];
  readonly record: OutputRecord;
  /** Whether Excel's undo takes this write back in one step. */
  readonly undo: Written["undo"];
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

export function issueMarks(issues: readonly Issue[], sheet: string, lang: Lang): IssueMark[] {
  return issues
    .filter((issue) => issue.sheet === sheet && issue.cell !== null)
    .map((issue) => ({ cell: issue.cell!, severity: issue.severity, text: describeIssue(issue, lang) }));
}

/**
 * Writes what the user reviewed: the reading on screen (the grid as read, with the corrections
 * made since), not the sheet read again. The corrections given are saved with the workbook.
 */
export async function writeReading(
  host: ExcelHost,
  imported: Imported,
  options: { corrections?: Corrections; lang?: Lang; onProgress?: Progress } = {},
): Promise<Converted> {
  const { snapshot } = imported;
  const corrections = options.corrections ?? imported.corrections;
  const reading =
    corrections === imported.corrections ? imported.reading : inspectGrid(snapshot.grid, corrections);
  const source = snapshot.grid.sheet;
  // Planned inside the write, against the sheets there are then: a retry reuses what a stopped write made.
  let sheets: readonly OutputSheet[] = [];
  const { record, undo } = await writeConversion(
    host,
    {
      source,
      sourceId: snapshot.sourceId,
      sheetId: snapshot.sheetId,
      sheets: (avoid) => {
        sheets = reading.outputSheets(avoid, options.lang ?? "sv");
        return sheets;
      },
      marks: issueMarks(reading.issues, source, options.lang ?? "sv"),
      corrections,
      outputs: snapshot.outputs,
    },
    options.onProgress,
  );
  return { snapshot, corrections, reading, sheets, record, undo };
}

/** Reads the source again and writes its output ("Uppdatera tabellerna"): the same sheets and tables updated in place. */
export async function convert(
  host: ExcelHost,
  scope: SourceScope,
  options: { corrections?: Corrections; lang?: Lang; onProgress?: Progress } = {},
): Promise<Converted> {
  const imported = await importSource(host, scope, options.corrections);
  return writeReading(host, imported, { ...options, corrections: imported.corrections });
}
