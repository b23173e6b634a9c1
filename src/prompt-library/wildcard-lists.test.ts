import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { parseWildcardList, readWildcardLists, restoreWildcardLists, saveWildcardLists, WILDCARD_LIMITS, withList } from './wildcard-lists';

describe('parseWildcardList', () => {
  it('takes a name and one entry per line, skipping blank lines', () => {
    expect(parseWildcardList(' Colour ', 'red\n\n  blue  \r\ngreen\n')).toEqual({ list: { name: 'colour', entries: ['red', 'blue', 'green'] } });
    expect(parseWildcardList('my_list-2', 'x')).toEqual({ list: { name: 'my_list-2', entries: ['x'] } });
  });

  it.each([
    ['', 'x', 'Give the list a name'],
    ['two words', 'x', '“two words” cannot be a list name'],
    ['__colour__', 'x', 'cannot be a list name'],
    ['a--b', 'x', 'cannot be a list name'],
    ['n'.repeat(41), 'x', 'The name is too long: at most 40 characters.'],
    ['colour', '\n \n', 'Write at least one entry, one per line.'],
    ['colour', `ok\n${'y'.repeat(301)}`, 'Line 2 is too long: an entry holds at most 300 characters.'],
    ['colour', Array.from({ length: 501 }, (_, i) => `e${i}`).join('\n'), 'The list has 501 entries; a list holds at most 500.'],
  ])('refuses name %j with a message naming the problem', (name, text, message) => {
    const parsed = parseWildcardList(name, text);
    expect('problem' in parsed && parsed.problem).toContain(message);
  });
});

describe('withList', () => {
  const colour = { name: 'colour', entries: ['red'] };

  it('adds a list, replaces one by name, and refuses a second list of the same name', () => {
    const added = withList([], colour);
    expect(added).toEqual({ lists: [colour] });
    expect(withList([colour], { name: 'hue', entries: ['teal'] }, 'colour')).toEqual({ lists: [{ name: 'hue', entries: ['teal'] }] });
    expect(withList([colour], { name: 'colour', entries: ['blue'] })).toEqual({ problem: 'There is already a list named “colour”.' });
  });

  it('caps the number of lists and their total size', () => {
    const many = Array.from({ length: WILDCARD_LIMITS.lists }, (_, i) => ({ name: `l${i}`, entries: ['x'] }));
    expect(withList(many, colour)).toEqual({ problem: 'You can keep at most 50 wildcard lists.' });
    const big = Array.from({ length: 2 }, (_, i) => ({ name: `big${i}`, entries: Array.from({ length: 350 }, () => 'z'.repeat(290)) }));
    expect(withList(big.slice(0, 1), big[1])).toMatchObject({ problem: expect.stringContaining('at most 200,000 characters') });
  });
});

describe('restoreWildcardLists', () => {
  it('keeps valid lists and drops hostile or broken ones', () => {
    const saved = [
      { name: 'colour', entries: ['red', 'blue'] },
      { name: 'colour', entries: ['again'] },
      { name: 'Bad Name', entries: ['x'] },
      { name: 'numbers', entries: [1, 2] },
      { name: 'empty', entries: [] },
      { name: 'html', entries: ['<script>alert(1)</script>'] },
      'junk',
      null,
    ];
    expect(restoreWildcardLists(saved)).toEqual([
      { name: 'colour', entries: ['red', 'blue'] },
      { name: 'html', entries: ['<script>alert(1)</script>'] },
    ]);
  });

  it.each([null, 'x', 42, { lists: [] }])('reads %j as no lists', (saved) => {
    expect(restoreWildcardLists(saved)).toEqual([]);
  });

  it('reads no more than the cap of lists', () => {
    const saved = Array.from({ length: 200 }, (_, i) => ({ name: `l${i}`, entries: ['x'] }));
    expect(restoreWildcardLists(saved)).toHaveLength(WILDCARD_LIMITS.lists);
  });
});

describe('stored lists', () => {
  it('round-trip through localStorage, and a change made elsewhere is read afresh', () => {
    saveWildcardLists([{ name: 'colour', entries: ['red'] }]);
    expect(readWildcardLists()).toEqual([{ name: 'colour', entries: ['red'] }]);
    localStorage.setItem(STORAGE_KEYS.wildcardLists, JSON.stringify([{ name: 'animal', entries: ['owl'] }]));
    expect(readWildcardLists()).toEqual([{ name: 'animal', entries: ['owl'] }]);
  });

  it.each(['{not json', '"text"', 'null', JSON.stringify({ name: 'colour', entries: ['red'] })])('reads %s as no lists', (stored) => {
    localStorage.setItem(STORAGE_KEYS.wildcardLists, stored);
    expect(readWildcardLists()).toEqual([]);
  });
});
