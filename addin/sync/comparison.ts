/**
 * The network's comparison into a sheet, and their version of a report beside mine: fetched
 * through the one network module, planned by the core, written by the adapter.
 */
import type { ReportKind } from "../../shared/report";
import type { ExcelHost } from "../excel/host";
import type { Conflict } from "./flow";
import type { ServiceClient } from "./service";

export async function fetchComparison(
  _host: ExcelHost,
  _client: ServiceClient,
  _kind: ReportKind,
  _year: string,
): Promise<{ sheet: string; associations: number }> {
  throw new Error("not wired yet");
}

export async function keepTheirsInSheet(_host: ExcelHost, _conflict: Conflict): Promise<string> {
  throw new Error("not wired yet");
}
