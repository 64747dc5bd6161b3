import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';
import { initI18n } from './i18n';
import { Root } from './Root';
import { startLiveUpdates } from './state/boot';
import { applyTheme, cachedTheme } from './ui/theme';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/sidebar.css';
import './styles/chat.css';
import './styles/error-card.css';
import './styles/welcome.css';
import './styles/composer.css';
import './styles/markdown.css';
import './styles/settings.css';
import './styles/branching.css';
import './styles/target.css';
import './styles/find.css';

// Last session's language and theme until preferences arrive, so even the splash is right.
initI18n();
applyTheme(cachedTheme());

const api = getApi();
startLiveUpdates(api);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root api={api} />
    </StrictMode>,
  );
}
