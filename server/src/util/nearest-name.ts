/** Did-you-mean: the candidate nearest to a misspelt name, if near enough to be a likely typo. */
export function nearestName(actual: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(actual.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = actual.toLowerCase();
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - actual.length) > limit) continue;
    // The cap is one past the best so far: an early exit (returning the cap) never ties with the best.
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance + 1);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit && best !== actual ? best : undefined;
}

/** Levenshtein distance, giving up (returning `cap`) once it must reach `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[b.length];
}

/** `a role`, `an asset`. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
