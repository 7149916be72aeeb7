/**
 * A function's results by its string argument, forgotten all at once when `limit` entries are held: passage
 * texts repeat on every question and are worth keeping, question texts are unbounded and must not pile up.
 */
export function boundedMemo<T>(fn: (key: string) => T, limit: number): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
