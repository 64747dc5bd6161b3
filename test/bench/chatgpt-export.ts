/**
 * A ChatGPT `conversations.json` of any size, shaped as OpenAI writes it (mapping trees, a hidden
 * system root, regenerated answers as siblings, English and Chinese text, code), streamed to disk
 * so a 100,000-message file never sits in memory whole. Deterministic (seeded).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from './generate';

const WORDS = (
  'the a to of and in is it you that for on with as this be are can your not use if or from by one at have function return value error ' +
  'server client request response database query index cache memory thread process proxy certificate latency token model prompt answer ' +
  'python typescript compiler runtime library package version install config file path performance schema migration backup restore'
).split(' ');
const ZH = '我们 你 的 是 在 了 和 有 这个 一个 可以 需要 如果 然后 因为 所以 服务器 部署 数据库 连接 配置 文件 代码 函数 网络 代理 模型 回答 对话'.split(' ');

export interface ExportShape {
  conversations: number;
  /** Visible messages per conversation on its main path (user/assistant alternating). */
  messagesPerConversation: number;
  /** Every n-th conversation gets a regenerated last answer (a second branch). */
  branchEvery: number;
  seed: number;
}

/** Writes the file; resolves with the number of visible messages in it. */
export async function writeChatGptExport(file: string, shape: ExportShape): Promise<{ messages: number; bytes: number }> {
  const rand = prng(shape.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const text = (zh: boolean, words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(zh ? pick(ZH) : pick(WORDS));
    return out.join(zh ? '' : ' ');
  };
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  const node = (id: string, parent: string | null, children: string[], role: string | null, content: string, at: number, extra: Record<string, unknown> = {}) => ({
    id,
    parent,
    children,
    message: role
      ? { id, author: { role, name: null, metadata: {} }, create_time: at, update_time: null, content: { content_type: 'text', parts: [content] }, status: 'finished_successfully', end_turn: true, weight: 1, metadata: extra, recipient: 'all' }
      : null,
  });
  let messages = 0;
  await write('[');
  for (let c = 0; c < shape.conversations; c++) {
    const id = `bench-conv-${c}`;
    const t0 = 1_690_000_000 + c * 3_600;
    const zh = rand() < 0.4;
    const mapping: Record<string, unknown> = {};
    mapping.root = node('root', null, ['sys'], null, '', t0);
    let parent = 'sys';
    const ids: string[] = [];
    for (let m = 0; m < shape.messagesPerConversation; m++) {
      const mid = `${id}-m${m}`;
      ids.push(mid);
      const user = m % 2 === 0;
      const content = user ? text(zh, 10 + Math.floor(rand() * 40)) : text(zh, 40 + Math.floor(rand() * 200)) + (rand() < 0.2 ? '\n\n```python\nprint("hello")\n```' : '');
      mapping[mid] = node(mid, parent, [], user ? 'user' : 'assistant', content, t0 + m, user ? {} : { model_slug: 'gpt-4o' });
      parent = mid;
    }
    mapping.sys = node('sys', 'root', [ids[0]!], 'system', '', t0, { is_visually_hidden_from_conversation: true });
    for (let m = 0; m < ids.length - 1; m++) (mapping[ids[m]!] as { children: string[] }).children.push(ids[m + 1]!);
    messages += ids.length;
    let current = ids[ids.length - 1]!;
    if (shape.branchEvery > 0 && c % shape.branchEvery === 0 && ids.length >= 2) {
      const regen = `${id}-regen`;
      const question = ids[ids.length - 2]!;
      mapping[regen] = node(regen, question, [], 'assistant', text(zh, 60), t0 + ids.length, { model_slug: 'gpt-4o-mini' });
      (mapping[question] as { children: string[] }).children.push(regen);
      current = regen;
      messages++;
    }
    const conversation = { title: `Bench ${c} ${text(zh, 3)}`, create_time: t0, update_time: t0 + ids.length, mapping, current_node: current, default_model_slug: 'gpt-4o', id, conversation_id: id };
    await write((c > 0 ? ',' : '') + JSON.stringify(conversation));
  }
  await write(']');
  out.end();
  await once(out, 'close');
  return { messages, bytes };
}
