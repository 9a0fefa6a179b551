/**
 * The command line's one failure model. Exit codes are declared here and nowhere else; every
 * failure is one line in the language of --lang, never a stack trace (SAMSYN_DEBUG adds it).
 */
import type { Lang } from "../shared/messages";

export const EXIT = {
  ok: 0,
  /** The workbook has errors, or the service refused what was sent. */
  invalid: 1,
  /** The file, the service, an argument or the database could not be used. */
  unreadable: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure a command explains: the exit code and the line, in both languages. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly messageSv: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

/** Errors from the core and the adapters that carry their own explanation (WorkbookReadError, PeriodError, SettingError …). */
function isExplained(error: unknown): error is { messageSv: string; messageEn: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { messageSv?: unknown }).messageSv === "string" &&
    typeof (error as { messageEn?: unknown }).messageEn === "string"
  );
}

/** What any thrown error becomes: an exit code and one line in `lang`. */
export function failureOf(error: unknown, lang: Lang): { exitCode: ExitCode; line: string } {
  const exitCode = error instanceof CliFailure ? error.exitCode : EXIT.unreadable;
  const text = isExplained(error)
    ? lang === "sv"
      ? error.messageSv
      : error.messageEn
    : `${lang === "sv" ? "Oväntat fel" : "Unexpected error"}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  const stack = process.env.SAMSYN_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
  return { exitCode, line: `samsyn: ${text}${stack}` };
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
