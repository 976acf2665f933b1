import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { MutableRefObject, ReactNode } from 'react';
import type { ImageLookup, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api/error';
import { imageState } from './image-state';
import type { ImageState } from './image-state';

/** By key: an image's URL, or a figure's src apart (keyOf below). */
interface ImageLookups {
  get(key: string): ImageState;
  /** Called by each mounted image; returns the release function. */
  watch(key: string): () => void;
}

const PENDING: ImageState = { kind: 'pending' };
const ImageContext = createContext<ImageLookups>({ get: () => PENDING, watch: () => () => undefined });

const DEBOUNCE_MS = 200;

/**
 * The store keys its answers by URL, and a src of Hugo's figure shortcode apart (Hugo also finds
 * it in the site's assets/, so the same URL may be found as a figure's and missing as a link), and
 * a theme shortcode's pattern apart (looked up among the bundle's files).
 */
export type LookupKind = 'link' | 'figure' | 'match';
const FIGURE_KEY = '\u0000figure\u0000';
const MATCH_KEY = '\u0000match\u0000';
const keyOf = (url: string, kind: LookupKind): string => (kind === 'figure' ? FIGURE_KEY + url : kind === 'match' ? MATCH_KEY + url : url);
const kindOfKey = (key: string): LookupKind => (key.startsWith(FIGURE_KEY) ? 'figure' : key.startsWith(MATCH_KEY) ? 'match' : 'link');
const urlOfKey = (key: string): string => key.slice({ link: 0, figure: FIGURE_KEY.length, match: MATCH_KEY.length }[kindOfKey(key)]);

/** Files changed (photos imported, restored, replaced): ask again; `replaced` URLs have new content. */
export interface ImageRefresh {
  version: number;
  replaced: readonly string[];
}

/** What the lookups remember between renders: the answers, the images shown, the next batch. */
interface LookupStore {
  /** The answers so far (the state's current value, readable in callbacks). */
  known: MutableRefObject<ReadonlyMap<string, ImageState>>;
  /** How many mounted images show each URL. */
  mounted: MutableRefObject<Map<string, number>>;
  queued: MutableRefObject<Set<string>>;
  timer: MutableRefObject<number | null>;
  /** The recap path the answers are for. */
  path: MutableRefObject<string | null>;
  // A photo replaced under the same name keeps its URL: the browser would show its old pixels.
  busted: MutableRefObject<Map<string, number>>;
  /** Shows a new set of answers. */
  publish(next: ReadonlyMap<string, ImageState>): void;
  enqueue(url: string): void;
}

/** The service's answers merged into the known ones (by key); a replaced photo's src gets its version. */
function withAnswers(known: ReadonlyMap<string, ImageState>, lookups: ImageLookup[], keys: string[], busted: Map<string, number>): Map<string, ImageState> {
  const next = new Map(known);
  for (const l of lookups) {
    const state = imageState(l);
    const v = busted.get(l.url);
    next.set(keyOf(l.url, l.figure === true ? 'figure' : l.match === true ? 'match' : 'link'), state.kind === 'found' && v !== undefined ? { kind: 'found', src: `${state.src}${state.src.includes('?') ? '&' : '?'}v=${v}` } : state);
  }
  // A URL the service did not answer for would stay pending forever.
  for (const k of keys) if (!next.has(k) || next.get(k)?.kind === 'pending') next.set(k, { kind: 'missing', localPath: null });
  return next;
}

/** The answers and the debounced batch queue that asks the service about new URLs. */
function useLookupStore(api: RecapApi, recapPath: string | null): [ReadonlyMap<string, ImageState>, LookupStore] {
  const [known, setKnown] = useState<ReadonlyMap<string, ImageState>>(() => new Map());
  const knownRef = useRef(known);
  const mounted = useRef(new Map<string, number>());
  const queued = useRef(new Set<string>());
  const timer = useRef<number | null>(null);
  const pathRef = useRef(recapPath);
  const busted = useRef(new Map<string, number>());
  const publish = useCallback((next: ReadonlyMap<string, ImageState>) => {
    knownRef.current = next;
    setKnown(next);
  }, []);

  const flush = useCallback(() => {
    timer.current = null;
    if (queued.current.size === 0) return;
    // Whenever a batch goes out anyway, images still missing ride along: they may exist now.
    for (const u of mounted.current.keys()) if (knownRef.current.get(u)?.kind === 'missing') queued.current.add(u);
    const keys = [...queued.current];
    queued.current.clear();
    const forPath = pathRef.current;
    const urls = keys.filter((k) => kindOfKey(k) === 'link');
    const figureUrls = keys.filter((k) => kindOfKey(k) === 'figure').map(urlOfKey);
    const matchUrls = keys.filter((k) => kindOfKey(k) === 'match').map(urlOfKey);
    api.resolveImages({ recapPath: forPath, urls, ...(figureUrls.length > 0 ? { figureUrls } : {}), ...(matchUrls.length > 0 ? { matchUrls } : {}) }).then(
      (lookups) => {
        if (pathRef.current !== forPath) return;
        publish(withAnswers(knownRef.current, lookups, keys, busted.current));
      },
      (err: unknown) => {
        if (pathRef.current !== forPath) return;
        const next = new Map(knownRef.current);
        for (const k of keys) next.set(k, { kind: 'failed', message: errorMessage(err) });
        publish(next);
      },
    );
  }, [api, publish]);

  const enqueue = useCallback(
    (url: string) => {
      if (knownRef.current.has(url) || queued.current.has(url)) return;
      queued.current.add(url);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DEBOUNCE_MS);
    },
    [flush],
  );
  const store = useMemo<LookupStore>(() => ({ known: knownRef, mounted, queued, timer, path: pathRef, busted, publish, enqueue }), [publish, enqueue]);
  return [known, store];
}

/** A new recap path changes where relative URLs point: forget every answer and ask again. */
function useForgetOnNewPath(store: LookupStore, recapPath: string | null): void {
  const { enqueue } = store;
  useEffect(() => {
    if (store.path.current === recapPath) return;
    store.path.current = recapPath;
    store.publish(new Map<string, ImageState>());
    store.queued.current.clear();
    for (const url of store.mounted.current.keys()) enqueue(url);
    // The store's refs and publish are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recapPath, enqueue]);
}

/** The photo folder changed: ask again for every image not found, and for the replaced ones. */
function useForgetOnRefresh(store: LookupStore, refresh: ImageRefresh | undefined): void {
  const { enqueue } = store;
  const version = refresh?.version ?? 0;
  const replacedRef = useRef(refresh?.replaced ?? []);
  replacedRef.current = refresh?.replaced ?? [];
  useEffect(() => {
    if (version === 0) return;
    const { known, busted } = store;
    for (const u of replacedRef.current) busted.current.set(u, version);
    const next = new Map(known.current);
    for (const [k, state] of known.current) if (state.kind !== 'found' || busted.current.get(urlOfKey(k)) === version) next.delete(k);
    if (next.size === known.current.size) return;
    store.publish(next);
    for (const u of store.mounted.current.keys()) enqueue(u);
    // The store's refs and publish are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, enqueue]);
}

/**
 * The author may have copied a missing photo into the site meanwhile: coming back to the
 * window asks again for every image still shown as missing.
 */
function useRecheckOnFocus(store: LookupStore): void {
  const { enqueue } = store;
  useEffect(() => {
    const { known, mounted, timer } = store;
    const recheck = (): void => {
      const stale = [...mounted.current.keys()].filter((u) => known.current.get(u)?.kind === 'missing');
      if (stale.length === 0) return;
      const next = new Map(known.current);
      for (const u of stale) next.delete(u);
      known.current = next;
      for (const u of stale) enqueue(u);
    };
    window.addEventListener('focus', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
    // The store's refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enqueue]);
}

/**
 * Asks the service where the draft's images are, in debounced batches, and remembers each
 * answer until the recap's path changes (which changes where relative URLs point) or
 * `refresh` says the photo folder changed.
 */
export function ImageLookupProvider({ api, recapPath, refresh, children }: { api: RecapApi; recapPath: string | null; refresh?: ImageRefresh | undefined; children: ReactNode }) {
  const [known, store] = useLookupStore(api, recapPath);
  useForgetOnNewPath(store, recapPath);
  useForgetOnRefresh(store, refresh);
  useRecheckOnFocus(store);
  const { enqueue, mounted } = store;

  const watch = useCallback(
    (url: string) => {
      mounted.current.set(url, (mounted.current.get(url) ?? 0) + 1);
      enqueue(url);
      return () => {
        const n = (mounted.current.get(url) ?? 1) - 1;
        if (n <= 0) mounted.current.delete(url);
        else mounted.current.set(url, n);
      };
    },
    // mounted is a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [enqueue],
  );

  const value = useMemo<ImageLookups>(() => ({ get: (url) => known.get(url) ?? PENDING, watch }), [known, watch]);

  return <ImageContext.Provider value={value}>{children}</ImageContext.Provider>;
}

/** What the preview shows for an image `url` (`figure`: the src of Hugo's figure shortcode; `match`: a theme shortcode's pattern). */
export function useImageState(url: string | null, kind: LookupKind = 'link'): ImageState {
  const { get, watch } = useContext(ImageContext);
  const key = url ? keyOf(url, kind) : null;
  useEffect(() => (key ? watch(key) : undefined), [key, watch]);
  return key ? get(key) : PENDING;
}
