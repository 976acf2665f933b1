// Lazily loaded components that render at once when their code is already here.
//
// React's `lazy` suspends on its first render even when the module's promise has long been
// resolved (a promise calls back only in a later microtask), so a workspace opened after its code
// was prefetched still committed a fallback first and rendered again when React retried; and a
// retry that reveals content waits up to 300 ms after the last fallback was shown. A thenable that
// calls back synchronously is read as resolved in that first render: no fallback, no retry.

import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

/**
 * `lazy(load)`, except that when `now()` already has the component at its first render, it
 * renders without suspending. The choice is made once, at the first render, as `lazy` makes it.
 */
export function lazyNow<P extends object>(now: () => ComponentType<P> | null, load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => {
    const ready = now();
    if (!ready) return load().then((component) => ({ default: component }));
    const module = { default: ready };
    // React's lazy only calls `then(onFulfilled, onRejected)` and reads the outcome; this thenable
    // calls back before `then` returns, so that first render finds the module resolved.
    const settled = {
      then(onFulfilled: (value: typeof module) => unknown): void {
        onFulfilled(module);
      },
    };
    return settled as unknown as Promise<typeof module>;
  });
}
