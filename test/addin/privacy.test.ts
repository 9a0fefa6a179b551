/** Participant rows never leave the workbook: the add-in's code has no way to send anything anywhere. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|html)$/.test(entry.name) ? [path] : [];
  });
}

describe("add-in privacy", () => {
  it("uses no network API and no browser storage in addin/", () => {
    const network =
      /\b(fetch|XMLHttpRequest|sendBeacon|WebSocket|EventSource|localStorage|sessionStorage|indexedDB)\b|https?:\/\/(?!appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js)/;
    const found = sources(resolve("addin"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => [file, i + 1, line] as const)
          .filter(([, , line]) => network.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)),
      )
      .map(([file, line, text]) => `${file.slice(resolve("addin").length + 1)}:${line}: ${text.trim()}`);
    expect(found).toEqual([]);
  });
});
