import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms` (the first value at once): for figures that
 * need not follow every keystroke and cost time over the whole text, such as the word count.
 */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
