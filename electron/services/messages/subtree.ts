/** Ids of the message and every message under it (any order), from (id, parent) pairs. */
export function subtreeIds(nodes: ReadonlyArray<{ id: string; parentId: string | null }>, rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
