/**
 * Imported first by the page's entry: zod compiles parsers with new Function unless told not
 * to, and probes for it as schemas are built — at import time. The page's CSP allows no eval,
 * and even the probe would be reported as a violation.
 */
import { z } from "zod";

z.config({ jitless: true });
