/**
 * Entry of the network's page: styles go into <style> elements carrying the nonce the service
 * put in this response's CSP (style-src 'self' 'nonce-…'), so no inline style needs to be
 * allowed; then the App, inside the pane's error boundary so the page is never blank.
 */
// First, before any schema is built: no eval under the CSP.
import "./zod-jitless";
import { createDOMRenderer, RendererProvider } from "@griffel/react";
import { createRoot } from "react-dom/client";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { App } from "./App";
import { storedLang } from "./session";

/** The nonce of this response, from <meta property="csp-nonce" nonce="…"> (the browser hides the attribute, not the property). */
function styleNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}

const element = document.getElementById("root");
if (element) {
  const nonce = styleNonce();
  const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});
  const lang = storedLang() ?? "sv";
  createRoot(element).render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <ErrorBoundary lang={lang}>
        <App initialLang={lang} />
      </ErrorBoundary>
    </RendererProvider>,
  );
}
