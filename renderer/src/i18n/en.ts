/**
 * English strings: the source of truth. Every other locale is typed against this object, so a
 * key added here and forgotten elsewhere fails the type check.
 */
const en = {
  app: {
    name: 'Ferry',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Couldn’t copy',
  },
  boot: {
    loading: 'Starting Ferry…',
    failed: 'Ferry couldn’t start',
  },
  banner: {
    disconnected: 'Disconnected from Ferry host',
    reconnecting: 'Trying to reconnect…',
    unreachable: 'Can’t reach the Ferry host',
    unreachableHint: 'If Ferry was restarted, open the new link it printed.',
    noToken: 'This page needs Ferry’s link',
    noTokenHint: 'Open the address Ferry printed when it started. It includes an access token.',
    reconnectNow: 'Reconnect now',
  },
  sidebar: {
    label: 'Conversations',
    newChat: 'New chat',
    settings: 'Settings',
    untitled: 'New chat',
    rename: 'Rename',
    renameField: 'Conversation title',
    delete: 'Delete',
    empty: 'No conversations yet. Your chats will appear here.',
    groups: {
      today: 'Today',
      yesterday: 'Yesterday',
      week: 'Previous 7 days',
      month: 'Previous 30 days',
      older: 'Older',
    },
  },
  confirmDelete: {
    title: 'Delete conversation?',
    body: '“{{title}}” and all of its messages will be deleted. This can’t be undone.',
    confirm: 'Delete',
  },
  welcome: {
    title: 'Welcome to Ferry',
    body: 'Chat with any OpenAI-compatible API. Your conversations stay on this computer.',
    setupTitle: 'Connect to an API first',
    setupBody: 'Add the API address, your key and the model you want to use. It takes a minute.',
    setup: 'Set up a connection',
    ready: 'Ask anything to get started.',
    using: 'Using {{model}} · {{name}}',
    noModel: 'No model chosen yet',
  },
  chat: {
    log: 'Messages',
    role: {
      user: 'User message',
      assistant: 'Assistant message',
      system: 'System message',
    },
    you: 'You',
    assistant: 'Assistant',
    stopped: 'Stopped',
    interrupted: 'Interrupted — the app closed while this answer was streaming',
    thinking: 'Waiting for the reply…',
    copyMessage: 'Copy message',
    scrollToLatest: 'Scroll to latest',
    loading: 'Loading conversation…',
    loadFailed: 'Couldn’t load this conversation.',
  },
  composer: {
    label: 'Message',
    placeholder: 'Type a message…',
    hint: 'Enter to send · Shift+Enter for a new line',
    hintStreaming: 'Esc to stop',
    send: 'Send',
    stop: 'Stop',
  },
  errorCard: {
    openSettings: 'Open settings',
    providerMessage: 'Message from the provider',
    status: 'HTTP {{status}}',
    endpoint: 'Endpoint:',
  },
  errors: {
    upstream: {
      bad_request: {
        title: 'The provider rejected the request',
        hint: 'This is often a wrong model name or an option the model doesn’t support. The provider’s own message below says more.',
      },
      unauthorized: {
        title: 'The API key was not accepted',
        hint: 'The key may be wrong, expired or revoked. If you use a relay, enter the key or access code that relay gave you, not an OpenAI key.',
      },
      forbidden: {
        title: 'Access denied',
        hint: 'The provider refused this request. Your region may not be supported, or the key has no access to this model.',
      },
      not_found: {
        title: 'API address or model not found',
        hint: 'Check whether the base URL needs /v1 at the end (most do, e.g. https://api.openai.com/v1) and that the model name is spelled exactly as the provider lists it.',
      },
      rate_limited: {
        title: 'Too many requests',
        hint: 'You hit the provider’s rate limit. Wait a moment and try again.',
      },
      insufficient_quota: {
        title: 'No API credit left',
        hint: 'Your API account has run out of balance. API usage is billed separately from a ChatGPT Plus subscription: add credit on the provider’s billing page (or with your relay) and try again.',
      },
      server_error: {
        title: 'The provider had a server error',
        hint: 'Something went wrong on their side. Try again in a little while.',
      },
      bad_response: {
        title: 'That wasn’t an API response',
        hint: 'The server answered with something else, often a web page. The base URL probably points to a website instead of the API; it usually ends with /v1.',
      },
      network: {
        title: 'Couldn’t reach the server',
        hint: 'Check your internet connection, proxy settings and the host name in the base URL.',
      },
      timeout: {
        title: 'The request timed out',
        hint: 'The server didn’t answer in time. The network may be unstable or the service busy; try again.',
      },
      no_key: {
        title: 'No API key',
        hint: 'This connection needs an API key. Add it in Settings.',
      },
      unknown: {
        title: 'Something went wrong',
        hint: 'The provider’s message below may explain what happened.',
      },
    },
    app: {
      invalid_input: {
        title: 'Some input isn’t valid',
        hint: 'Check the fields and try again.',
      },
      unknown_route: {
        title: 'This version of Ferry doesn’t support that',
        hint: 'The window and the app may be out of step. Restart Ferry.',
      },
      forbidden: {
        title: 'Not allowed',
        hint: 'Ferry refused this request. Reload the page or restart Ferry.',
      },
      not_found: {
        title: 'Not found',
        hint: 'It may have been deleted in another window.',
      },
      keychain_unavailable: {
        title: 'No system keychain',
        hint: 'The key couldn’t be stored safely. Install and unlock GNOME Keyring or KWallet, or keep the key for this session only.',
      },
      no_connection: {
        title: 'No connection is set up',
        hint: 'Add the API address, key and model in Settings.',
      },
      no_key: {
        title: 'No API key',
        hint: 'Add the API key for this connection in Settings.',
      },
      busy: {
        title: 'Ferry is busy',
        hint: 'Wait for the current reply to finish, or stop it.',
      },
      internal: {
        title: 'Something went wrong inside Ferry',
        hint: 'Try again. If it keeps happening, restart Ferry.',
      },
      disconnected: {
        title: 'Disconnected from Ferry host',
        hint: 'The request didn’t go through. Ferry is reconnecting; try again in a moment.',
      },
    },
  },
  settings: {
    title: 'Settings',
    close: 'Close settings',
    sections: {
      connection: 'Connection',
      appearance: 'Appearance',
      language: 'Language',
    },
    name: 'Name',
    defaultName: 'My connection',
    baseUrl: 'Base URL',
    baseUrlPlaceholder: 'https://api.openai.com/v1',
    baseUrlHelp: 'The API address from your provider or relay, usually ending with /v1.',
    preview: 'Requests go to:',
    previewEmpty: 'Enter the API address, for example https://api.openai.com/v1',
    previewInvalid: 'This doesn’t look like a web address.',
    previewScheme: 'The address must start with http:// or https://',
    apiKey: 'API key',
    apiKeyPlaceholder: 'sk-…',
    apiKeyReplace: 'Type a new key to replace it',
    keyKeychain: 'Key saved in the system keychain · ends with {{last4}}',
    keySession: 'Kept for this session only · ends with {{last4}}',
    keyNone: 'No key',
    removeKey: 'Remove key',
    keyRemoved: 'Key removed.',
    model: 'Model',
    modelPlaceholder: 'gpt-4o-mini',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    nameRequired: 'Give the connection a name.',
    keychainMissing:
      'No system keychain was found (Secret Service on Linux). Install and unlock GNOME Keyring or KWallet to store keys safely.',
    keychainReason: 'Technical details: {{reason}}',
    sessionOnly: 'Keep the key for this session only (it is forgotten when Ferry closes)',
    sessionRequired: 'To save the key without a keychain, tick “Keep the key for this session only”.',
    theme: 'Theme',
    themes: {
      system: 'System',
      light: 'Light',
      dark: 'Dark',
    },
    language: 'Language',
    languages: {
      system: 'System',
      en: 'English',
      'zh-CN': '简体中文',
    },
    about: 'Ferry {{version}} · Data folder: {{dataDir}}',
  },
  markdown: {
    copyCode: 'Copy code',
    code: 'code',
    image: 'Image: {{label}}',
  },
};

export default en;
export type Resources = typeof en;
