import { describe, expect, it } from 'vitest';
import { fillTemplate, slashQuery, templateVariables } from './prompt-template';

describe('prompt templates', () => {
  it('finds each variable once, in order, Chinese names too', () => {
    expect(templateVariables('Translate {{text}} into {{ language }}; again: {{text}}. {{语言}}')).toEqual(['text', 'language', '语言']);
    expect(templateVariables('no variables, {single} braces')).toEqual([]);
  });

  it('fills variables and leaves unknown ones as written', () => {
    expect(fillTemplate('{{a}} and {{ b }} and {{c}}', { a: '1', b: '2' })).toBe('1 and 2 and {{c}}');
    // A value with $ signs is inserted literally.
    expect(fillTemplate('cost: {{x}}', { x: '$1 $&' })).toBe('cost: $1 $&');
  });

  it('recognises a slash command only at the start, as one word', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/sum')).toBe('sum');
    expect(slashQuery('/总结')).toBe('总结');
    expect(slashQuery('/sum more')).toBeNull();
    expect(slashQuery('see /usr')).toBeNull();
    expect(slashQuery('/usr/bin')).toBeNull();
  });
});
