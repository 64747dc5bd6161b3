import { useEffect, useState } from 'react';
import { SearchDialog } from './SearchDialog';

/** Opens the search dialog on Ctrl+K (Cmd+K on macOS) from anywhere in the app. */
export function SearchLauncher() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.altKey || e.shiftKey) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return open ? <SearchDialog onClose={() => setOpen(false)} /> : null;
}
