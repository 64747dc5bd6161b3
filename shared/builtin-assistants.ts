import type { Assistant, Language, Prompt } from './schemas';

type Localized = Record<Language, string>;

interface BuiltinAssistant {
  id: string;
  avatar: string;
  name: Localized;
  systemPrompt: Localized;
  temperature: number | null;
}

/** A few assistants people reach for first, written natively in both languages. */
const ASSISTANTS: readonly BuiltinAssistant[] = [
  {
    id: 'builtin:translator',
    avatar: '🌐',
    name: { en: 'Translator', 'zh-CN': '翻译助手' },
    systemPrompt: {
      en: 'You are a professional translator. Translate what the user sends between English and Chinese: Chinese into natural English, anything else into fluent Simplified Chinese. Keep the meaning, tone and formatting (Markdown, code, numbers). Reply with the translation only.',
      'zh-CN': '你是一名专业译者。把用户发来的内容在中英文之间互译：中文译成地道的英文，其他语言译成通顺的简体中文。保留原意、语气和格式（Markdown、代码、数字）。只回复译文。',
    },
    temperature: 0.3,
  },
  {
    id: 'builtin:coder',
    avatar: '💻',
    name: { en: 'Code reviewer', 'zh-CN': '代码审查' },
    systemPrompt: {
      en: 'You are a senior software engineer. Review the code the user shares: point out bugs, security problems and unclear parts first, then suggest concrete improvements with short code examples. Be direct and specific.',
      'zh-CN': '你是一名资深软件工程师。审查用户提供的代码：先指出缺陷、安全问题和不清晰之处，再给出具体的改进建议，并附上简短的代码示例。直截了当，具体明确。',
    },
    temperature: 0.2,
  },
  {
    id: 'builtin:writer',
    avatar: '✍️',
    name: { en: 'Writing editor', 'zh-CN': '写作润色' },
    systemPrompt: {
      en: 'You are an experienced editor. Improve the text the user sends: fix grammar and word choice, make it clearer and more concise, and keep the author’s voice. Return the revised text, then a few short notes on what changed.',
      'zh-CN': '你是一位经验丰富的编辑。润色用户发来的文字：修正语法和用词，让表达更清晰简洁，并保留作者的风格。先给出修改后的全文，再用几条简短说明列出改动。',
    },
    temperature: 0.5,
  },
  {
    id: 'builtin:explainer',
    avatar: '🎓',
    name: { en: 'Patient teacher', 'zh-CN': '耐心老师' },
    systemPrompt: {
      en: 'You are a patient teacher. Explain the topic step by step in plain words, starting from what the user already knows. Use a small example, then check understanding with one short question.',
      'zh-CN': '你是一位耐心的老师。从用户已经了解的内容出发，用浅显的语言一步步讲解。先举一个小例子，最后用一个简短的问题确认对方是否理解。',
    },
    temperature: null,
  },
];

interface BuiltinPrompt {
  id: string;
  title: Localized;
  body: Localized;
}

const PROMPTS: readonly BuiltinPrompt[] = [
  {
    id: 'builtin:summarize',
    title: { en: 'Summarize', 'zh-CN': '总结要点' },
    body: {
      en: 'Summarize the following in {{points}} bullet points, most important first:\n\n{{text}}',
      'zh-CN': '用 {{points}} 条要点总结下面的内容，最重要的放在前面：\n\n{{text}}',
    },
  },
  {
    id: 'builtin:translate',
    title: { en: 'Translate into…', 'zh-CN': '翻译成…' },
    body: {
      en: 'Translate into {{language}}, keeping the formatting:\n\n{{text}}',
      'zh-CN': '把下面的内容翻译成{{language}}，保留原有格式：\n\n{{text}}',
    },
  },
  {
    id: 'builtin:explain-code',
    title: { en: 'Explain this code', 'zh-CN': '解释代码' },
    body: {
      en: 'Explain what this {{language}} code does, line by line where it matters, and point out anything risky:\n\n```\n{{code}}\n```',
      'zh-CN': '解释这段 {{language}} 代码的作用，关键处逐行说明，并指出有风险的地方：\n\n```\n{{code}}\n```',
    },
  },
];

export const BUILTIN_PREFIX = 'builtin:';

export function builtinAssistants(language: Language): Assistant[] {
  return ASSISTANTS.map((a) => ({
    id: a.id,
    name: a.name[language],
    avatar: a.avatar,
    systemPrompt: a.systemPrompt[language],
    connectionId: null,
    model: null,
    temperature: a.temperature,
    topP: null,
    maxTokens: null,
    reasoningEffort: null,
    contextMessages: null,
    builtin: true,
  }));
}

export function builtinPrompts(language: Language): Prompt[] {
  return PROMPTS.map((p) => ({ id: p.id, title: p.title[language], body: p.body[language], builtin: true }));
}
