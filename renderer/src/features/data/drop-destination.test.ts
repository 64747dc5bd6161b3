import { describe, expect, it } from 'vitest';
import { dropDestination } from './drop-destination';

const window_ = { onComposer: false, inDialog: false };

describe('where a dropped file goes', () => {
  it('exports dropped on the window are imported; pictures and documents are attached', () => {
    expect(dropDestination([{ name: 'Backup-2024-03-05.json', type: 'application/json' }], window_)).toBe('import');
    expect(dropDestination([{ name: 'chatgpt-export.ZIP', type: '' }], window_)).toBe('import');
    expect(dropDestination([{ name: 'screenshot.png', type: 'image/png' }], window_)).toBe('attach');
    expect(dropDestination([{ name: 'report.pdf', type: 'application/pdf' }], window_)).toBe('attach');
    // A mix is something to ask about, not a history to bring in.
    expect(dropDestination([{ name: 'a.json', type: 'application/json' }, { name: 'b.png', type: 'image/png' }], window_)).toBe('attach');
  });

  it('while dragging only the MIME type is known', () => {
    expect(dropDestination([{ type: 'application/json' }], window_)).toBe('import');
    expect(dropDestination([{ type: 'application/x-zip-compressed' }], window_)).toBe('import');
    expect(dropDestination([{ type: 'image/jpeg' }], window_)).toBe('attach');
  });

  it('the composer always attaches; an open dialog always imports', () => {
    expect(dropDestination([{ name: 'data.json', type: 'application/json' }], { onComposer: true, inDialog: false })).toBe('attach');
    expect(dropDestination([{ name: 'photo.jpg', type: 'image/jpeg' }], { onComposer: false, inDialog: true })).toBe('import');
  });
});
