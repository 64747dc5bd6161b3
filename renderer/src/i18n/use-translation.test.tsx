// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { memo } from 'react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n, setLanguage } from '.';
import { useTranslation } from './use-translation';

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  act(() => setLanguage('en'));
});

// memo: a component whose props never change must still follow the language.
const CancelLabel = memo(function CancelLabel() {
  const { t, i18n } = useTranslation();
  return (
    <span>
      {t('common.cancel')} ({i18n.language})
    </span>
  );
});

describe('useTranslation', () => {
  it('renders in the current language and again in a new one, props or not', () => {
    render(<CancelLabel />);
    expect(screen.getByText('Cancel (en)')).toBeTruthy();
    act(() => setLanguage('zh-CN'));
    expect(screen.getByText('取消 (zh-CN)')).toBeTruthy();
    act(() => setLanguage('en'));
    expect(screen.getByText('Cancel (en)')).toBeTruthy();
  });

  it('a component mounted after the change starts in the new language', () => {
    act(() => setLanguage('zh-CN'));
    render(<CancelLabel />);
    expect(screen.getByText('取消 (zh-CN)')).toBeTruthy();
  });

  it('hands every component the same t while the language stays', () => {
    const seen: unknown[] = [];
    function Probe() {
      seen.push(useTranslation().t);
      return null;
    }
    render(
      <>
        <Probe />
        <Probe />
      </>,
    );
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });

  it('answers each label as i18next does, looking it up once per language', () => {
    let t = null as ReturnType<typeof useTranslation>['t'] | null;
    function Grab() {
      t = useTranslation().t;
      return null;
    }
    render(<Grab />);
    const lookups = vi.spyOn(i18next, 't');
    const asked = () => [t!('common.cancel'), t!('rich.attach.pages', { count: 1 }), t!('rich.attach.pages', { count: 3 }), t!('common.cancel')];
    expect(asked()).toEqual(['Cancel', '1 page', '3 pages', 'Cancel']);
    expect(asked()).toEqual(['Cancel', '1 page', '3 pages', 'Cancel']);
    const once = lookups.mock.calls.length;
    expect(once).toBe(3);
    act(() => setLanguage('zh-CN'));
    expect(asked()[0]).toBe('取消');
    expect(asked()[2]).toContain('3');
    lookups.mockRestore();
  });
});

