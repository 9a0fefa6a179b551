/** Types of scripts/browser-target.mjs, for the tests that read it. */
export declare const BROWSER_TARGET: string[];
export declare const BROWSER_SUPPORTED: Record<string, boolean>;
