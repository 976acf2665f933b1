// One job at a time per key (a draft, a photo folder): jobs on the same key run in order,
// jobs on different keys run side by side. A failed job does not block the next one.

export type KeyLock = <T>(key: string, job: () => Promise<T>) => Promise<T>;

export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, job: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(job, job);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
