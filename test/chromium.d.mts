// Types of test/chromium.mjs (plain JavaScript, so that the benches import it as it is).
export declare const PLAYWRIGHT_DISABLED_FEATURES: readonly string[];
export declare const BROWSER_UI_FEATURES_OFF: readonly string[];
export declare function chromiumArgs(extra?: readonly string[]): string[];
export declare function chromiumPath(): string;
