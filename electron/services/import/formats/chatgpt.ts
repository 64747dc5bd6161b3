import {
  asArray,
  asNumber,
  asObject,
  asText,
  clampText,
  LIMITS,
  toEpochMs,
  type ImportedAttachment,
  type ImportedMessage,
  countSkip,
  type ConvertedConversation,
  type SkipCounts,
} from '../model';

type NodeKind = { kind: 'keep'; message: ImportedMessage } | { kind: 'reasoning'; text: string } | { kind: 'fold'; hidden: boolean };

const fence = (text: string, language = '') => {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text}\n${ticks}`;
};

function partsOf(content: Record<string, unknown>, attachments: ImportedAttachment[]): string {
  const texts: string[] = [];
  for (const part of asArray(content.parts)) {
    if (typeof part === 'string') {
      if (part) texts.push(part);
      continue;
    }
    const object = asObject(part);
    if (!object) continue;
    const type = asText(object.content_type);
    if (type === 'image_asset_pointer') {
      const pointer = asText(object.asset_pointer);
      attachments.push({ name: pointer.replace(/^[a-z-]+:\/\//, '') || 'image', mime: null, data: null, ref: pointer });
    } else if (typeof object.text === 'string') texts.push(object.text);
    else if (type) texts.push(`[${type}]`);
  }
  return texts.join('\n\n');
}

function thoughtsText(content: Record<string, unknown>): string {
  return asArray(content.thoughts)
    .map((t) => {
      const thought = asObject(t);
      if (!thought) return '';
      const summary = asText(thought.summary);
      const body = asText(thought.content);
      return summary && body ? `**${summary}**\n\n${body}` : summary || body;
    })
    .filter(Boolean)
    .join('\n\n');
}

function classify(node: Record<string, unknown>, defaultModel: string | null): NodeKind {
  const message = asObject(node.message);
  if (!message) return { kind: 'fold', hidden: false };
  const author = asObject(message.author);
  const role = asText(author?.role);
  const content = asObject(message.content) ?? {};
  const metadata = asObject(message.metadata) ?? {};
  const type = asText(content.content_type);
  if (metadata.is_visually_hidden_from_conversation === true || type === 'user_editable_context' || type === 'model_editable_context') {
    return { kind: 'fold', hidden: true };
  }
  if (type === 'thoughts') return { kind: 'reasoning', text: thoughtsText(content) };
  if (type === 'reasoning_recap') return { kind: 'reasoning', text: asText(content.content) };
  if (role === 'system') {
    const text = partsOf(content, []);
    return { kind: 'fold', hidden: text.trim().length > 0 };
  }

  const attachments: ImportedAttachment[] = [];
  let text: string;
  if (type === 'code') text = fence(asText(content.text), asText(content.language) === 'unknown' ? '' : asText(content.language));
  else if (type === 'execution_output') text = fence(asText(content.text));
  else if (type === 'text' || type === 'multimodal_text' || Array.isArray(content.parts)) text = partsOf(content, attachments);
  else if (typeof content.text === 'string') text = content.text;
  else if (typeof content.result === 'string') text = content.result;
  else text = type ? `[${type}]` : '';

  if (!text.trim() && attachments.length === 0) return { kind: 'fold', hidden: false };
  const ferryRole = role === 'user' ? 'user' : 'assistant';
  return {
    kind: 'keep',
    message: {
      sourceId: asText(message.id) || asText(node.id),
      parentSourceId: null,
      role: ferryRole,
      content: clampText(text, LIMITS.content),
      reasoning: '',
      model: ferryRole === 'assistant' ? clampText(asText(metadata.model_slug) || defaultModel || '', LIMITS.model) || null : null,
      createdAt: toEpochMs(message.create_time),
      status: 'done',
      attachments,
    },
  };
}

/**
 * One conversation of ChatGPT's `conversations.json` to the import model. The `mapping` is a tree
 * (regenerations and edits are siblings); nodes that are not messages a reader sees (the empty
 * root, hidden system/context messages, thoughts) are folded away and their children re-attached
 * to the nearest kept ancestor, so no branch is lost. Thoughts and reasoning recaps become the
 * reasoning of the answer below them.
 */
export function convertChatGptConversation(raw: unknown): ConvertedConversation {
  const skipped: SkipCounts = {};
  const conv = asObject(raw);
  const id = conv ? asText(conv.id) || asText(conv.conversation_id) : '';
  const mapping = conv ? asObject(conv.mapping) : null;
  if (!conv || !id || !mapping) return { conversation: null, skipped: { invalid_item: 1 } };
  const defaultModel = asText(conv.default_model_slug) || null;

  const nodes = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(mapping)) {
    const node = asObject(value);
    if (node) nodes.set(asText(node.id) || key, node);
    if (nodes.size > LIMITS.messagesPerConversation) break;
  }
  const kinds = new Map<string, NodeKind>();
  for (const [nodeId, node] of nodes) {
    const kind = classify(node, defaultModel);
    kinds.set(nodeId, kind);
    if (kind.kind === 'fold' && kind.hidden) countSkip(skipped, 'hidden_message');
  }
  const parentOf = (nodeId: string): string | null => {
    const parent = nodes.get(nodeId)?.parent;
    return typeof parent === 'string' && nodes.has(parent) ? parent : null;
  };

  // Nearest kept ancestor of every node, computed once per node (iteratively: chains can be long,
  // and a hostile file may even loop).
  const keptAncestor = new Map<string, string | null>();
  const resolve = (start: string): string | null => {
    const chain: string[] = [];
    const seen = new Set<string>();
    let current: string | null = parentOf(start);
    let found: string | null = null;
    while (current !== null) {
      if (keptAncestor.has(current)) {
        found = kinds.get(current)?.kind === 'keep' ? current : keptAncestor.get(current)!;
        break;
      }
      if (seen.has(current)) break;
      seen.add(current);
      if (kinds.get(current)?.kind === 'keep') {
        found = current;
        break;
      }
      chain.push(current);
      current = parentOf(current);
    }
    for (const node of chain) keptAncestor.set(node, found);
    keptAncestor.set(start, found);
    return found;
  };

  const messages: ImportedMessage[] = [];
  const sourceIdOf = new Map<string, string>();
  for (const [nodeId, kind] of kinds) if (kind.kind === 'keep') sourceIdOf.set(nodeId, kind.message.sourceId || nodeId);
  for (const [nodeId, kind] of kinds) {
    if (kind.kind !== 'keep') continue;
    const parent = resolve(nodeId);
    // Reasoning nodes between this answer and its kept parent (a short walk up).
    const reasoning: string[] = [];
    let walker = parentOf(nodeId);
    for (let steps = 0; walker !== null && walker !== parent && steps < 64; steps++) {
      const k = kinds.get(walker);
      if (k?.kind === 'reasoning' && k.text) reasoning.unshift(k.text);
      walker = parentOf(walker);
    }
    messages.push({
      ...kind.message,
      sourceId: sourceIdOf.get(nodeId)!,
      parentSourceId: parent === null ? null : sourceIdOf.get(parent)!,
      reasoning: kind.message.role === 'assistant' ? clampText(reasoning.join('\n\n'), LIMITS.content) : '',
    });
  }
  if (messages.length === 0) return { conversation: null, skipped: { ...skipped, empty_conversation: 1 } };

  const current = asText(conv.current_node);
  let activeLeaf: string | null = null;
  if (current && nodes.has(current)) {
    activeLeaf = kinds.get(current)?.kind === 'keep' ? sourceIdOf.get(current)! : (() => {
      const kept = resolve(current);
      return kept === null ? null : sourceIdOf.get(kept)!;
    })();
  }
  return {
    conversation: {
      sourceId: id,
      title: clampText(asText(conv.title).trim(), LIMITS.title),
      createdAt: toEpochMs(asNumber(conv.create_time)),
      updatedAt: toEpochMs(asNumber(conv.update_time)),
      model: defaultModel ? clampText(defaultModel, LIMITS.model) : null,
      activeLeafSourceId: activeLeaf,
      systemPrompt: null,
      pinned: conv.is_starred === true,
      messages,
    },
    skipped,
  };
}
