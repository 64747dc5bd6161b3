/**
 * Ten answers at once: the user sends in ten conversations one after another (each answer streams
 * at the same rate) and stays in the last one. Measured while all ten stream (from the last send to
 * the first upstream end): the page's busy share and longest task, the open answer's chunk-to-paint;
 * afterwards every stored answer is compared with what the upstream sent.
 */
import { busyOf, endTrace, mainThreadTasks, rendererMain, startTrace, taskDuration } from './cdp';
import { cutIntoChunks, type BenchAnswer } from './stream-answer';
import { bringToTop, clockOffset, newPage, nodeNow, openFromSidebar, processCpuMs, sleep, storedAnswer, watchFixtureSends, type World } from './world';

export interface ConcurrentSample {
  busy: number;
  busyMetrics: number;
  longestTaskMs: number;
  windowSeconds: number;
  latencies: number[];
  /** Answers whose stored text equals the upstream's, of `answers`. */
  intact: number;
  answers: number;
  hostCpuMs: number;
}

export async function concurrentOnce(world: World, answer: BenchAnswer, conversationIds: string[], chunkChars: number, delayMs: number): Promise<ConcurrentSample> {
  for (const id of conversationIds) bringToTop(world.dbFile, id);
  const { context, page, cdp } = await newPage(world);
  const sends = watchFixtureSends();
  try {
    // Only the open (last) answer carries markers, so the fixture's send log is about it alone.
    const quiet = answer.text.replace(/mk(\d{4})/g, 'xk$1');
    const last = conversationIds.length - 1;
    let cpu0 = 0;
    let m0 = { task: 0, at: 0 };
    let before = { offsetMs: 0, uncertaintyMs: 0 };
    for (const [i, id] of conversationIds.entries()) {
      await openFromSidebar(page, id);
      const composer = page.getByRole('textbox', { name: 'Message' });
      await composer.fill(`Concurrent answer ${i + 1}`);
      const text = i === last ? answer.text : quiet;
      world.fixture.configure({ text, chunks: cutIntoChunks(text, chunkChars), steady: true, chunkDelayMs: delayMs, repeat: 1, firstByteDelayMs: 0 });
      if (i === last) {
        before = await clockOffset(page);
        await page.evaluate(() => {
          const p = { seen: new Map<string, number>(), frames: [] as number[], stop: false };
          (window as unknown as { __multi: typeof p }).__multi = p;
          const now = () => performance.timeOrigin + performance.now();
          new MutationObserver((records) => {
            const t = now();
            for (const r of records) {
              const text = r.type === 'characterData' ? (r.target as Text).data : [...r.addedNodes].map((n) => n.textContent).join(' ');
              if (text.includes('mk')) for (const m of text.matchAll(/mk\d{4}/g)) if (!p.seen.has(m[0])) p.seen.set(m[0], t);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
          const frame = () => {
            if (p.stop) return;
            const ch = new MessageChannel();
            ch.port1.onmessage = () => p.frames.push(now());
            ch.port2.postMessage(0);
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        });
        await startTrace(cdp, ['toplevel', 'blink.user_timing', '__metadata']);
        m0 = await taskDuration(cdp);
        cpu0 = processCpuMs(world.host.child.pid!);
        await page.evaluate(() => performance.mark('bench-multi-start'));
      }
      await composer.press('Enter');
    }
    const t0 = nodeNow();
    // The window ends when the first answer's upstream ends.
    while (sends.log.ends.length === 0) await Promise.race([sleep(20), world.hostExited]);
    await page.evaluate(() => performance.mark('bench-multi-end'));
    const t1 = nodeNow();
    const cpu1 = processCpuMs(world.host.child.pid!);
    const m1 = await taskDuration(cdp);
    const events = await endTrace(cdp);
    const main = rendererMain(events, 'bench-multi');
    const window = busyOf(mainThreadTasks(events, main.pid, main.tid, main.start, main.end), main.start, main.end);

    const deadline = Date.now() + 120_000;
    while (sends.log.ends.length < conversationIds.length && Date.now() < deadline) await Promise.race([sleep(100), world.hostExited]);
    await page.locator('article[data-role="assistant"]').last().waitFor({ state: 'attached' });
    await sleep(1000); // the final writes
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __multi: { seen: Map<string, number>; frames: number[]; stop: boolean } }).__multi;
      p.stop = true;
      return { seen: [...p.seen], frames: p.frames };
    });
    const after = await clockOffset(page);
    const offset = (before.offsetMs + after.offsetMs) / 2;
    const latencies: number[] = [];
    let fi = 0;
    for (const [marker, at] of probe.seen.sort((a, b) => a[1] - b[1])) {
      while (fi < probe.frames.length && probe.frames[fi]! <= at) fi++;
      const painted = probe.frames[fi];
      const s = sends.log.markers.get(marker);
      if (painted !== undefined && s !== undefined) latencies.push(painted - offset - s);
    }
    let intact = 0;
    for (const [i, id] of conversationIds.entries()) {
      const stored = storedAnswer(world.dbFile, id);
      if (stored?.status === 'done' && stored.content === (i === last ? answer.text : quiet)) intact++;
    }
    return {
      busy: window.busy,
      busyMetrics: (m1.task - m0.task) / (m1.at - m0.at),
      longestTaskMs: window.longestMs,
      windowSeconds: (t1 - t0) / 1000,
      latencies,
      intact,
      answers: conversationIds.length,
      hostCpuMs: cpu1 - cpu0,
    };
  } finally {
    sends.restore();
    await context.close();
  }
}
