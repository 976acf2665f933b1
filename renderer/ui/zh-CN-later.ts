// The page's stand-in for electron/core/i18n/zh-CN.ts (renderer/vite.config.mts points the
// message module's `./zh-CN` import here): an empty catalogue, so that only the chosen
// language's words load with the first paint. locale.ts loads the real one (its own chunk)
// before the page speaks Chinese, at start-up or when the author switches; until then a key
// reads in English, the fallback for any key a catalogue lacks.

import type { MessageKey } from '../../electron/core/i18n/en';

export const zhCN: Readonly<Record<MessageKey, string>> = {} as Readonly<Record<MessageKey, string>>;
