// What the task pane's bundle needs of the webview, in one place: the esbuild target (syntax
// kept as written, never lowered) and the runtime features addin/feature-check.js checks
// before the bundle runs. The oldest of each is what the code really uses:
// - regex lookbehind, evaluated at load (shared/budget/detect.ts, shared/insats.ts): Safari 16.4;
// - AbortSignal.timeout (shared/client.ts): Chrome/Edge 103, Firefox 100, Safari 16;
// - Array.prototype.at and findLast: Chrome 97, Firefox 104, Safari 15.4.
// Mac add-ins run in the system's WKWebView, so Safari 16.4 means macOS with Safari 16.4 or later.
export const BROWSER_TARGET = ["chrome103", "edge103", "firefox104", "safari16.4"];

// Kept as written although esbuild's table says otherwise: its "Unicode property escapes" row
// follows the newest Unicode version's property names, while the code uses only \p{L}, \p{N},
// \p{Cf} and the like, there since Chrome 64, Firefox 78 and Safari 11.1; lowered, a literal
// becomes a `new RegExp` that is no better supported. addin/feature-check.js checks it anyway.
export const BROWSER_SUPPORTED = { "regexp-unicode-property-escapes": true };
