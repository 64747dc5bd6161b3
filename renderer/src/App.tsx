import { ChatView } from './features/chat/ChatView';
import { FileDropTarget } from './features/data/FileDropTarget';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { GlobalShortcuts } from './features/shortcuts/GlobalShortcuts';
import { AppMenuBridge } from './features/menu/AppMenuBridge';
import { ShortcutListDialog } from './features/shortcuts/ShortcutListDialog';
import { Sidebar } from './features/sidebar/Sidebar';
import { SearchLauncher } from './features/search/SearchLauncher';
import { useAppStore } from './state/app-store';
import { useUiStore } from './state/ui-store';
import { ConnectionBanner } from './ui/ConnectionBanner';
import { FaultBanners } from './features/faults/FaultBanners';

export function App() {
  const settingsOpen = useAppStore((s) => s.settingsSection !== null);
  const collapsed = useAppStore((s) => !!s.prefs?.sidebarCollapsed);
  const shortcutListOpen = useUiStore((s) => s.shortcutListOpen);
  return (
    <div className="app">
      <ConnectionBanner />
      <FaultBanners />
      <div className="app-columns">
        {!collapsed && <Sidebar />}
        <ChatView />
      </div>
      {settingsOpen && <SettingsDialog />}
      {shortcutListOpen && <ShortcutListDialog />}
      <SearchLauncher />
      <GlobalShortcuts />
      <AppMenuBridge />
      <FileDropTarget />
    </div>
  );
}
