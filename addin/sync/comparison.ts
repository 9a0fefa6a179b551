/**
 * The network's comparison into a sheet, and their version of a report beside mine: fetched
 * through the one network module, planned by the core, written by the adapter in place.
 */
import { networkSheet } from "../../shared/network";
import type { ReportKind } from "../../shared/report";
import { keyName, theirVersionSheet } from "../../shared/sync";
import type { ExcelHost } from "../excel/host";
import { writeNetworkSheet } from "../excel/network";
import type { Conflict } from "./flow";
import type { ServiceClient } from "./service";

/**
 * "Hämta sammanställning": the merged view for a kind and year (participants: of one insats, or
 * of all), written into "Samsyn nätverk …"; with the insatser that can be asked for that year.
 */
export async function fetchComparison(
  host: ExcelHost,
  client: ServiceClient,
  kind: ReportKind,
  year: string,
  insats?: string,
): Promise<{ sheet: string; reporting: number; associations: number; insatser: readonly string[] }> {
  const view = await client.merged(kind, year, insats);
  const written = await writeNetworkSheet(host, networkSheet(view));
  return {
    sheet: written.sheet,
    reporting: view.network.reporting,
    associations: written.associations,
    insatser: view.kind === "participants" ? (view.insatser ?? []) : [],
  };
}

/** "Behåll deras": their revision into "Samsyn deras version", replaced in place on the next conflict. */
export async function keepTheirsInSheet(host: ExcelHost, conflict: Conflict): Promise<string> {
  const { theirs, item } = conflict;
  const sheet = theirVersionSheet(theirs.report, {
    revision: theirs.revision,
    sentBy: theirs.info?.token ? keyName(theirs.info.token) : null,
    sentAt: theirs.info?.createdAt.slice(0, 16).replace("T", " ") ?? null,
  });
  const written = await writeNetworkSheet(host, {
    kind: item.address.kind,
    period: item.address.period,
    sheet,
    charts: [],
  });
  return written.sheet;
}
