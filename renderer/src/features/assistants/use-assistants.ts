import { useEffect } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Language } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { loadAssistants, useAssistantsStore } from './assistants-store';

/** Keeps assistants and prompts loaded in the UI's language (built-ins come translated). */
export function useAssistantsLoaded(): void {
  const { i18n } = useTranslation();
  const language = (i18n.language === 'zh-CN' ? 'zh-CN' : 'en') as Language;
  const loaded = useAssistantsStore((s) => s.language);
  const bridge = useAppStore((s) => s.bridge);
  useEffect(() => {
    if (loaded !== language && bridge === 'open') void loadAssistants(language).catch(() => {});
  }, [language, loaded, bridge]);
}
