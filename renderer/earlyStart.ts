// The first module the page runs (main.tsx imports it first): a recap named in the address has
// the editor's chunks (the workspace, its editor pane, the parsers and the editor's session) asked
// for now, as the first chunk starts, beside the start-up's data (public/theme-boot.js), instead
// of after React, ReactDOM and the app's modules have been evaluated. A failed load is asked
// again when rendered. The page's first number format costs 15–30 ms whatever its locale (ICU's
// data, once per page; the word count needs it): paid in the first idle moment.

import { loadEditor } from './workspace/editorChunks';

if (new URL(window.location.href).searchParams.get('file')) {
  void loadEditor().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => new Intl.NumberFormat().format(0));
}
