// Remote images are not fetched until the author asks, for that recap, as mail clients do: an
// image on another site learns who opened the recap and when (a tracking pixel). The choice
// holds for the recap (its draft) until the app is closed.

import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

interface RemoteImages {
  allowed: boolean;
  allow(): void;
}

const RemoteImagesContext = createContext<RemoteImages>({ allowed: false, allow: () => undefined });

/** Recaps (draft ids) whose remote images the author chose to load in this session. */
const allowedRecaps = new Set<string>();

export function RemoteImagesProvider({ recapKey, children }: { recapKey: string | null; children: ReactNode }) {
  const [allowedNow, setAllowedNow] = useState<ReadonlySet<string>>(() => new Set(allowedRecaps));
  const allowed = recapKey !== null && allowedNow.has(recapKey);
  const allow = useCallback(() => {
    if (recapKey === null) return;
    allowedRecaps.add(recapKey);
    setAllowedNow(new Set(allowedRecaps));
  }, [recapKey]);
  const value = useMemo<RemoteImages>(() => ({ allowed, allow }), [allowed, allow]);
  return <RemoteImagesContext.Provider value={value}>{children}</RemoteImagesContext.Provider>;
}

export function useRemoteImages(): RemoteImages {
  return useContext(RemoteImagesContext);
}

/** The host of a remote image's URL, for the notice ("tracker.example"). */
export function hostOf(src: string): string {
  try {
    return new URL(src.startsWith('//') ? `https:${src}` : src).host;
  } catch {
    return src;
  }
}
