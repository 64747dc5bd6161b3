// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { initI18n } from '../../i18n';
import { ErrorCard } from './ErrorCard';

beforeAll(() => {
  initI18n('en');
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const noop = () => {};

describe('ErrorCard (issue 4.1)', () => {
  it('shows how long a 429 asks to wait', () => {
    render(<ErrorCard error={{ code: 'rate_limited', status: 429, retryAfterSeconds: 17 }} onOpenSettings={noop} onRetry={noop} />);
    expect(screen.getByText('The provider asks to wait 17 s before retrying.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('names the bad parameter of a 400, verbatim', () => {
    render(<ErrorCard error={{ code: 'bad_request', status: 400, param: 'temperature', providerMessage: 'bad temperature' }} onOpenSettings={noop} />);
    const param = screen.getByText('temperature', { selector: 'code' });
    expect(param.parentElement?.textContent).toBe('Parameter named by the provider: temperature');
  });

  it('shows neither when the provider said neither', () => {
    const { container } = render(<ErrorCard error={{ code: 'server_error', status: 500 }} onOpenSettings={noop} />);
    expect(container.querySelector('.error-card-retry-after')).toBeNull();
    expect(container.querySelector('.error-card-param')).toBeNull();
  });

  it('reads in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<ErrorCard error={{ code: 'rate_limited', status: 429, retryAfterSeconds: 2.2, param: 'top_p' }} onOpenSettings={noop} />);
    expect(screen.getByText('服务商要求等待 3 秒后再重试。')).toBeTruthy();
    expect(screen.getByText('top_p', { selector: 'code' }).parentElement?.textContent).toBe('服务商指出的参数：top_p');
  });
});
