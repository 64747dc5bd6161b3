// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { Preferences } from '../../../shared/schemas';
import { setApi } from '../api';
import { initI18n } from '../i18n';
import { useAppStore } from './app-store';
import { fakeMain } from './fake-main.test-support';
import { stepFontSize } from './settings-actions';

/** A main whose prefs.set answers wait until the test releases them, in order, each with what it has stored by then. */
function slowPrefs() {
  let stored = Preferences.parse({});
  const waiting: (() => void)[] = [];
  const main = fakeMain({
    'prefs.set': (patch) => {
      stored = { ...stored, ...(patch as Partial<Preferences>) };
      const answer = stored;
      return new Promise((resolve) => waiting.push(() => resolve(answer)));
    },
  });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    api: main.api,
    /** Lets the oldest waiting answer through. */
    async release() {
      await tick();
      waiting.shift()!();
      await tick();
    },
  };
}

beforeEach(() => {
  initI18n('en');
  useAppStore.setState({ prefs: Preferences.parse({}) });
});

describe('text size steps (Ctrl+= / Ctrl+−)', () => {
  it('go on from what is shown when main answers an earlier step late', async () => {
    const main = slowPrefs();
    setApi(main.api);
    const size = () => useAppStore.getState().prefs?.fontSize;
    const first = stepFontSize(1);
    const second = stepFontSize(1);
    expect(size()).toBe(17);
    // The first step's answer (16) arrives after the second step was shown: it must not take it back.
    await main.release();
    expect(size()).toBe(17);
    const third = stepFontSize(-1);
    expect(size()).toBe(16);
    await main.release();
    await main.release();
    await Promise.all([first, second, third]);
    expect(size()).toBe(16);
    expect(document.documentElement.style.getPropertyValue('--chat-font-size')).toBe('16px');
  });
});
