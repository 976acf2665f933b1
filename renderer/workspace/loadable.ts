// A module loaded on demand, known synchronously once it is here. No React: the start-up's first
// module (renderer/earlyStart.ts) uses it before React and the rest of the first chunk evaluate.

/** A module loaded on demand: loaded once (a failed load is tried again on the next call), and known synchronously once here. */
export interface Loadable<T> {
  load(): Promise<T>;
  /** The module once loaded, else null. */
  now(): T | null;
}

export function loadable<T>(importIt: () => Promise<T>): Loadable<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load() {
      loading ??= importIt().then(
        (m) => (loaded = m),
        (err: unknown) => {
          loading = null;
          throw err;
        },
      );
      return loading;
    },
    now: () => loaded,
  };
}
