/**
 * A conversation is a tree of messages (`parentId`); the conversation remembers its active leaf.
 * Pure helpers shared by main (what to send upstream) and the renderer (what to show).
 * "Newest" is creation order; `createdAt` is strictly increasing per database (monotonic clock).
 */
export interface TreeNode {
  id: string;
  parentId: string | null;
  createdAt: number;
}

const byCreation = (a: TreeNode, b: TreeNode) => a.createdAt - b.createdAt;

/** Children of each node (key null = roots), oldest first. */
function childrenIndex<T extends TreeNode>(messages: readonly T[]): Map<string | null, T[]> {
  const index = new Map<string | null, T[]>();
  for (const m of messages) {
    const list = index.get(m.parentId);
    if (list) list.push(m);
    else index.set(m.parentId, [m]);
  }
  for (const list of index.values()) list.sort(byCreation);
  return index;
}

/** The newest message in the subtree rooted at `id` (always a leaf: children are newer than parents). */
export function newestLeafUnder<T extends TreeNode>(messages: readonly T[], id: string): T | null {
  const children = childrenIndex(messages);
  const root = messages.find((m) => m.id === id);
  if (!root) return null;
  let newest = root;
  const stack: T[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.createdAt > newest.createdAt) newest = node;
    stack.push(...(children.get(node.id) ?? []));
  }
  return newest;
}

/**
 * Root-to-leaf path ending at `leafId`. An absent or unknown leaf falls back to the newest
 * message, so a stale pointer never hides the conversation.
 */
export function activePath<T extends TreeNode>(messages: readonly T[], leafId: string | null | undefined): T[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  let leaf = leafId ? byId.get(leafId) : undefined;
  if (!leaf) leaf = [...messages].sort(byCreation).at(-1);
  const path: T[] = [];
  const seen = new Set<string>();
  for (let node = leaf; node && !seen.has(node.id); node = node.parentId ? byId.get(node.parentId) : undefined) {
    seen.add(node.id);
    path.push(node);
  }
  return path.reverse();
}

export interface SiblingPosition {
  /** 0-based position among the message's siblings (same parent), oldest first. */
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

export interface Thread<T extends TreeNode> {
  path: T[];
  siblings: Map<string, SiblingPosition>;
}

/** The active path and, for each message on it, where it sits among its siblings (‹ 2/3 ›). */
export function buildThread<T extends TreeNode>(messages: readonly T[], leafId: string | null | undefined): Thread<T> {
  const children = childrenIndex(messages);
  const path = activePath(messages, leafId);
  const siblings = new Map<string, SiblingPosition>();
  for (const m of path) {
    const group = children.get(m.parentId) ?? [m];
    const index = group.findIndex((s) => s.id === m.id);
    siblings.set(m.id, {
      index,
      count: group.length,
      previousId: group[index - 1]?.id ?? null,
      nextId: group[index + 1]?.id ?? null,
    });
  }
  return { path, siblings };
}

/**
 * The latest `limit` messages of a path (null = all). The cut never starts on an assistant
 * message, so the upstream sees a user turn first.
 */
export function limitContext<T extends { role: string }>(path: readonly T[], limit: number | null): T[] {
  if (limit === null || path.length <= limit) return [...path];
  const kept = path.slice(path.length - limit);
  while (kept.length > 1 && kept[0]?.role === 'assistant') kept.shift();
  return kept;
}
