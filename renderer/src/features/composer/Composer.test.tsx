// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { Composer } from './Composer';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

function setup(streaming = false) {
  const onSend = vi.fn(async () => true);
  const onStop = vi.fn();
  render(<Composer streaming={streaming} onSend={onSend} onStop={onStop} />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  fireEvent.change(box, { target: { value: '你好' } });
  return { box, onSend, onStop };
}

/** Lets the async send settle. */
const flush = () => act(async () => {});

describe('Composer Enter and IME', () => {
  it('sends on a plain Enter', async () => {
    const { box, onSend } = setup();
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await flush();
    expect(onSend).toHaveBeenCalledWith('你好', []);
  });

  it('does not send on Shift+Enter', async () => {
    const { box, onSend } = setup();
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13, shiftKey: true });
    await flush();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send when the Enter commits an IME candidate (isComposing)', async () => {
    const { box, onSend } = setup();
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13, isComposing: true });
    await flush();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send on keyCode 229', async () => {
    const { box, onSend } = setup();
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    await flush();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send while a composition is active', async () => {
    const { box, onSend } = setup();
    fireEvent.compositionStart(box);
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    await flush();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('ignores the Enter Safari fires right after compositionend, then sends on the next one', async () => {
    const { box, onSend } = setup();
    fireEvent.compositionStart(box);
    fireEvent.compositionEnd(box);
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    await flush();
    expect(onSend).not.toHaveBeenCalled();

    fireEvent.keyUp(box, { key: 'Enter', keyCode: 13 });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    await flush();
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('clears the box after a send is accepted', async () => {
    const { box } = setup();
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    await flush();
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('shows Stop instead of Send while streaming', () => {
    const { onStop } = setup(true);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalled();
  });
});
