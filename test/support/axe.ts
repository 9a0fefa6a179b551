/** axe-core in a page (WCAG 2.1 A and AA): the serious and critical violations, with where they are. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Frame, Page } from "playwright-core";

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  // Colours are measured as they settle: a button just clicked is still fading (Fluent's
  // transitions), and a colour caught halfway is neither the one before nor the one after.
  // A spinner runs for ever: only what ends is waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => null)),
    ),
  );
  // Evaluated, not injected as a <script>: the pages' CSP rightly refuses inline scripts.
  await page.evaluate(
    readFileSync(resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8"),
  );
  const violations = await page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      // Fluent's focus manager (tabster) adds aria-hidden focus redirectors on purpose; Microsoft's
      // own checker excludes exactly these (microsoft/tabster#288, accessibility-insights-web#7605).
      nodes: v.nodes
        .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
        .map((n) => n.target.join(" ")),
    }))
    .filter((v) => v.nodes.length > 0);
}
