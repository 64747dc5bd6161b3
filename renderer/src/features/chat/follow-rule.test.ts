// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isScrollingKey, judgeScroll } from './follow-rule';

const client = 575;
const atEnd = (height: number) => ({ top: height - client, height, client });
const quiet = { stuck: true, userActive: false, contentChanging: false };

describe('judgeScroll', () => {
  it('follows again once the view is back near the end', () => {
    expect(judgeScroll(atEnd(9000), { top: 8400, height: 9000, client }, { ...quiet, stuck: false })).toEqual({ stuck: true, refollow: false });
  });

  it('keeps following when the content grew below a view that did not move', () => {
    expect(judgeScroll(atEnd(9000), { top: 8425, height: 9800, client }, { ...quiet, contentChanging: true })).toEqual({ stuck: true, refollow: false });
  });

  it('stops following when the user scrolls up', () => {
    const up = { top: 7000, height: 9000, client };
    expect(judgeScroll(atEnd(9000), up, { ...quiet, userActive: true, contentChanging: true })).toEqual({ stuck: false, refollow: false });
  });

  // The failure seen in a real stream: the scroll event after a clamp reports the view 619 px up and
  // the content grown back; nobody had touched anything.
  it('puts the view back at the end when the layout clamped it while the answer grows', () => {
    const clamped = { top: 16235, height: 17391, client };
    expect(judgeScroll({ top: 16854, height: 17429, client }, clamped, { ...quiet, contentChanging: true })).toEqual({ stuck: true, refollow: true });
  });

  it('takes a scroll up with nothing growing as the user leaving the end (find in page, a screen reader)', () => {
    expect(judgeScroll(atEnd(9000), { top: 3000, height: 9000, client }, quiet)).toEqual({ stuck: false, refollow: false });
  });

  it('does not follow again by itself once the user left the end', () => {
    const further = { top: 6000, height: 9800, client };
    expect(judgeScroll({ top: 7000, height: 9000, client }, further, { ...quiet, stuck: false, contentChanging: true })).toEqual({ stuck: false, refollow: false });
  });

  it('ignores a view moved up by a row above measured smaller: the end is no further away', () => {
    const shrunkAbove = { top: 6500, height: 8500, client };
    expect(judgeScroll({ top: 7000, height: 9000, client }, shrunkAbove, { ...quiet, stuck: false, userActive: true })).toEqual({ stuck: false, refollow: false });
  });
});

describe('isScrollingKey', () => {
  const field = document.createElement('textarea');
  const article = document.createElement('article');

  it('counts navigation keys pressed outside a text field', () => {
    for (const key of ['PageUp', 'ArrowUp', 'Home', ' ', 'Tab']) expect(isScrollingKey(key, article)).toBe(true);
    expect(isScrollingKey('PageUp', document.body)).toBe(true);
  });

  it('ignores typing, and keys pressed in the composer', () => {
    expect(isScrollingKey('a', article)).toBe(false);
    expect(isScrollingKey('ArrowUp', field)).toBe(false);
    expect(isScrollingKey(' ', field)).toBe(false);
  });
});
