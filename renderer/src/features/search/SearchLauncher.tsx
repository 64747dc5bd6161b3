import { setSearchOpen, useUiStore } from '../../state/ui-store';
import { SearchDialog } from './SearchDialog';

/** The search dialog, opened by its shortcut (Ctrl/Cmd+K by default) or the sidebar's button. */
export function SearchLauncher() {
  const open = useUiStore((s) => s.searchOpen);
  const initial = useUiStore((s) => s.searchText);
  return open ? <SearchDialog initialText={initial} onClose={() => setSearchOpen(false)} /> : null;
}
