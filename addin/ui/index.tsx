/** Entry of the task pane bundle: render after Office is ready, against the real Excel host. */
import { createRoot } from "react-dom/client";
import { officeHost } from "../excel/host";
import { App } from "./App";

void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const lang = Office.context.displayLanguage?.toLowerCase().startsWith("sv") === false ? "en" : "sv";
  createRoot(root).render(<App host={officeHost()} initialLang={lang} />);
});
