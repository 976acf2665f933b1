// The editor's lazy chunks, asked for by the start-up before anything else of the first chunk
// runs when the address names a recap (renderer/earlyStart.ts), else by the home screen
// (App.tsx). No React and nothing heavy is imported here, so that this module and the requests
// it starts come first in the first chunk's evaluation.

import { loadable } from './loadable';

/** The front-matter parsers (YAML, TOML and JSON): with the workspace, not the home screen. */
export const parsersChunk = loadable(() => import('../../electron/core/frontmatter/frontmatter'));

/** The workspace, with its editor pane and the parsers asked for beside it, not after it arrived. */
export const workspaceChunk = loadable(() => Promise.all([import('./Workspace'), parsersChunk.load(), import('./EditorPane')]).then(async ([m]) => (await m.editorPaneLoaded(), m)));

/** The editor's session (the recap document, autosave, photos, file actions). */
export const editorSessionChunk = loadable(() => import('./editorSession'));

/** Starts (or joins) loading the editor's session and the workspace. */
export function loadEditor(): Promise<unknown> {
  return Promise.all([editorSessionChunk.load(), workspaceChunk.load()]);
}
