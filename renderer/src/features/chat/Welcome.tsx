import { useTranslation } from '../../i18n/use-translation';
import { selectActiveConnection, selectIsConfigured, useAppStore } from '../../state/app-store';
import { KeyIcon, LogoMark } from '../../ui/icons';
import { AssistantGallery } from '../assistants/AssistantGallery';

/** What a new chat shows: a greeting, and the way to a working setup if there isn't one yet. */
export function Welcome() {
  const { t } = useTranslation();
  const configured = useAppStore(selectIsConfigured);
  const connection = useAppStore(selectActiveConnection);
  const openSettings = useAppStore((s) => s.openSettings);

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <LogoMark width={56} height={56} className="welcome-logo" />
      <h1 id="welcome-title" className="welcome-title">
        {t('welcome.title')}
      </h1>
      <p className="welcome-body">{t('welcome.body')}</p>
      {configured && connection ? (
        <p className="welcome-ready">
          <span>{t('welcome.ready')}</span>
          <span className="pill">{t('welcome.using', { model: connection.model, name: connection.name })}</span>
        </p>
      ) : (
        <div className="setup-card">
          <KeyIcon width={22} height={22} className="setup-card-icon" />
          <div>
            <h2 className="setup-card-title">{t('welcome.setupTitle')}</h2>
            <p className="setup-card-body">{t('welcome.setupBody')}</p>
          </div>
          <button type="button" className="button button-primary button-large" onClick={openSettings}>
            {t('welcome.setup')}
          </button>
        </div>
      )}
      {configured && <AssistantGallery />}
    </section>
  );
}
