import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('i18n parity', () => {
  const enKeys = leaves(en as Tree);
  const zhKeys = leaves(zhCN as Tree);

  it('has every English key in zh-CN, non-empty', () => {
    for (const [key] of enKeys) {
      expect(zhKeys.has(key), `missing zh-CN key ${key}`).toBe(true);
      expect(zhKeys.get(key)?.trim(), `empty zh-CN key ${key}`).toBeTruthy();
    }
  });

  it('has no zh-CN keys that English lacks', () => {
    for (const [key] of zhKeys) expect(enKeys.has(key), `extra zh-CN key ${key}`).toBe(true);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enKeys) expect(placeholders(zhKeys.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('translates the user-facing labels rather than copying English', () => {
    const same = [...enKeys].filter(([key, value]) => zhKeys.get(key) === value).map(([key]) => key);
    // Only names, examples and the language's own endonyms may stay identical.
    const allowed = /^(app\.name|settings\.(baseUrlPlaceholder|apiKeyPlaceholder|modelPlaceholder)|settings\.languages\.(en|zh-CN)|errorCard\.status)$/;
    expect(same.filter((k) => !allowed.test(k))).toEqual([]);
  });
});
