/**
 * The command line's side of the one failure model (shared/failures.ts): a failure's exit code
 * follows from its kind, declared here once; every failure is one line in the language of
 * --lang, never a stack trace (SAMSYN_DEBUG adds it).
 */
import {
  FAILURE_KIND,
  type Failure,
  type FailureKind,
  SamsynError,
  type UsageProblem,
} from "../shared/failures";
import { describeFailure, type Lang } from "../shared/messages";

export const EXIT = {
  ok: 0,
  /** The workbook has errors, or what was sent was read and refused. */
  invalid: 1,
  /** The file, the service, an argument or the database could not be used. */
  unreadable: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The one place a kind of failure becomes an exit code. */
const EXIT_OF: { readonly [K in FailureKind]: ExitCode } = {
  "invalid-input": EXIT.unreadable,
  unauthenticated: EXIT.unreadable,
  forbidden: EXIT.unreadable,
  "not-found": EXIT.unreadable,
  conflict: EXIT.invalid,
  refused: EXIT.invalid,
  "too-large": EXIT.unreadable,
  "unsupported-media": EXIT.unreadable,
  "rate-limited": EXIT.unreadable,
  unavailable: EXIT.unreadable,
  internal: EXIT.unreadable,
};

/** Any thrown error as a failure: a SamsynError's own, anything else "internal" with its first line. */
function asFailure(error: unknown): Failure {
  if (error instanceof SamsynError) return error.failure;
  const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  return { code: "internal", detail: detail.slice(0, 300) };
}

/** What any thrown error becomes: an exit code and one line in `lang`. */
export function failureOf(error: unknown, lang: Lang): { exitCode: ExitCode; line: string } {
  const failure = asFailure(error);
  const stack = process.env.SAMSYN_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
  return {
    exitCode: EXIT_OF[FAILURE_KIND[failure.code]],
    line: `samsyn: ${describeFailure(failure, lang)}${stack}`,
  };
}

/** The quoted names in one of commander's messages ("unknown option '--perod'"). */
const quoted = (message: string) => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? "");
/** The long form of an option's flags ("-o, --out <file>" → "--out"). */
const flagOf = (flags: string) => flags.split(/[\s,]+/).find((f) => f.startsWith("--")) ?? flags;

/**
 * A command line commander could not read, as a failure of the one model: its English message
 * is read for the names it quotes, so the user is told in the language of --lang. Null for help
 * and the version, which are no failure.
 */
export function usageFailure(code: string, message: string, command: string): Failure | null {
  const [first = "", second = ""] = quoted(message);
  const suggested = /Did you mean (?:one of )?(.+?)\?\)/.exec(message)?.[1] ?? null;
  const failure = (problem: UsageProblem, name: string, allowed: string | null = null): Failure => ({
    code: "invalid-usage",
    problem,
    command,
    name,
    allowed,
  });
  switch (code) {
    case "commander.help":
    case "commander.helpDisplayed":
    case "commander.version":
      return null;
    case "commander.unknownCommand":
      return failure("unknown-command", first, suggested);
    case "commander.unknownOption":
      return failure("unknown-option", first, suggested);
    case "commander.missingArgument":
      return failure("missing-argument", first);
    case "commander.optionMissingArgument":
      return failure("missing-value", flagOf(first));
    case "commander.missingMandatoryOptionValue":
      return failure("missing-option", flagOf(first));
    case "commander.invalidArgument":
      return failure(
        "invalid-choice",
        message.includes("argument '") ? second : first,
        /Allowed choices are (.+)\.$/.exec(message)?.[1] ?? null,
      );
    case "commander.excessArguments": {
      const [expected, got] = [...message.matchAll(/\d+/g)].map((m) => m[0]);
      return failure("too-many-arguments", got ?? "?", expected ?? null);
    }
    default:
      return failure("other", message.replace(/^error:\s*/, "").split("\n")[0] ?? "");
  }
}

/** Runs a command's action: a failure is written as its one line and sets the exit code. */
export async function runCommand(lang: Lang, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const { exitCode, line } = failureOf(error, lang);
    process.stderr.write(`${line}\n`);
    process.exitCode = exitCode;
  }
}

/** A text in the language asked for. */
export const say = (lang: Lang, sv: string, en: string): string => (lang === "sv" ? sv : en);
