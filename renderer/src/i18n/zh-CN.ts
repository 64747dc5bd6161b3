import type { Resources } from './en';
import type { DeepStringRecord } from './types';

/** 简体中文。类型与英文资源绑定：缺键或多键都会在类型检查时报错。 */
const zhCN: DeepStringRecord<Resources> = {
  app: {
    name: 'Ferry',
  },
  common: {
    cancel: '取消',
    close: '关闭',
    retry: '重试',
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败',
  },
  boot: {
    loading: '正在启动 Ferry…',
    failed: 'Ferry 启动失败',
  },
  banner: {
    disconnected: '与 Ferry 主程序的连接已断开',
    reconnecting: '正在尝试重新连接…',
    unreachable: '无法连接到 Ferry 主程序',
    unreachableHint: '如果 Ferry 刚刚重启过，请打开它新输出的链接。',
    noToken: '请通过 Ferry 提供的链接打开此页面',
    noTokenHint: '请打开 Ferry 启动时输出的地址，其中包含访问令牌。',
    reconnectNow: '立即重连',
  },
  sidebar: {
    label: '对话列表',
    newChat: '新对话',
    settings: '设置',
    untitled: '新对话',
    rename: '重命名',
    renameField: '对话标题',
    delete: '删除',
    empty: '还没有对话，开始聊天后会显示在这里。',
    groups: {
      today: '今天',
      yesterday: '昨天',
      week: '过去 7 天',
      month: '过去 30 天',
      older: '更早',
    },
  },
  confirmDelete: {
    title: '删除这个对话？',
    body: '“{{title}}”及其中的所有消息都将被删除，且无法恢复。',
    confirm: '删除',
  },
  welcome: {
    title: '欢迎使用 Ferry',
    body: '连接任意兼容 OpenAI 的 API 开始聊天，所有对话都只保存在这台电脑上。',
    setupTitle: '先连接一个 API',
    setupBody: '填写 API 地址、密钥和要使用的模型，一分钟就能搞定。',
    setup: '设置连接',
    ready: '有什么想问的，直接说吧。',
    using: '当前模型：{{model}} · {{name}}',
    noModel: '尚未选择模型',
  },
  chat: {
    log: '消息列表',
    role: {
      user: '用户消息',
      assistant: '助手消息',
      system: '系统消息',
    },
    you: '你',
    assistant: '助手',
    stopped: '已停止',
    interrupted: '已中断：生成回答时应用被关闭了',
    thinking: '正在等待回复…',
    copyMessage: '复制消息',
    scrollToLatest: '回到最新消息',
    loading: '正在加载对话…',
    loadFailed: '无法加载这个对话。',
  },
  composer: {
    label: '消息',
    placeholder: '输入消息…',
    hint: 'Enter 发送 · Shift+Enter 换行',
    hintStreaming: '按 Esc 停止生成',
    send: '发送',
    stop: '停止',
  },
  errorCard: {
    openSettings: '打开设置',
    providerMessage: '服务商返回的信息',
    status: 'HTTP {{status}}',
    endpoint: '请求地址：',
  },
  errors: {
    upstream: {
      bad_request: {
        title: '服务商拒绝了这次请求',
        hint: '常见原因是模型名称填错，或者该模型不支持某些参数。具体原因请看下方服务商返回的信息。',
      },
      unauthorized: {
        title: 'API 密钥无效',
        hint: '密钥可能填错、已过期或已被撤销。如果使用的是中转服务，请填写中转服务商提供的密钥（访问码），而不是 OpenAI 官方密钥。',
      },
      forbidden: {
        title: '没有访问权限',
        hint: '服务商拒绝了请求。可能是所在地区不受支持，或者这个密钥无权使用该模型。',
      },
      not_found: {
        title: '找不到接口或模型',
        hint: '请检查 API 地址末尾是否需要加上 /v1（大多数服务都需要，例如 https://api.openai.com/v1），并确认模型名称与服务商列出的完全一致。',
      },
      rate_limited: {
        title: '请求过于频繁',
        hint: '已触发服务商的速率限制，请稍等片刻再试。',
      },
      insufficient_quota: {
        title: 'API 余额不足',
        hint: 'API 账户的余额已用完。注意：API 是单独计费的，和 ChatGPT Plus 订阅无关，订阅了 Plus 也需要另外为 API 充值。请到服务商的账单页面（或你的中转服务）充值后再试。',
      },
      server_error: {
        title: '服务商的服务器出错了',
        hint: '这是对方服务器的问题，请稍后再试。',
      },
      bad_response: {
        title: '返回的不是 API 数据',
        hint: '服务器返回了其他内容（通常是一个网页）。API 地址可能指向了网站而不是接口，这类地址一般以 /v1 结尾。',
      },
      network: {
        title: '无法连接到服务器',
        hint: '请检查网络连接、代理设置，以及 API 地址中的域名是否正确。',
      },
      timeout: {
        title: '请求超时',
        hint: '服务器没有及时响应，可能是网络不稳定或服务繁忙，请重试。',
      },
      no_key: {
        title: '还没有填写 API 密钥',
        hint: '这个连接需要 API 密钥，请在设置中填写。',
      },
      unknown: {
        title: '出错了',
        hint: '下方服务商返回的信息或许能说明原因。',
      },
    },
    app: {
      invalid_input: {
        title: '输入的内容有误',
        hint: '请检查各项填写后再试。',
      },
      unknown_route: {
        title: '当前版本的 Ferry 不支持此操作',
        hint: '界面与主程序的版本可能不一致，请重启 Ferry。',
      },
      forbidden: {
        title: '操作被拒绝',
        hint: 'Ferry 拒绝了这个请求，请刷新页面或重启 Ferry。',
      },
      not_found: {
        title: '内容不存在',
        hint: '它可能已在其他窗口中被删除。',
      },
      keychain_unavailable: {
        title: '没有可用的系统钥匙串',
        hint: '无法安全地保存密钥。请安装并解锁 GNOME Keyring 或 KWallet，或者选择仅在本次会话中保留密钥。',
      },
      no_connection: {
        title: '还没有设置连接',
        hint: '请在设置中填写 API 地址、密钥和模型。',
      },
      no_key: {
        title: '还没有填写 API 密钥',
        hint: '请在设置中为这个连接填写 API 密钥。',
      },
      busy: {
        title: 'Ferry 正忙',
        hint: '请等当前回复完成，或先停止它。',
      },
      internal: {
        title: 'Ferry 内部出错了',
        hint: '请重试。如果问题反复出现，请重启 Ferry。',
      },
      disconnected: {
        title: '与 Ferry 主程序的连接已断开',
        hint: '请求没有发送成功。Ferry 正在重新连接，请稍后再试。',
      },
    },
  },
  settings: {
    title: '设置',
    close: '关闭设置',
    sections: {
      connection: '连接',
      appearance: '外观',
      language: '语言',
    },
    name: '名称',
    defaultName: '我的连接',
    baseUrl: 'API 地址',
    baseUrlPlaceholder: 'https://api.openai.com/v1',
    baseUrlHelp: '服务商或中转服务提供的接口地址，通常以 /v1 结尾。',
    preview: '实际请求地址：',
    previewEmpty: '请输入 API 地址，例如 https://api.openai.com/v1',
    previewInvalid: '这不是一个有效的网址。',
    previewScheme: '地址必须以 http:// 或 https:// 开头',
    apiKey: 'API 密钥',
    apiKeyPlaceholder: 'sk-…',
    apiKeyReplace: '输入新密钥即可替换',
    keyKeychain: '密钥已保存在系统钥匙串中 · 末四位 {{last4}}',
    keySession: '仅在本次会话中保留 · 末四位 {{last4}}',
    keyNone: '未设置密钥',
    removeKey: '移除密钥',
    keyRemoved: '密钥已移除。',
    model: '模型',
    modelPlaceholder: 'gpt-4o-mini',
    save: '保存',
    saving: '正在保存…',
    saved: '已保存。',
    nameRequired: '请给这个连接起个名字。',
    keychainMissing:
      '没有找到系统钥匙串（Linux 上的 Secret Service）。请安装并解锁 GNOME Keyring 或 KWallet，以便安全地保存密钥。',
    keychainReason: '技术细节：{{reason}}',
    sessionOnly: '仅在本次会话中保留密钥（关闭 Ferry 后即被清除）',
    sessionRequired: '没有钥匙串时，需要勾选“仅在本次会话中保留密钥”才能保存。',
    theme: '主题',
    themes: {
      system: '跟随系统',
      light: '浅色',
      dark: '深色',
    },
    language: '语言',
    languages: {
      system: '跟随系统',
      en: 'English',
      'zh-CN': '简体中文',
    },
    about: 'Ferry {{version}} · 数据目录：{{dataDir}}',
  },
  markdown: {
    copyCode: '复制代码',
    code: '代码',
    image: '图片：{{label}}',
  },
};

export default zhCN;
