import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { CheckIcon, CopyIcon } from './icons';

interface CopyButtonProps {
  /** Read at click time, so a streaming text's latest state is what gets copied. */
  getText(): string;
  label: string;
  className?: string;
  showLabel?: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies to the clipboard and says so for a moment, visibly and to screen readers. */
export function CopyButton({ getText, label, className, showLabel }: CopyButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    let next: CopyState = 'copied';
    try {
      await navigator.clipboard.writeText(getText());
    } catch {
      next = 'failed';
    }
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1600);
  };

  const status = state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : '';
  return (
    <button type="button" className={`icon-button ${className ?? ''}`} aria-label={label} title={label} onClick={copy}>
      {state === 'copied' ? <CheckIcon width={16} height={16} /> : <CopyIcon width={16} height={16} />}
      {showLabel && <span className="icon-button-text">{status || t('common.copy')}</span>}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </button>
  );
}
