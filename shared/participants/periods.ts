/**
 * One association's participants reports over several periods, read together as someone who
 * has all of them would: the half-year and the year, the quarters, the span and its years.
 * A count of people that the published figures pin to 1 … threshold − 1 — by subtracting one
 * period from another (year − H1 = H2), by adding up a partition's known parts, or a span
 * against its years — is exposed, whether or not any report names it.
 *
 * The model is what holds for every list, whatever is in it:
 * - counts of events (stays started, ended, ended to work or studies: FLOW_COUNTS) add up over
 *   a period's parts: the count of a period is the sum of its months' counts, each ≥ 0;
 * - within one report, total − part is itself a count of people (the remainders of
 *   relationsOf in share.ts: participants not new, not closed; closed not to work or studies).
 * Counts of people present (participants, kön, hemkommun, age band, stays over the limit) do
 * not add up over time — a person present in both halves is one person in the year — so a
 * part is bounded by the whole only, and a published whole is 0 or at least the threshold.
 *
 * Each flow count's months are a system of difference constraints on its running total
 * (S(b) − S(a) = the count of [a, b), S never decreasing), so the least and the most any span
 * of months can hold are shortest paths (Floyd–Warshall): exact, with no solver. The same
 * audit serves the service, which refuses a report that exposes a count the reports already
 * published did not, and the clients, which hide one more figure until nothing new is exposed.
 *
 * A list with an insats column is sent one report per insats, and a whole-list report of the
 * same months may have been published before (or after). Every row of an insats is a row of the
 * whole list, so the whole less the insatser it pins is itself a count: the rest (the other
 * insatser, and rows with none). Stays add up: the rest of a flow count is exact, over any span
 * the published periods pin; stays over the limit add up in the same months; people outside one
 * insats are the whole less that insats, in the same months (restAudit).
 */
import { ymdOf } from "../calendar";
import { parsePeriod } from "../period";
import type { ParticipantsReport } from "../report";
import {
  type CountField,
  countsByPath,
  type FigureField,
  FLOW_FIELDS,
  type FlowField,
  figureOf,
  RELATIONS,
} from "./catalogue";

/** Counts of events in time: over a period's parts they add up (flow in the catalogue). */
export const FLOW_COUNTS: readonly FlowCount[] = FLOW_FIELDS;
export type FlowCount = FlowField;

/**
 * Within one report, total − part counts people too (see relationsOf in share.ts): every flow
 * count that the catalogue makes part of another count.
 */
export const REMAINDERS: readonly (readonly [CountField, FlowCount])[] = RELATIONS.flatMap(
  ({ total, part }) => (FLOW_COUNTS.some((f) => f === part) ? [[total, part as FlowCount] as const] : []),
);
export type RemainderFigure = `${CountField}-${FlowCount}`;

export interface Exposure {
  /**
   * A flow count ("new"), a report's remainder ("participants-new": the participants not new),
   * or, with `outside`, the path of any count ("byKon.kvinna").
   */
  readonly figure: FlowCount | RemainderFigure | (string & {});
  /** The months it covers: a period key where they are one ("2041-H2"), else "2041-07–2041-11". */
  readonly period: string;
  /** The published periods it is worked out from, by key. */
  readonly combines: readonly string[];
  /**
   * Worked out of the whole list less these insatser: the count is of the rest (the list's
   * other insatser, and rows with none). Absent for a count of one list alone.
   */
  readonly outside?: readonly string[];
}

/**
 * A participants report as the association published it: `insats` is the insats it is filed
 * under (as PublishedReports lists it), absent for the whole list. A report filed under an
 * insats names that insats itself; one of the whole list may name the insats the list is of,
 * as before lists had insats columns.
 */
export interface PublishedReport {
  readonly insats?: string | undefined;
  readonly report: ParticipantsReport;
}

/** A report placed in time: its months [from, to) counted from year 0. */
interface Placed {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  /** The list it is a period of: the insats it names, or null (audited over time together). */
  readonly list: string | null;
  /** The insats it is filed under; null for the whole list (the whole against its insatser). */
  readonly filed: string | null;
  readonly keyFigures: ParticipantsReport["keyFigures"];
}

function place({ report, insats }: PublishedReport): Placed | null {
  const p = parsePeriod(report.period);
  if (!p || p.kind === "whole list") return null;
  const first = ymdOf(p.first);
  const last = ymdOf(p.last);
  return {
    key: p.key,
    from: first.year * 12 + first.month - 1,
    to: last.year * 12 + last.month,
    list: report.insats ?? null,
    filed: insats ?? null,
    keyFigures: report.keyFigures,
  };
}

const monthKey = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/** Months [from, to) as a period key when they are one, else "2041-07–2041-11". */
export function monthsKey(from: number, to: number): string {
  const n = to - from;
  const year = Math.floor(from / 12);
  if (n === 1) return monthKey(from);
  if (n === 3 && from % 3 === 0) return `${year}-Q${(from % 12) / 3 + 1}`;
  if (n === 6 && from % 6 === 0) return `${year}-H${(from % 12) / 6 + 1}`;
  if (n === 12 && from % 12 === 0) return `${year}`;
  if (n % 12 === 0 && from % 12 === 0) return `${year}-${year + n / 12 - 1}`;
  return `${monthKey(from)}–${monthKey(to - 1)}`;
}

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly combines: readonly string[];
}

const UNKNOWN: Bounds = { min: 0, max: Infinity, combines: [] };

/**
 * The running total of one flow count over the boundary months (nodes): dist[i][j] is the most
 * S(node j) − S(node i) can be. An edge i → j of weight w says S(j) − S(i) ≤ w; each published
 * count gives two, and S never decreasing gives one of weight 0 backwards between neighbours.
 */
class FlowSystem {
  private readonly n: number;
  private readonly dist: number[][];
  private readonly next: number[][];
  private readonly label: (string | null)[][];
  private readonly negative: number[] = [];

  constructor(
    private readonly nodes: readonly number[],
    equations: readonly { from: number; to: number; value: number; key: string }[],
  ) {
    const n = nodes.length;
    this.n = n;
    this.dist = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
    );
    this.next = Array.from({ length: n }, () => new Array<number>(n).fill(-1));
    this.label = Array.from({ length: n }, () => new Array<string | null>(n).fill(null));
    const index = new Map(nodes.map((m, i) => [m, i]));
    const edge = (i: number, j: number, w: number, key: string | null) => {
      if (w < this.dist[i]![j]!) {
        this.dist[i]![j] = w;
        this.next[i]![j] = j;
        this.label[i]![j] = key;
      }
    };
    for (let i = 1; i < n; i++) edge(i, i - 1, 0, null);
    for (const e of equations) {
      const a = index.get(e.from)!;
      const b = index.get(e.to)!;
      edge(a, b, e.value, e.key);
      edge(b, a, -e.value, e.key);
    }
    const { dist, next } = this;
    for (let k = 0; k < n; k++) {
      const dk = dist[k]!;
      for (let i = 0; i < n; i++) {
        const di = dist[i]!;
        const dik = di[k]!;
        if (dik === Infinity) continue;
        for (let j = 0; j < n; j++) {
          const through = dik + dk[j]!;
          if (through < di[j]!) {
            di[j] = through;
            next[i]![j] = next[i]![k]!;
          }
        }
      }
    }
    for (let k = 0; k < n; k++) if (dist[k]![k]! < 0) this.negative.push(k);
  }

  /**
   * The least and the most the months [from, to) can hold. Published figures that contradict
   * each other (a revision of one period that no longer agrees with another) decide nothing:
   * a bound that passes through a contradiction is left open.
   */
  bounds(from: number, to: number): Bounds {
    const index = (m: number) => this.nodes.indexOf(m);
    const a = index(from);
    const b = index(to);
    if (a < 0 || b < 0) return UNKNOWN;
    const reliable = (i: number, j: number) =>
      this.negative.every((k) => this.dist[i]![k] === Infinity || this.dist[k]![j] === Infinity);
    const max = reliable(a, b) ? this.dist[a]![b]! : Infinity;
    const min = reliable(b, a) ? Math.max(0, -this.dist[b]![a]!) : 0;
    const combines = new Set<string>();
    if (max !== Infinity) for (const k of this.path(a, b)) combines.add(k);
    if (min > 0) for (const k of this.path(b, a)) combines.add(k);
    return { min, max, combines: [...combines].sort() };
  }

  /** The published periods along the shortest path i → j. */
  private path(i: number, j: number): string[] {
    const keys: string[] = [];
    for (let at = i, steps = 0; at !== j && steps <= this.n; steps++) {
      const hop = this.next[at]![j]!;
      if (hop < 0) break;
      const key = this.label[at]![hop];
      if (key) keys.push(key);
      at = hop;
    }
    return keys;
  }
}

const pinned = (b: Bounds, threshold: number) => b.min >= 1 && b.max <= threshold - 1;

/**
 * Reports whose months overlap, chained: the months of one block are tied together by what is
 * published, and no two blocks share a month. Apart, a contradiction in one block (a revision
 * that no longer agrees with another period) leaves the others' bounds as they are.
 */
function blocksOf(reports: readonly Placed[]): Placed[][] {
  const blocks: { to: number; reports: Placed[] }[] = [];
  for (const r of [...reports].sort((a, b) => a.from - b.from)) {
    const last = blocks.at(-1);
    if (last && r.from < last.to) {
      last.reports.push(r);
      last.to = Math.max(last.to, r.to);
    } else blocks.push({ to: r.to, reports: [r] });
  }
  return blocks.map((b) => b.reports);
}

/** One flow count's systems, a block each: the bounds of months within one block. */
function flowSystems(blocks: readonly Placed[][], flow: FlowCount) {
  const systems = blocks.map((reports) => {
    const nodes = [...new Set(reports.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
    const equations = reports.flatMap((r) => {
      const value = r.keyFigures[flow];
      return value === null ? [] : [{ from: r.from, to: r.to, value, key: r.key }];
    });
    return { nodes, system: new FlowSystem(nodes, equations) };
  });
  return {
    systems,
    bounds(from: number, to: number): Bounds {
      const block = systems.find(({ nodes }) => nodes[0]! <= from && to <= nodes.at(-1)!);
      return block ? block.system.bounds(from, to) : UNKNOWN;
    },
  };
}

/**
 * Every count the reports expose, by figure and months: each flow count over every span of
 * months between two boundaries of one block, and each report's remainders. (A span across
 * blocks is pinned only where a piece of it within a block is: that piece is listed.)
 */
function audit(reports: readonly Placed[], threshold: number): Map<string, Exposure> {
  const exposed = new Map<string, Exposure>();
  const blocks = blocksOf(reports);
  const flows = new Map(FLOW_COUNTS.map((flow) => [flow, flowSystems(blocks, flow)] as const));
  for (const [flow, { systems }] of flows) {
    for (const { nodes, system } of systems) {
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const b = system.bounds(nodes[i]!, nodes[j]!);
          if (!pinned(b, threshold)) continue;
          const period = monthsKey(nodes[i]!, nodes[j]!);
          exposed.set(`${flow}@${period}`, { figure: flow, period, combines: b.combines });
        }
      }
    }
  }
  // A flow count is bounded by every report of its block; a count of people present is what this report says.
  const figureBounds = (r: Placed, path: CountField): Bounds => {
    const flow = flows.get(path as FlowCount);
    if (flow) return flow.bounds(r.from, r.to);
    const v = r.keyFigures[path];
    return v === null ? UNKNOWN : { min: v, max: v, combines: [r.key] };
  };
  for (const r of reports) {
    for (const [total, part] of REMAINDERS) {
      const t = figureBounds(r, total);
      const p = figureBounds(r, part);
      const rest: Bounds = {
        min: t.min - p.max,
        max: t.max - p.min,
        combines: [...new Set([r.key, ...t.combines, ...p.combines])].sort(),
      };
      if (!pinned(rest, threshold)) continue;
      const figure: RemainderFigure = `${total}-${part}`;
      exposed.set(`${figure}@${r.key}`, { figure, period: r.key, combines: rest.combines });
    }
  }
  return exposed;
}

/**
 * The whole list beside its insatser: for each flow count, over every span of months some
 * report covers, the whole's value less the insatser whose values the published periods pin
 * there. That rest is exact (a stay is in one insats or in none), so it is exposed when it is
 * 1 … threshold − 1. The other counts (stays over the limit, and people, where a person in two
 * insatser is one person in the whole) are compared in the same months only (below).
 */
function restAudit(reports: readonly Placed[], threshold: number): Map<string, Exposure> {
  const exposed = new Map<string, Exposure>();
  const wholes = reports.filter((r) => r.filed === null);
  const byInsats = new Map<string, Placed[]>();
  for (const r of reports) if (r.filed !== null) byInsats.set(r.filed, [...(byInsats.get(r.filed) ?? []), r]);
  if (wholes.length === 0 || byInsats.size === 0) return exposed;
  const spans = new Map(reports.map((r) => [`${r.from}:${r.to}`, r] as const));
  for (const flow of FLOW_COUNTS) {
    // Each list's periods as one system: adjacent periods (H1 and H2) add up to the span over both.
    const whole = flowSystems([wholes], flow);
    const insatser = [...byInsats].map(([name, rs]) => [name, flowSystems([rs], flow)] as const);
    for (const { from, to } of spans.values()) {
      const w = whole.bounds(from, to);
      if (w.min !== w.max) continue;
      const known = insatser
        .map(([name, system]) => ({ name, b: system.bounds(from, to) }))
        .filter(({ b }) => b.min === b.max);
      if (known.length === 0) continue;
      const rest = w.min - known.reduce((sum, { b }) => sum + b.min, 0);
      if (!pinned({ min: rest, max: rest, combines: [] }, threshold)) continue;
      const period = monthsKey(from, to);
      const outside = known.map(({ name }) => name).sort((a, b) => a.localeCompare(b, "sv"));
      const combines = [...new Set([...w.combines, ...known.flatMap(({ b }) => b.combines)])].sort();
      exposed.set(`${flow}@${period}@${outside.join("\u0000")}`, { figure: flow, period, combines, outside });
    }
  }
  // The other counts, for the same months only (they do not add up over time). Stays add up
  // over the insatser: the whole less all those known is exact. People are among the whole's
  // once each: the whole less one insats is exact, less several a person in two of them is one
  // in the whole (between the whole less their sum and less the largest), which pins nothing
  // the single ones do not.
  for (const w of wholes) {
    const parts = reports.flatMap((r) =>
      r.filed !== null && r.from === w.from && r.to === w.to
        ? [{ name: r.filed, keyFigures: r.keyFigures, counts: countsByPath<number | null>(r.keyFigures) }]
        : [],
    );
    for (const [path, whole] of countsByPath<number | null>(w.keyFigures)) {
      if (whole === null || FLOW_COUNTS.some((f) => f === path)) continue;
      const known = parts.flatMap(({ name, keyFigures, counts }) => {
        const v = countAt(keyFigures, counts, path);
        return v === null ? [] : [{ name, v }];
      });
      const sets = countedIn(path) === "stays" ? (known.length > 0 ? [known] : []) : known.map((k) => [k]);
      for (const set of sets) {
        const rest = whole - set.reduce((sum, { v }) => sum + v, 0);
        if (!pinned({ min: rest, max: rest, combines: [] }, threshold)) continue;
        const outside = set.map(({ name }) => name).sort((a, b) => a.localeCompare(b, "sv"));
        exposed.set(`${path}@${w.key}@${outside.join("\u0000")}`, {
          figure: path,
          period: w.key,
          combines: [w.key],
          outside,
        });
      }
    }
  }
  return exposed;
}

/** Whether the count at a path counts stays or people (a breakdown's keys count people). */
function countedIn(path: string): "stays" | "people" {
  const figure = figureOf(path.split(".")[0] as FigureField);
  return figure.kind === "count" ? figure.counts : "people";
}

/**
 * A report's count at a path ("byKon.kvinna", "byHemkommun.Ale"), or null where it is hidden.
 * A key a breakdown does not list is 0 where the breakdown is shown (it lists everyone's), and
 * hidden where it is withheld whole (every key null, a hemkommun map empty).
 */
function countAt(
  keyFigures: ParticipantsReport["keyFigures"],
  counts: ReadonlyMap<string, number | null>,
  path: string,
): number | null {
  if (counts.has(path)) return counts.get(path) ?? null;
  const field = path.split(".")[0]!;
  const keys = [...counts].filter(([p]) => p.startsWith(`${field}.`));
  const shown = keys.some(([, v]) => v !== null) || keyFigures.participants === 0;
  return shown ? 0 : null;
}

/** Every count the reports expose: each list over time (audit), and the whole list beside its insatser (restAudit). */
function auditAll(reports: readonly Placed[], list: string | null, threshold: number): Map<string, Exposure> {
  return new Map([
    ...audit(
      reports.filter((r) => r.list === list),
      threshold,
    ),
    ...restAudit(reports, threshold),
  ]);
}

/**
 * What sending `candidate` beside what is already `published` (the latest report of every
 * period and insats of the same association, whole list included) would expose that the
 * published reports alone do not: over time within the candidate's own list (the insats it
 * names, or none), and between the whole list and the insatser filed apart. Empty when it may be
 * published. A count the published reports exposed already is not the candidate's doing, and
 * is not listed.
 */
export function exposedAcrossPeriods(
  candidate: PublishedReport,
  published: readonly PublishedReport[],
  threshold: number,
): Exposure[] {
  const mine = place(candidate);
  if (!mine) return [];
  // The one the candidate replaces (its period, filed where it is) is not beside it.
  const others = published
    .map(place)
    .filter((p): p is Placed => p !== null && (p.key !== mine.key || p.filed !== mine.filed));
  if (others.length === 0) return [];
  const before = auditAll(others, mine.list, threshold);
  const after = auditAll([...others, mine], mine.list, threshold);
  return [...after].filter(([key]) => !before.has(key)).map(([, e]) => e);
}

/**
 * The candidate's figures to hide so that what it exposes goes away: a flow count it publishes
 * (without its equation that count is back to what the others allow), and for a remainder,
 * in the candidate the total, in another report the part the candidate makes known.
 */
export function complementaryPaths(candidate: ParticipantsReport, exposures: readonly Exposure[]): string[] {
  const paths = new Set<string>();
  for (const e of exposures) {
    const relation = REMAINDERS.find(([total, part]) => e.figure === `${total}-${part}`);
    if (!relation) paths.add(e.figure);
    else paths.add(e.period === candidate.period ? relation[0] : relation[1]);
  }
  return [...paths];
}
