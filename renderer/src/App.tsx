import { ChatView } from './features/chat/ChatView';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { Sidebar } from './features/sidebar/Sidebar';
import { SearchLauncher } from './features/search/SearchLauncher';
import { useAppStore } from './state/app-store';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { FaultBanners } from './features/faults/FaultBanners';

export function App() {
  const settingsOpen = useAppStore((s) => s.settingsOpen);
  return (
    <div className="app">
      <ConnectionBanner />
      <FaultBanners />
      <div className="app-columns">
        <Sidebar />
        <ChatView />
      </div>
      {settingsOpen && <SettingsDialog />}
      <SearchLauncher />
    </div>
  );
}
