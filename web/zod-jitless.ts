/**
 * Imported first by the page's entry: zod compiles parsers with new Function unless told not
 * to, and probes for it as schemas are built — at import time. The page's CSP allows no eval,
 * and even the probe would be reported as a violation (test/web/page.test.ts listens for one).
 * zod keeps its configuration on globalThis.__zod_globalConfig, created by the first copy of
 * zod that loads and merged into by z.config() (zod/v4/core/core.js): setting it here, before
 * zod loads, means the page's first script need not carry zod at all — zod comes with the
 * chunks that use it, after this has run.
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
