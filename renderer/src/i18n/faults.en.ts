/** English strings of the fault banners and cards: keychain, disk, damaged files. */
const faultsEn = {
  /** A sentence that follows another in the same line: after a space in English. */
  followUp: ' {{text}}',
  keychain: {
    waiting: 'Waiting for the system keychain…',
    waitingHint: 'If your system asks whether Ferry may use its saved key, answer that prompt.',
    problem: {
      absent: {
        title: 'No system keychain',
        hint: 'Keys saved in the keychain can’t be read. Start GNOME Keyring or KWallet, or enter the key again for this session only. Nothing is sent without your key.',
      },
      locked: {
        title: 'The system keychain is locked',
        hint: 'Unlock it (on Linux: “Passwords and Keys”, or log out and in again), then try again. Nothing is sent without your key.',
      },
      not_responding: {
        title: 'The system keychain isn’t responding',
        hint: 'Ferry keeps trying by itself. If this stays, restart the keyring service (gnome-keyring-daemon) or log out and in again. Nothing is sent without your key.',
      },
      error: {
        title: 'The system keychain reported an error',
        hint: 'Ferry keeps trying by itself. Nothing is sent without your key.',
      },
    },
    nextTry: 'Next try in {{seconds}} s.',
    retry: 'Try again',
    detail: 'Technical details: {{reason}}',
    keyUnreadable: 'Saved in the system keychain · can’t be read right now',
  },
  storage: {
    problem: {
      full: {
        title: 'The disk is full',
        hint: 'New messages and changes can’t be saved until there is free space. Everything already saved is safe; answers keep showing and are saved as soon as there is room.',
      },
      read_only: {
        title: 'History is read-only',
        hint: 'Ferry’s data folder can’t be written (it is read-only, or its permissions changed). Everything saved can be read; nothing new is saved until it can be written again.',
      },
      io: {
        title: 'The disk reported an error',
        hint: 'A write failed with an input/output error. Everything already saved is kept; check the disk, then try again.',
      },
    },
    readOnlyMode: 'Opened read-only.',
    folder: 'Data folder: {{path}}',
    retry: 'Try again',
  },
  unsaved: {
    full: 'Disk full — {{chars}} characters not saved yet',
    read_only: 'Read-only — {{chars}} characters not saved yet',
    io: 'Disk error — {{chars}} characters not saved yet',
    retry: 'Retry',
  },
  settingsFile: {
    title: 'Your settings file was damaged',
    hint: 'Ferry moved it aside (nothing was deleted) and started with default settings. Your connections are in a previous copy.',
    movedTo: 'Moved to: {{path}}',
    restore: 'Restore settings from {{time}} · connections: {{count}}',
    keep: 'Keep the default settings',
    noCopy: 'There is no previous copy to restore. The damaged file is still there if you want to repair it by hand.',
    failed: 'The copy couldn’t be restored.',
  },
};

export default faultsEn;
