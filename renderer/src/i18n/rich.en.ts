/** English strings of attachments, message controls, the model picker, assistants and prompts. */
const richEn = {
  attach: {
    button: 'Attach files',
    dropHere: 'Drop files to attach them',
    remove: 'Remove {{name}}',
    adding: 'Adding…',
    tray: 'Attachments',
    pages_one: '{{count}} page',
    pages_other: '{{count}} pages',
    tokens: '≈ {{count}} tokens',
    truncated: 'cut to fit: only the start is sent',
    total: 'Attachments add ≈ {{count}} tokens',
    view: 'View {{name}}',
    imageAlt: 'Attached image {{name}}',
    failed: 'Couldn’t attach {{name}}',
    visionOff: '{{model}} is set as text-only: images can’t be sent to it. Pick another model, or change it in Settings → Models.',
    problem: {
      empty: '“{{name}}” is empty (0 bytes).',
      too_large: '“{{name}}” is too large. Files can be up to {{limit}}.',
      too_many: 'A message can carry up to {{limit}} files.',
      executable: '“{{name}}” is a program, not a document or an image. Ferry doesn’t send programs.',
      unsupported: 'Ferry can’t read “{{name}}”. Attach images (PNG, JPEG, WebP, GIF), PDF, Word (.docx) or text files.',
      unreadable: '“{{name}}” seems damaged, or isn’t what its name says.',
      no_text: 'No text found in “{{name}}”. A scanned PDF holds only pictures: attach the pages as images instead.',
      encrypted: '“{{name}}” is password-protected. Remove the password and attach it again.',
      expired: '“{{name}}” is no longer ready to send. Attach it again.',
      local_unreadable: 'Couldn’t read “{{name}}” from your disk. Check that you may open it and that it still exists.',
    },
  },
  message: {
    showMore: 'Show more ({{count}} characters)',
    showLess: 'Show less',
  },
};

export default richEn;
