/**
 * Checks on what callers send that a schema cannot express: text the database cannot store,
 * and counts a shared report must not publish. Each names the field it refuses.
 */

import { type FieldProblem, SamsynError } from "../shared/failures";
import { countsByPath, exposedCounts } from "../shared/participants/share";
import type { ParticipantsReport } from "../shared/report";
import type { BodyName } from "./errors";

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
 * The network's threshold, whatever the client used: a count from 1 to threshold − 1 that is
 * not suppressed (null) describes too few people to share, so the report is refused.
 */
export function checkSuppressed(report: ParticipantsReport, threshold: number): void {
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
