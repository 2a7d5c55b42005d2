type Ranked = { id: number; priority: number };

const PRIORITY_STEP = 10;

/**
 * The priorities to save so that the rule at `index` moves `delta` places (rules are tried lower
 * priority first). Two neighbours with different priorities just swap them; otherwise every rule is
 * renumbered 10, 20, 30… Only the rules whose priority changes are returned.
 */
export function movePriorities(rules: readonly Ranked[], index: number, delta: -1 | 1): Ranked[] {
  const moved = rules[index];
  const neighbour = rules[index + delta];
  if (!moved || !neighbour) return [];
  if (moved.priority !== neighbour.priority) {
    return [
      { id: moved.id, priority: neighbour.priority },
      { id: neighbour.id, priority: moved.priority },
    ];
  }
  const order = [...rules];
  order.splice(index, 1);
  order.splice(index + delta, 0, moved);
  return order
    .map((rule, position) => ({ id: rule.id, priority: (position + 1) * PRIORITY_STEP, was: rule.priority }))
    .filter((rule) => rule.priority !== rule.was)
    .map(({ id, priority }) => ({ id, priority }));
}

/** A new rule goes last. */
export function nextPriority(rules: readonly Ranked[]): number {
  return rules.reduce((max, rule) => Math.max(max, rule.priority), 0) + PRIORITY_STEP;
}
