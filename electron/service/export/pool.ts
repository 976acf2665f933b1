// Bounded parallel work for the export's reads and renames.

/**
 * Runs `job` over `items`, `limit` at a time. On the first failure no new job starts, and the
 * error is thrown only once every running job has settled: a rollback never races a write.
 */
export async function pool<T>(items: T[], limit: number, job: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        await job(items[i] as T, i);
      } catch (err) {
        failure ??= { err };
      }
    }
  });
  await Promise.all(workers);
  if (failure !== null) throw (failure as { err: unknown }).err;
}
