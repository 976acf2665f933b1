// The front-matter parsers (YAML, TOML and JSON: the largest code the editor runs) load with the
// editor workspace, not with the home screen. The session asks for them once a recap is open;
// the workspace renders only after they arrived, so its actions may use `frontMatter()` directly.

import { useEffect, useState } from 'react';
import { parsersChunk as parsers } from './editorChunks';

type FrontMatterModule = Awaited<ReturnType<typeof parsers.load>>;

/** Starts (or joins) loading the parsers; a failed load is tried again on the next call. */
export const loadFrontMatter = parsers.load;

/** The parsers once loaded, else null; starts loading them when `wanted` and re-renders when they arrive. */
export function useFrontMatter(wanted: boolean, onError?: (err: unknown) => void): FrontMatterModule | null {
  const [module, setModule] = useState(parsers.now);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    loadFrontMatter().then(
      (m) => live && setModule(() => m),
      (err: unknown) => live && onError?.(err),
    );
    return () => {
      live = false;
    };
  }, [wanted, module, onError]);
  return module ?? parsers.now();
}

/** The parsers, for actions taken in the open workspace (which renders only once they have loaded). */
export function frontMatter(): FrontMatterModule {
  const loaded = parsers.now();
  if (!loaded) throw new Error('The front-matter parsers are not loaded yet.');
  return loaded;
}
