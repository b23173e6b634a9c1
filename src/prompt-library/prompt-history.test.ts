import '../test/fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { createPromptHistory, type PromptHistory } from './prompt-history';
import { HISTORY_LIMITS, restoreHistoryEntry, type SentPrompt } from './prompt-history-entry';

let opened: PromptHistory[] = [];
let dbCount = 0;
function freshHistory() {
  const name = `prompt-history-test-${++dbCount}`;
  const history = createPromptHistory(name);
  opened.push(history);
  return { name, history };
}
afterEach(async () => {
  await Promise.all(opened.map((history) => history.close()));
  opened = [];
});

const sent = (prompt: string, extra: Partial<SentPrompt> = {}): SentPrompt => ({ prompt, negativePrompt: '', stylePreset: '', ...extra });

describe('prompt history', () => {
  it('keeps each prompt once, with the negative prompt and style it was last sent with', async () => {
    const { history } = freshHistory();
    await history.remember(sent('a red fox', { negativePrompt: 'blur', stylePreset: 'anime' }), 1);
    await history.remember(sent('a blue whale'), 2);
    await history.remember(sent('  a red fox ', { negativePrompt: 'text', stylePreset: 'pixel-art' }), 3);
    expect(await history.read()).toEqual([
      { prompt: 'a red fox', negativePrompt: 'text', stylePreset: 'pixel-art', usedAt: 3, pinned: false },
      { prompt: 'a blue whale', negativePrompt: '', stylePreset: '', usedAt: 2, pinned: false },
    ]);
  });

  it('lists pinned prompts first, and sending a pinned prompt again keeps its pin', async () => {
    const { history } = freshHistory();
    await history.remember(sent('old'), 1);
    await history.remember(sent('new'), 2);
    await history.setPinned('old', true);
    expect((await history.read()).map((entry) => [entry.prompt, entry.pinned])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    await history.remember(sent('old'), 3);
    expect((await history.read())[0]).toMatchObject({ prompt: 'old', pinned: true, usedAt: 3 });
    await history.setPinned('old', false);
    expect((await history.read()).map((entry) => entry.prompt)).toEqual(['old', 'new']);
  });

  it(`keeps the newest ${HISTORY_LIMITS.kept} prompts and every pinned one`, async () => {
    const { history } = freshHistory();
    for (let i = 0; i < 10; i++) await history.remember(sent(`pinned ${i}`), i);
    for (let i = 0; i < 10; i++) await history.setPinned(`pinned ${i}`, true);
    for (let i = 0; i < HISTORY_LIMITS.kept + 20; i++) await history.remember(sent(`prompt ${i}`), 100 + i);
    const kept = await history.read();
    expect(kept).toHaveLength(HISTORY_LIMITS.kept + 10);
    expect(kept.filter((entry) => entry.pinned).map((entry) => entry.prompt)).toHaveLength(10);
    const unpinned = kept.filter((entry) => !entry.pinned).map((entry) => entry.prompt);
    expect(unpinned[0]).toBe(`prompt ${HISTORY_LIMITS.kept + 19}`);
    expect(unpinned.at(-1)).toBe('prompt 20');
    expect(unpinned).not.toContain('prompt 19');
  });

  it(`refuses a pin over ${HISTORY_LIMITS.pinned}, saying so`, async () => {
    const { history } = freshHistory();
    for (let i = 0; i <= HISTORY_LIMITS.pinned; i++) await history.remember(sent(`p${i}`), i);
    for (let i = 0; i < HISTORY_LIMITS.pinned; i++) await history.setPinned(`p${i}`, true);
    await expect(history.setPinned(`p${HISTORY_LIMITS.pinned}`, true)).rejects.toThrow(`At most ${HISTORY_LIMITS.pinned} prompts can be pinned: unpin one first.`);
  });

  it('ignores an empty or oversized prompt', async () => {
    const { history } = freshHistory();
    await history.remember(sent('   '));
    await history.remember(sent('x'.repeat(10_001)));
    expect(await history.read()).toEqual([]);
  });

  it('skips stored records that are not ones it writes, and removes them when pruning', async () => {
    const { name, history } = freshHistory();
    await history.remember(sent('good'), 5);
    const db = await openDB(name, 1);
    const junk = [
      { prompt: 'styled', negativePrompt: '', stylePreset: '<img src=x onerror=alert(1)>', usedAt: 4, pinned: 'yes' },
      { prompt: 'no time', negativePrompt: '' },
      { prompt: 'negative number', negativePrompt: 7, usedAt: 1 },
      { prompt: 'x'.repeat(10_001), negativePrompt: '', usedAt: 1 },
      { prompt: ' padded ', negativePrompt: '', usedAt: 1 },
      { prompt: 'bad time', negativePrompt: '', usedAt: Number.NaN },
    ];
    for (const record of junk) await db.put('prompts', record);
    db.close();
    expect(await history.read()).toEqual([
      { prompt: 'good', negativePrompt: '', stylePreset: '', usedAt: 5, pinned: false },
      // A record with a style the studio does not know keeps its prompt, with no style.
      { prompt: 'styled', negativePrompt: '', stylePreset: '', usedAt: 4, pinned: false },
    ]);
    for (let i = 0; i < HISTORY_LIMITS.kept; i++) await history.remember(sent(`filler ${i}`), 10 + i);
    const check = await openDB(name, 1);
    const keys = await check.getAllKeys('prompts');
    check.close();
    expect(keys).toHaveLength(HISTORY_LIMITS.kept);
    expect(keys).not.toContain('no time');
  });
});

describe('restoreHistoryEntry', () => {
  it.each([null, 'text', 42, [], { prompt: '' }, { prompt: 'a', negativePrompt: '', usedAt: -1 }])('refuses %j', (raw) => {
    expect(restoreHistoryEntry(raw)).toBeUndefined();
  });
});
