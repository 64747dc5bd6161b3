import type errorsEn from './errors.en';
import type { DeepStringRecord } from './types';

/** 上游与应用错误的简体中文标题和解决提示（见 error-text.ts）。 */
const errorsZh: DeepStringRecord<typeof errorsEn> = {
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
    context_length_exceeded: {
      title: '对话超出了该模型的上下文长度',
      hint: '发送的消息超过了模型的上下文窗口。请新建对话、减少携带的历史消息，或换用上下文更长的模型。',
    },
    payload_too_large: {
      title: '请求内容过大',
      hint: '服务器或其前面的代理拒绝了这么大的请求。请缩短对话或粘贴的文本后重试。',
    },
    model_not_found: {
      title: '找不到该模型',
      hint: '服务商没有提供这个模型，或者你的密钥无权使用它。请对照服务商的模型列表检查连接设置中的模型名称。',
    },
    region_blocked: {
      title: '你所在的地区无法使用',
      hint: '服务商不向你所在的国家或地区提供服务。请通过受支持地区的代理访问，或改用在你所在地可直连的中转或代理商。',
    },
    access_code: {
      title: '中转的访问码不正确',
      hint: '这个 NextChat 中转需要用访问码作为密钥（Ferry 会以“nk-<访问码>”的形式发送）。请填写中转 CODE 设置里的访问码。',
    },
    no_channel: {
      title: '中转没有该模型的可用渠道',
      hint: '你的 one-api / new-api 中转目前没有该模型可用的上游渠道。请换一个模型，或在中转后台为它启用渠道。',
    },
    bad_gateway: {
      title: '网关错误（502）',
      hint: 'API 前面的代理或中转没能从后端服务拿到响应。通常是暂时的，请稍后重试。',
    },
    gateway_timeout: {
      title: '网关超时（504）',
      hint: 'API 前面的代理或中转等待后端服务超时。长时间推理可能导致这种情况；请重试，或请中转的管理员调大超时时间。',
    },
    dns: {
      title: '找不到该服务器地址',
      hint: '请检查 API 地址中的主机名是否拼写正确，以及网络或代理的 DNS 设置。',
    },
    connection_refused: {
      title: '服务器拒绝了连接',
      hint: '该地址和端口上没有服务在监听。请检查 API 地址中的端口，并确认服务器或本地代理已经启动。',
    },
    connection_reset: {
      title: '连接中断了',
      hint: '回答还没结束连接就被关闭了。已收到的内容都已保留；请重试，或检查网络和代理是否稳定。',
    },
    tls: {
      title: '安全连接失败',
      hint: '无法验证服务器的证书（自签名、已过期或与主机名不符）。请检查 https 地址，或把你所在机构的 CA 证书安装到系统信任库。',
    },
    proxy_auth: {
      title: '代理需要用户名和密码',
      hint: '代理服务器返回了 407。请在连接的代理设置中填写代理账号和密码。',
    },
    html_response: {
      title: '返回的是网页而不是 API 响应',
      hint: 'API 地址指向了一个网站，常见的是中转的管理页面。它通常需要以 /v1 结尾，例如 https://your-relay.example/v1。',
    },
    error_in_stream: {
      title: '服务商返回了错误',
      hint: '服务器有响应，但返回的是错误而不是回答。出错前已收到的内容都已保留；具体原因请看下方服务商返回的信息。',
    },
    connect_timeout: {
      title: '连接超时',
      hint: '没能及时连上服务器。请检查网络和代理设置后重试。',
    },
    first_byte_timeout: {
      title: '迟迟没有开始回答',
      hint: '请求已发出，但模型一直没有开始回答。推理模型可能会思考好几分钟：可以在“设置 › 网络”中调大“等待模型开始输出”的时间，或重试。',
    },
    idle_timeout: {
      title: '回答中途停住了',
      hint: '数据流太久没有新内容，连接已被关闭。已收到的内容都已保留；可以继续生成或重试。',
    },
    images_not_supported: {
      title: '这个模型不接受图片',
      hint: '服务商拒绝了附带的图片。请换用支持图片的模型（“视觉”模型），或移除图片。也可以在“设置 → 模型”中把该模型标为仅文本，Ferry 会在发送前提醒你。',
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
      hint: '无法安全地保存密钥。请安装并解锁 GNOME Keyring 或 KWallet，或者选择仅在本次运行期间保留密钥。',
    },
    no_connection: {
      title: '还没有设置连接',
      hint: '请在设置中填写 API 地址、密钥和模型。',
    },
    no_key: {
      title: '还没有填写 API 密钥',
      hint: '请在设置中为这个连接填写 API 密钥。',
    },
    key_host_mismatch: {
      title: '密钥尚未确认用于这个主机',
      hint: 'API 地址现在指向的主机与保存密钥时不同，因此没有发送任何内容。请在设置中为新主机确认保存的密钥，或重新填写密钥。',
    },
    busy: {
      title: 'Ferry 正忙',
      hint: '请等当前回复完成，或先停止它。',
    },
    internal: {
      title: 'Ferry 内部出错了',
      hint: '请重试。如果问题反复出现，请重启 Ferry。',
    },
    database_corrupt: {
      title: '历史数据库已损坏',
      hint: 'Ferry 没有改动它。请恢复最新的备份，或先把该文件复制到安全的位置。',
    },
    database_unavailable: {
      title: '无法使用历史数据库',
      hint: '它可能由更新版本的 Ferry 写入。请更新 Ferry，或恢复备份。',
    },
    attachment_rejected: {
      title: '无法添加该文件',
      hint: '请检查文件后重试。',
    },
    storage_full: {
      title: '磁盘已满',
      hint: '这项内容没能保存。请腾出空间后重试；已保存的内容没有丢失。',
    },
    storage_read_only: {
      title: '数据文件夹为只读',
      hint: 'Ferry 的数据文件夹无法写入，所以这项内容没能保存。请检查文件夹权限或磁盘，然后重试。',
    },
    storage_io: {
      title: '磁盘读写出错',
      hint: '这项内容没能保存（输入/输出错误）。请检查磁盘后重试；已保存的内容没有丢失。',
    },
    disconnected: {
      title: '与 Ferry 主程序的连接已断开',
      hint: '请求没有发送成功。Ferry 正在重新连接，请稍后再试。',
    },
  },
};

export default errorsZh;
