/** Runs the real `samsyn` command in a child process, as a user would. */
import { execFile } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURES = resolve(ROOT, "../shared/fixtures");
export const fixture = (name: string) => resolve(FIXTURES, name);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function samsyn(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(ROOT, "bin/samsyn.js"), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 99) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
