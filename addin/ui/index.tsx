/**
 * Entry of the task pane bundle: find where the pane runs (Excel, the playground, or a plain
 * browser tab) and render the App over that host, or the page that says what Samsyn is.
 * Whatever happens, the pane is never blank: the App sits inside an error boundary.
 */
import { createRoot } from "react-dom/client";
import type { Lang } from "../../shared/messages";
import { ErrorBoundary } from "../../ui/ErrorBoundary";
import { type ExcelHost, officeHost } from "../excel/host";
import { App } from "./App";
import { findPlacement, langOf, lateExcel } from "./embedding";
import { type PaneTheme, storedLang, themeOf } from "./preferences";
import { loadStrings } from "./strings";

async function main(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) return;
  const root = createRoot(element);
  const placement = await findPlacement(window);
  const renderApp = async (host: ExcelHost, lang: Lang, theme: PaneTheme = "light") => {
    // The language the App opens in (the one chosen last time wins), loaded before it is drawn.
    await loadStrings(storedLang() ?? lang);
    root.render(
      <ErrorBoundary lang={lang}>
        <App host={host} initialLang={lang} theme={theme} />
      </ErrorBoundary>,
    );
  };
  const officeTheme = () => themeOf(typeof Office === "undefined" ? null : Office.context?.officeTheme);
  if (placement.kind === "outside") {
    // Only a plain browser tab sees this page: a chunk of its own.
    const { OutsideExcel } = await import("./components/OutsideExcel");
    root.render(<OutsideExcel initialLang={placement.lang} playgroundUrl={placement.playgroundUrl} />);
    // Excel answered after the pane stopped waiting: it is Excel after all.
    void lateExcel().then(() =>
      renderApp(officeHost(), langOf(Office.context.displayLanguage), officeTheme()),
    );
    return;
  }
  const bridge = placement.kind === "playground" ? placement.bridge : null;
  // Called through a wrapper, so the App never depends on how the playground bound its methods.
  const host = bridge
    ? { run: bridge.run.bind(bridge), supports: (version: string) => bridge.supports(version) }
    : officeHost();
  await renderApp(host, placement.lang, bridge ? "light" : officeTheme());
}

void main();
