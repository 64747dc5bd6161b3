// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
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
});
