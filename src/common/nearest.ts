/** "Did you mean ...?": the closest name to a misspelt one (shared by nd's keyword binding and the CLI). */

/** The closest of `names` to `key` (edit distance at most 2, or a prefix), for "did you mean". */
export function nearestName(key: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = editDistance(key.toLowerCase(), n.toLowerCase(), bestD);
    if (d < bestD || (d === bestD && best === undefined && (n.startsWith(key) || key.startsWith(n)))) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
