// The editor workspace's code (its form, top bar, panels, the Markdown editor and the
// front-matter parsers): not needed to paint the home screen, so it is a chunk of its own,
// loaded on demand (editorChunks.ts; earlyStart.ts and App.tsx say when) and shown whole, with no
// pane popping in after the rest. Once it is here, the workspace renders in the same render as
// the recap it shows (`lazyNow`).

import { workspaceChunk } from './editorChunks';
import { lazyNow } from './lazyNow';

/** Starts (or joins) loading the workspace with its editor pane and the parsers. */
export const loadWorkspace = workspaceChunk.load;

/** The workspace: at once when its code is here, else after it loaded (under a Suspense boundary). */
export const Workspace = lazyNow(
  () => workspaceChunk.now()?.Workspace ?? null,
  () => workspaceChunk.load().then((m) => m.Workspace),
);
