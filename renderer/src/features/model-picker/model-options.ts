import fuzzysort from 'fuzzysort';
import type { ConnectionView, ConversationSummary, ModelSetting } from '../../../../shared/schemas';

export interface ModelOption {
  key: string;
  connectionId: string;
  connectionName: string;
  model: string;
}

export type PickerRow = { type: 'group'; key: string; label: string } | ({ type: 'option' } & ModelOption);

/** Models offered for a connection: its default, the names the user added, the fetched list. */
export function connectionModels(connection: ConnectionView): string[] {
  const all = [connection.model, ...connection.customModels, ...(connection.modelCache?.ids ?? [])];
  return [...new Set(all.map((m) => m.trim()).filter(Boolean))];
}

const option = (c: ConnectionView, model: string): ModelOption => ({ key: `${c.id}\u0000${model}`, connectionId: c.id, connectionName: c.name, model });

export interface RowLabels {
  pinned: string;
  recent: string;
}

/** How many recently used models the picker lists before the full lists. */
const RECENT = 5;

/**
 * The picker's rows. Without a query: pinned models, then the ones used most recently (from the
 * newest conversations), then every connection's list under its name. With a query: fuzzy matches
 * over "model connection", best first, each still under its connection's name.
 */
export function pickerRows(
  connections: readonly ConnectionView[],
  recentConversations: readonly ConversationSummary[],
  modelSettings: readonly ModelSetting[],
  query: string,
  labels: RowLabels,
): PickerRow[] {
  const all = connections.flatMap((c) => connectionModels(c).map((m) => option(c, m)));
  const q = query.trim();
  if (q) {
    const results = fuzzysort.go(q, all, { keys: ['model', 'connectionName'], limit: 500 });
    const rows: PickerRow[] = [];
    const groups = new Map<string, ModelOption[]>();
    for (const r of results) groups.set(r.obj.connectionId, [...(groups.get(r.obj.connectionId) ?? []), r.obj]);
    // Groups in the order of their best match.
    for (const [connectionId, options] of groups) {
      rows.push({ type: 'group', key: `g-${connectionId}`, label: options[0]!.connectionName });
      rows.push(...options.map((o) => ({ type: 'option' as const, ...o })));
    }
    return rows;
  }
  const byKey = new Map(all.map((o) => [o.key, o]));
  const pinnedNames = new Set(modelSettings.filter((m) => m.pinned).map((m) => m.model));
  const pinned = all.filter((o) => pinnedNames.has(o.model));
  const recent: ModelOption[] = [];
  for (const c of recentConversations) {
    const hit = c.connectionId && c.model ? byKey.get(`${c.connectionId}\u0000${c.model}`) : undefined;
    if (hit && !recent.includes(hit) && !pinnedNames.has(hit.model)) recent.push(hit);
    if (recent.length >= RECENT) break;
  }
  const rows: PickerRow[] = [];
  const section = (key: string, label: string, options: readonly ModelOption[]) => {
    if (options.length === 0) return;
    rows.push({ type: 'group', key, label });
    rows.push(...options.map((o) => ({ type: 'option' as const, ...o, key: `${key}-${o.key}` })));
  };
  section('pinned', labels.pinned, pinned);
  section('recent', labels.recent, recent);
  for (const c of connections) section(`c-${c.id}`, c.name, connectionModels(c).map((m) => option(c, m)));
  return rows;
}
