// The editor workspace's code (its form, top bar, panels, the Markdown editor and the
// front-matter parsers): not needed to paint the home screen, so it is a chunk of its own,
// loaded on demand (App.tsx says when) and shown whole, with no pane popping in after the rest.
// Once it is here, the workspace renders in the same render as the recap it shows (`lazyNow`).

import { loadFrontMatter } from './frontMatterModule';
import { loadable, lazyNow } from './lazyNow';

// The editor pane's chunk is asked for beside the workspace's, not after it arrived.
const workspace = loadable(() => Promise.all([import('./Workspace'), loadFrontMatter(), import('./EditorPane')]).then(async ([m]) => (await m.editorPaneLoaded(), m)));

/** Starts (or joins) loading the workspace with its editor pane and the parsers. */
export const loadWorkspace = workspace.load;

/** The workspace: at once when its code is here, else after it loaded (under a Suspense boundary). */
export const Workspace = lazyNow(
  () => workspace.now()?.Workspace ?? null,
  () => workspace.load().then((m) => m.Workspace),
);
