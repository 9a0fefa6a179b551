/**
 * Checks on what callers send that a schema cannot express: text the database cannot store,
 * free text that would carry an identity, a list of suppressed counts that is not the report's
 * nulls, and counts a shared report must not publish. Each names the field it refuses.
 */

import { type FieldProblem, SamsynError } from "../shared/failures";
import { insatsProblem, MAX_INSATS_LENGTH } from "../shared/insats";
import { countsByPath, FIGURES, type RatioField } from "../shared/participants/catalogue";
import { exposedAcrossPeriods } from "../shared/participants/periods";
import { exposedCounts } from "../shared/participants/share";
import { type ParticipantsReport, WHOLE_HEMKOMMUN } from "../shared/report";
import type { BodyName } from "./errors";
import type { StoredRevision } from "./store/types";

/** NUL, or a surrogate without its other half: PostgreSQL stores neither, in text or jsonb. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is refused.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorable = (text: string): boolean => !UNSTORABLE.test(text);

export function unstorableText(field: string): SamsynError {
  return new SamsynError({ code: "invalid-text", field }, [
    { path: field, message: "NUL or a lone surrogate" },
  ]);
}

/**
 * Refuses the first string or key in a parsed JSON body that cannot be stored, naming its
 * path ("lines.3.label"), and any key named __proto__: JSON.parse keeps it as a key, but the
 * schemas leave it out of what they parse, so it would be dropped without a word where
 * `constructor` is refused. Iterative: a deeply nested body cannot overflow the stack.
 */
export function checkStorableJson(body: unknown, what: BodyName = "body"): void {
  const stack: [unknown, string][] = [[body, ""]];
  const at = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      if (!isStorable(value)) throw unstorableText(path || "(body)");
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push([value[i], at(path, i)]);
    } else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        // The key itself, named by a printable stand-in: the real one cannot be shown either.
        if (!isStorable(k)) throw unstorableText(at(path, k.replace(UNSTORABLE_ALL, "\ufffd")));
        if (k === "__proto__") {
          const where = at(path, k);
          throw new SamsynError({ code: "invalid-body", what, paths: [where] }, [
            { path: where, message: "Invalid key: __proto__" },
          ]);
        }
        stack.push([v, at(path, k)]);
      }
    }
  }
}

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/**
 * A shared participants report, whatever the client sent: its insats a short name without an
 * identity (checkInsats), `suppression.suppressed` exactly its hidden figures
 * (suppressedMismatches), and the network's threshold: a count from 1 to threshold − 1 that
 * is not suppressed (null) describes too few people to share, so the report is refused.
 */
export function checkSuppressed(report: ParticipantsReport, threshold: number): void {
  checkInsats(report.insats);
  const mismatched = suppressedMismatches(report);
  if (mismatched.length > 0)
    throw new SamsynError(
      { code: "suppressed-mismatch", paths: mismatched.slice(0, 50).map((m) => m.path) },
      mismatched.slice(0, 50),
    );
  const fields: FieldProblem[] = [...countsByPath(report.keyFigures)]
    .filter(([, n]) => typeof n === "number" && n >= 1 && n < threshold)
    .map(([path]) => ({
      path: `keyFigures.${path}`,
      message: `1–${threshold - 1} must be suppressed (null)`,
    }));
  if (fields.length > 0)
    throw new SamsynError(
      { code: "unsuppressed-count", threshold, paths: fields.map((f) => f.path) },
      fields.slice(0, 50),
    );
  checkProtected(report, threshold);
}

/**
 * Secondary suppression, whatever a client sends: a published figure from which a hidden count
 * or a small remainder could be worked out (exposedCounts in shared/participants/share.ts, the
 * rule the clients' own suppression follows) is refused, naming each.
 */
function checkProtected(report: ParticipantsReport, threshold: number): void {
  const paths = exposedCounts(report, threshold).map((p) => `keyFigures.${p}`);
  if (paths.length === 0) return;
  throw new SamsynError(
    { code: "unprotected-count", threshold, paths },
    paths.slice(0, 50).map((path) => ({ path, message: "would give away a suppressed count" })),
  );
}

/**
 * Across periods, whatever a client sends: a participants report that, beside the latest of
 * every other period and insats the association published, pins a count to 1 … threshold − 1
 * that they did not — over time in its own list, or as the whole list less its insatser
 * (exposedAcrossPeriods in shared/participants/periods.ts) — is refused, naming the count, its
 * months and the periods it follows from.
 */
export function checkAcrossPeriods(
  report: ParticipantsReport,
  /** The insats it is filed under; '' for the whole list. */
  insats: string,
  published: readonly StoredRevision[],
  threshold: number,
): void {
  const others = published.flatMap((r) =>
    r.report.kind === "participants" ? [{ ...(r.insats ? { insats: r.insats } : {}), report: r.report }] : [],
  );
  const filed = { ...(insats ? { insats } : {}), report };
  // "Together with …" names the other periods: the report itself is the one being sent.
  const exposed = exposedAcrossPeriods(filed, others, threshold).map((e) => ({
    ...e,
    combines: e.combines.filter((k) => k !== report.period),
  }));
  const [first, ...rest] = exposed;
  if (!first) return;
  throw new SamsynError(
    { code: "exposed-across-periods", threshold, ...first, more: rest.length },
    exposed.slice(0, 50).map((e) => ({
      // A remainder (closed − closedToWorkOrStudies) is named by the figure it is worked out of.
      path: `keyFigures.${e.figure.split("-").at(-1)}`,
      message: `${e.figure} ${e.period} follows from ${[report.period, ...e.combines].join(", ")}`,
    })),
  );
}

/** The insats name: at most MAX_INSATS_LENGTH characters, no personnummer, samordningsnummer, e-mail address or phone number. */
export function checkInsats(insats: string | null): void {
  if (insats === null) return;
  const problem = insatsProblem(insats);
  if (problem === null) return;
  // The text itself is never echoed: it is what must not travel.
  if ("tooLong" in problem)
    throw new SamsynError(
      { code: "text-too-long", field: "insats", length: problem.tooLong, max: MAX_INSATS_LENGTH },
      [{ path: "insats", message: `at most ${MAX_INSATS_LENGTH} characters` }],
    );
  throw new SamsynError({ code: "identifying-text", field: "insats", what: problem.identifying }, [
    { path: "insats", message: `holds a ${problem.identifying}` },
  ]);
}

/** The figures besides the counts (the catalogue's shares and means) that a report may list as hidden, each only when it is null. */
const HIDDEN_FIGURES = FIGURES.flatMap(({ field, figure }) =>
  figure.kind === "count" ? [] : [field as RatioField],
);

/**
 * Where `suppression.suppressed` is not exactly the report's hidden figures. It may hold, once
 * each: the path of every count that is null ("new", "byKon.man", "byHemkommun.Nora", as
 * countsByPath names them) — all of them, none left out; "byHemkommun" (WHOLE_HEMKOMMUN) when
 * the hemkommun map is empty; shareClosedToWorkOrStudies and averageStayDays when they are null.
 * Anything else — a published figure, a path of no figure, a second copy, free text — is
 * named by its index ("suppression.suppressed.3"), never by its text; a null count it leaves
 * out by its own path ("keyFigures.byKon.man").
 */
export function suppressedMismatches(report: ParticipantsReport): FieldProblem[] {
  const k = report.keyFigures;
  const hidden = new Set<string>();
  for (const [path, n] of countsByPath(k)) if (n === null) hidden.add(path);
  const mayList = new Set(hidden);
  if (Object.keys(k.byHemkommun).length === 0) mayList.add(WHOLE_HEMKOMMUN);
  for (const figure of HIDDEN_FIGURES) if (k[figure] === null) mayList.add(figure);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  report.suppression.suppressed.forEach((entry, i) => {
    if (!mayList.has(entry) || seen.has(entry))
      problems.push({
        path: `suppression.suppressed.${i}`,
        message: seen.has(entry) ? "listed twice" : "no hidden (null) figure of the report",
      });
    seen.add(entry);
  });
  for (const path of hidden)
    if (!seen.has(path))
      problems.push({ path: `keyFigures.${path}`, message: "null but not in suppression.suppressed" });
  return problems;
}
