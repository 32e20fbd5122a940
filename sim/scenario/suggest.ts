/**
 * Did-you-mean: the closest candidates to a mistyped word, by edit distance.
 *
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, so "agnets" is one edit
 * from "agents"), compared case-insensitively. A candidate that starts with what was typed ("mutual"
 * for "mutual-credit") also counts. Pure and small, so the messages can use it anywhere.
 */

/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push(Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i];
    if (!row) continue;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
    }
  }
  return at(s.length, t.length);
}

/** How many edits still count as a typo of a word this long (none for one or two letters: too noisy). */
export function typoBudget(word: string): number {
  return word.length <= 2 ? 0 : Math.ceil(word.length / 3);
}

/**
 * The candidates closest to `word` (all ties, at most `max`), or [] when none is plausibly meant.
 * `ignore` maps a candidate to the part compared (e.g. the last segment of a dotted path).
 */
export function closest(word: string, candidates: readonly string[], max = 3, ignore: (c: string) => string = (c) => c): string[] {
  if (!word) return [];
  const lower = word.toLowerCase();
  const exact = candidates.filter((c) => ignore(c).toLowerCase() === lower);
  if (exact.length) return exact.slice(0, max);
  let best = typoBudget(word) + 1;
  let found: string[] = [];
  for (const c of candidates) {
    const part = ignore(c);
    const prefix = word.length >= 3 && part.toLowerCase().startsWith(lower) ? 1 : Number.POSITIVE_INFINITY;
    const d = Math.min(editDistance(word, part), prefix);
    if (d < best) [best, found] = [d, [c]];
    else if (d === best) found.push(c);
  }
  return best <= typoBudget(word) ? found.slice(0, max) : [];
}
