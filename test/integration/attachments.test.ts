import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, type AttachmentRef } from '../../shared/schemas';
import type { FixtureServer } from '../fixture';
import { sentTurns } from '../fixture/content-parts';
import { corruptPdf, sampleDocx, sampleExe, sampleImage, samplePdf } from '../support/sample-files';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

async function connect(model = 'fixture-model') {
  const conn = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.url, model });
  await t.call('connections.setKey', { id: conn.id, key: 'sk-attach-test', storage: 'session' });
  return conn;
}

/** Adds a file the way the UI does: begin, base64 chunks, finish. */
async function add(name: string, bytes: Uint8Array): Promise<AttachmentRef> {
  const { uploadId } = await t.call('attachments.begin', { name, type: '', size: bytes.length });
  for (let i = 0, at = 0; at < bytes.length; i++, at += ATTACHMENT_LIMITS.chunkBytes) {
    await t.call('attachments.chunk', { uploadId, index: i, data: Buffer.from(bytes.subarray(at, at + ATTACHMENT_LIMITS.chunkBytes)).toString('base64') });
  }
  return t.call('attachments.finish', { uploadId });
}

/** The refusal a file gets, as the UI receives it. */
async function refusal(name: string, bytes: Uint8Array) {
  const { uploadId } = await t.call('attachments.begin', { name, type: '', size: bytes.length });
  await t.core.router.dispatch('attachments.chunk', { uploadId, index: 0, data: Buffer.from(bytes).toString('base64') });
  const result = await t.core.router.dispatch('attachments.finish', { uploadId });
  return result.ok ? null : result.error;
}

const lastChat = () => fixture.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)!;
const storedFiles = () => {
  const dir = join(t.dataDir, 'attachments');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((shard) => readdirSync(join(dir, shard)));
};

describe('attachments through the core', () => {
  it('sends PNG, JPEG and WebP images as image_url parts, downscaled and re-encoded', async () => {
    await connect();
    const big = await add('screenshot.png', await sampleImage('png', 3000, 1500));
    const jpeg = await add('photo.jpg', await sampleImage('jpeg', 800, 600));
    const webp = await add('sticker.webp', await sampleImage('webp', 400, 400));
    expect(big).toMatchObject({ kind: 'image', width: 2048, height: 1024, name: 'screenshot.png' });
    expect(big.thumbnail).toMatch(/^data:image\/webp;base64,/);
    expect(jpeg).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 800, height: 600 });
    expect(webp).toMatchObject({ kind: 'image', width: 400, height: 400 });

    const sent = await t.call('chat.send', {
      text: 'What is in these pictures?',
      attachments: [big, jpeg, webp].map(({ id, name }) => ({ id, name })),
    });
    expect(sent.userMessage.attachments?.map((a) => a.name)).toEqual(['screenshot.png', 'photo.jpg', 'sticker.webp']);
    await t.finished(sent.assistantMessage.id);

    const [turn] = sentTurns(lastChat().body);
    expect(turn).toMatchObject({ role: 'user', text: 'What is in these pictures?', parts: true });
    expect(turn!.images).toHaveLength(3);
    expect(turn!.images[0]!.bytes).toBe(big.size);
    for (const image of turn!.images) expect(image.bytes).toBeLessThanOrEqual(ATTACHMENT_LIMITS.maxImageBytes);
    // The image that went upstream is the stored, downscaled one.
    const dataUrl = (await t.call('attachments.image', { id: big.id })).dataUrl;
    const meta = await sharp(Buffer.from(dataUrl.split(',')[1]!, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 1024]);
  });

  it('sends a multi-page Chinese PDF and a Word file as text, with their token estimate', async () => {
    await connect();
    const pdf = await add('季度报告.pdf', await samplePdf(['第一页：收入增长了百分之十二。', '第二页：数据库迁移在三月完成。', 'Page three: the end.']));
    const docx = await add('notes.docx', await sampleDocx(['会议纪要', 'Ship the attachments feature.']));
    expect(pdf).toMatchObject({ kind: 'document', pages: 3, truncated: false, mime: 'application/pdf' });
    expect(pdf.tokens).toBeGreaterThan(10);
    expect(docx).toMatchObject({ kind: 'document', pages: null });

    const sent = await t.call('chat.send', { text: 'Summarize', attachments: [pdf, docx].map(({ id, name }) => ({ id, name })) });
    await t.finished(sent.assistantMessage.id);
    const [turn] = sentTurns(lastChat().body);
    // Text only: no image, so the content stays one string.
    expect(turn!.parts).toBe(false);
    expect(turn!.text).toContain('Summarize');
    expect(turn!.text).toContain('<file name="季度报告.pdf" pages="3">');
    expect(turn!.text).toContain('[Page 2]\n第二页：数据库迁移在三月完成。');
    expect(turn!.text).toContain('会议纪要');
    expect(turn!.text).not.toContain('was cut here');
  });

  it('cuts a long text file with a note the model reads and the chip shows', async () => {
    await connect();
    const long = 'A line of a very long log file.\n'.repeat(10_000);
    const ref = await add('server.log', Buffer.from(long));
    expect(ref).toMatchObject({ kind: 'document', truncated: true, chars: ATTACHMENT_LIMITS.maxDocumentChars });
    const sent = await t.call('chat.send', { text: '', attachments: [{ id: ref.id, name: ref.name }] });
    // No text: the title comes from the file.
    expect(sent.conversation.title).toBe('server.log');
    await t.finished(sent.assistantMessage.id);
    expect(sentTurns(lastChat().body)[0]!.text).toContain('this document was too long and was cut here');
  });

  it('stores the same file once and keeps it across a restart, readable offline', async () => {
    await connect();
    const png = await sampleImage('png', 300, 200);
    const a = await add('one.png', png);
    const b = await add('two.png', png);
    expect(b.id).toBe(a.id);
    expect(storedFiles()).toEqual([a.id]);
    const sent = await t.call('chat.send', { text: 'Look', attachments: [{ id: a.id, name: 'one.png' }] });
    await t.finished(sent.assistantMessage.id);

    await t.restart();
    fixture.configure({ failure: { status: 500, body: 'offline' } });
    const detail = await t.call('conversations.get', { id: sent.conversation.id });
    const user = detail.messages.find((m) => m.role === 'user')!;
    expect(user.attachments).toEqual([expect.objectContaining({ id: a.id, name: 'one.png', thumbnail: a.thumbnail })]);
    expect((await t.call('attachments.image', { id: a.id })).dataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('a conversation opened with a window shows the attachments of the messages in it', async () => {
    await connect();
    const a = await add('late.png', await sampleImage('png', 120, 80));
    const first = await t.call('chat.send', { text: 'First question' });
    await t.finished(first.assistantMessage.id);
    const sent = await t.call('chat.send', { conversationId: first.conversation.id, text: 'Look', attachments: [{ id: a.id, name: 'late.png' }] });
    await t.finished(sent.assistantMessage.id);
    const detail = await t.call('conversations.get', { id: first.conversation.id, window: 2 });
    expect(detail.partial).toEqual({ earlier: 2 });
    expect(detail.messages.map((m) => m.id)).toEqual([sent.userMessage.id, sent.assistantMessage.id]);
    expect(detail.messages[0]!.attachments).toEqual([expect.objectContaining({ id: a.id, name: 'late.png', thumbnail: a.thumbnail })]);
    expect(detail.messages[1]!.attachments).toBeUndefined();
  });

  it('deletes files no message uses once their conversation is gone', async () => {
    await connect();
    const ref = await add('gone.png', await sampleImage('png', 100, 100));
    const sent = await t.call('chat.send', { text: 'x', attachments: [{ id: ref.id, name: ref.name }] });
    await t.finished(sent.assistantMessage.id);
    await t.call('conversations.delete', { id: sent.conversation.id });
    expect(storedFiles()).toEqual([ref.id]);

    // A purged conversation (trash older than 7 days) and an unsent file older than a day go at the next start.
    await t.restart();
    const past = Date.now() + 8 * 24 * 3600_000;
    const realNow = Date.now;
    Date.now = () => past;
    try {
      await t.restart();
      await expect.poll(() => storedFiles(), { timeout: 5000 }).toEqual([]);
    } finally {
      Date.now = realNow;
    }
  });

  it('refuses odd files with a reason the UI can localize, and the conversation goes on', async () => {
    await connect();
    expect(await t.core.router.dispatch('attachments.begin', { name: 'empty.txt', type: 'text/plain', size: 0 })).toMatchObject({
      ok: false,
      error: { code: 'attachment_rejected', details: { problem: 'empty' } },
    });
    expect(await t.core.router.dispatch('attachments.begin', { name: 'movie.mp4', type: 'video/mp4', size: 200 * 1024 * 1024 })).toMatchObject({
      ok: false,
      error: { code: 'attachment_rejected', details: { problem: 'too_large' } },
    });
    expect(await refusal('invoice.pdf', sampleExe())).toMatchObject({ code: 'attachment_rejected', details: { problem: 'executable', name: 'invoice.pdf' } });
    expect(await refusal('report.pdf', corruptPdf())).toMatchObject({ code: 'attachment_rejected', details: { problem: 'unreadable' } });
    expect(await refusal('photo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]))).toMatchObject({
      details: { problem: 'unreadable' },
    });
    expect(await refusal('data.bin', Buffer.from([1, 0, 2, 0, 3, 0]))).toMatchObject({ details: { problem: 'unsupported' } });
    expect(await refusal('blank.pdf', await samplePdf(['', '']))).toMatchObject({ details: { problem: 'no_text' } });
    // An id that was never stored.
    const bogus = await t.core.router.dispatch('chat.send', { text: 'hi', attachments: [{ id: 'a'.repeat(64), name: 'x.png' }] });
    expect(bogus).toMatchObject({ ok: false, error: { code: 'attachment_rejected', details: { problem: 'expired' } } });
    // Nothing above broke anything: a plain message still goes through.
    const sent = await t.call('chat.send', { text: 'still here?' });
    expect((await t.finished(sent.assistantMessage.id)).status).toBe('done');
    expect(storedFiles()).toEqual([]);
  });

  it('a model that refuses images: the provider’s words verbatim, with the vision hint code', async () => {
    await connect('text-only-model');
    fixture.configure({ textOnlyModels: ['text-only-model'] });
    const ref = await add('chart.png', await sampleImage('png', 200, 100));
    const sent = await t.call('chat.send', { text: 'Read the chart', attachments: [{ id: ref.id, name: ref.name }] });
    const failed = await t.finished(sent.assistantMessage.id);
    expect(failed.status).toBe('error');
    expect(failed.error).toMatchObject({
      code: 'images_not_supported',
      status: 400,
      providerMessage: 'Invalid content type. image_url is only supported by certain models.',
    });
  });

  it('decodes GB18030 text files, as Chinese Windows writes them', async () => {
    await connect();
    // "你好，世界" in GBK.
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]);
    const ref = await add('hello.txt', gbk);
    const sent = await t.call('chat.send', { text: 'translate', attachments: [{ id: ref.id, name: ref.name }] });
    await t.finished(sent.assistantMessage.id);
    expect(sentTurns(lastChat().body)[0]!.text).toContain('你好，世界');
    expect(statSync(join(t.dataDir, 'attachments', ref.id.slice(0, 2), ref.id)).size).toBe(gbk.length);
  });
});
