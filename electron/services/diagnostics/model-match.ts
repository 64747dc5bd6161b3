/**
 * The models a server lists that come closest to the one the user typed: a typo (`gpt-4o-mnii`),
 * a missing vendor prefix (`gpt-4o-mini` vs `openai/gpt-4o-mini`), another case or separator.
 * Pure; the connection test offers them as one-click fixes.
 */
const normalize = (s: string) => s.toLowerCase().replace(/[\s_.:]+/g, '-');

/** Levenshtein distance, capped: beyond `max` the exact value does not matter. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

export function closeModels(wanted: string, available: readonly string[], limit = 3): string[] {
  const target = normalize(wanted.trim());
  if (!target) return [];
  const max = Math.max(2, Math.floor(target.length / 3));
  const scored: { id: string; score: number }[] = [];
  for (const id of new Set(available)) {
    const name = normalize(id);
    const bare = name.slice(name.lastIndexOf('/') + 1);
    let score: number;
    if (name === target || bare === target) score = 0;
    else if (name.includes(target)) score = 1 + Math.abs(name.length - target.length) / 100;
    else score = 2 + Math.min(distance(target, name, max), distance(target, bare, max));
    if (score <= 2 + max) scored.push({ id, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}
