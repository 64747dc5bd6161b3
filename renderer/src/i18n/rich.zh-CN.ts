import type { DeepStringRecord } from './types';
import type richEn from './rich.en';

/** 附件、消息操作、模型选择、助手与提示词的中文文案。 */
const richZhCN: DeepStringRecord<typeof richEn> = {
  attach: {
    button: '添加附件',
    dropHere: '松开即可添加附件',
    remove: '移除 {{name}}',
    adding: '正在添加…',
    tray: '附件',
    pages_one: '{{count}} 页',
    pages_other: '{{count}} 页',
    tokens: '约 {{tokens}} 个 token',
    truncated: '内容过长，只发送开头部分',
    total: '附件约占 {{tokens}} 个 token',
    view: '查看 {{name}}',
    imageAlt: '附加的图片 {{name}}',
    failed: '无法添加 {{name}}',
    visionOff: '{{model}} 被设为仅文本，无法发送图片。请换一个模型，或在“设置 → 模型”中修改。',
    problem: {
      empty: '“{{name}}”是空文件（0 字节）。',
      too_large: '“{{name}}”太大了，单个文件最多 {{limit}}。',
      too_many: '一条消息最多可带 {{limit}} 个文件。',
      executable: '“{{name}}”是可执行程序，不是文档或图片。Ferry 不会发送程序文件。',
      unsupported: 'Ferry 无法读取“{{name}}”。可以添加图片（PNG、JPEG、WebP、GIF）、PDF、Word（.docx）或文本文件。',
      unreadable: '“{{name}}”似乎已损坏，或者与文件名所示的格式不符。',
      no_text: '“{{name}}”中没有可提取的文字。扫描版 PDF 只包含图片，请把页面作为图片添加。',
      encrypted: '“{{name}}”设有密码。请去掉密码后重新添加。',
      expired: '“{{name}}”已失效，请重新添加。',
      local_unreadable: '无法从磁盘读取“{{name}}”。请确认你有权限打开它，并且文件仍然存在。',
    },
  },
  message: {
    showMore: '展开全部（{{chars}} 个字符）',
    showLess: '收起',
    more: '更多操作',
    copyMarkdown: '复制为 Markdown',
    copyText: '复制为纯文本',
    quote: '引用回复',
    editAnswer: '编辑回答',
    editAnswerHint: '编辑后的回答会与原回答并存（‹ 1/2 ›），后续消息使用当前显示的版本。',
    editAnswerLabel: '回答内容',
    saveAnswer: '保存为新版本',
    fork: '从这里分叉',
    forkTitle: '{{title}}（分叉）',
    delete: '删除（连同下方回复）',
    deleted_one: '已删除消息',
    deleted_other: '已删除 {{count}} 条消息',
    undo: '撤销',
  },
};

export default richZhCN;
