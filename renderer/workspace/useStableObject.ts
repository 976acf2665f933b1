import { useRef } from 'react';

/**
 * `value`, or the object this hook returned last time when every field is the same (`Object.is`):
 * a handle built fresh in each render (a hook's `{ ...state, ...callbacks }`) keeps its identity
 * while nothing in it changed, so a `memo` component given it renders only when it did.
 */
export function useStableObject<T extends object>(value: T): T {
  const last = useRef(value);
  const prev = last.current;
  if (prev !== value && !sameFields(prev, value)) last.current = value;
  return last.current;
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && Object.is(a[k], b[k]));
}
