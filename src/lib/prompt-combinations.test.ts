import { describe, expect, it } from 'vitest';
import { countRuns, drawIndex, MAX_RUNS, planRuns, type WildcardLists } from './prompt-combinations';

const NO_LISTS: WildcardLists = new Map();
const prompts = (template: string, lists: WildcardLists = NO_LISTS, seeds = [7]) => {
  const plan = planRuns(template, lists, seeds);
  if (!plan.ok) throw new Error(plan.problem);
  return plan.runs.map((run) => run.prompt);
};
const problem = (template: string, lists: WildcardLists = NO_LISTS, seeds = [7]) => {
  const plan = planRuns(template, lists, seeds);
  return plan.ok ? undefined : plan.problem;
};

describe('combinations', () => {
  it('makes one prompt per choice', () => {
    expect(prompts('{red|blue|green} car')).toEqual(['red car', 'blue car', 'green car']);
  });

  it('multiplies groups, the first varying slowest', () => {
    expect(prompts('{a|b} {c|d}')).toEqual(['a c', 'a d', 'b c', 'b d']);
    expect(countRuns('{a|b} {c|d} {e|f|g}', NO_LISTS)).toEqual({ ok: true, runs: 12, combinations: 12, wildcards: [], templated: true });
  });

  it('nests groups inside choices', () => {
    expect(prompts('a {cat|{red|blue} dog}')).toEqual(['a cat', 'a red dog', 'a blue dog']);
    expect(countRuns('{x|{a|b}{c|d}}', NO_LISTS)).toMatchObject({ combinations: 5 });
  });

  it('allows empty choices and tidies the spaces they leave', () => {
    expect(prompts('a {|very } big {|red} car')).toEqual(['a big car', 'a big red car', 'a very big car', 'a very big red car']);
  });

  it('leaves a plain prompt alone and says it is not a template', () => {
    expect(prompts('a plain | prompt,  spaced')).toEqual(['a plain | prompt,  spaced']);
    expect(countRuns('a plain | prompt', NO_LISTS)).toEqual({ ok: true, runs: 1, combinations: 1, wildcards: [], templated: false });
  });

  it('takes escaped characters literally', () => {
    expect(prompts('a \\{red\\|blue\\} sign, back\\\\slash, \\__colour__')).toEqual(['a {red|blue} sign, back\\slash, __colour__']);
    expect(countRuns('\\{x\\}', NO_LISTS)).toMatchObject({ combinations: 1, templated: true });
    expect(prompts('a \\n stays')).toEqual(['a \\n stays']);
  });

  it('multiplies combinations by images per run', () => {
    expect(countRuns('{a|b|c} car', NO_LISTS, 2)).toEqual({ ok: true, runs: 6, combinations: 3, wildcards: [], templated: true });
    expect(planRuns('{a|b} car', NO_LISTS, [1, 2])).toEqual({
      ok: true,
      runs: [
        { prompt: 'a car', seed: 1 },
        { prompt: 'a car', seed: 2 },
        { prompt: 'b car', seed: 1 },
        { prompt: 'b car', seed: 2 },
      ],
    });
  });
});

describe('refusals', () => {
  it('refuses an unclosed or stray brace, saying where', () => {
    expect(problem('a {red|blue car')).toBe('The prompt has a “{” with no closing “}” (character 3). Close it, or write \\{ for a brace.');
    expect(problem('a red} car')).toBe('The prompt has a “}” with no opening “{” (character 6). Remove it, or write \\} for a brace.');
    expect(problem('{a|{b|c}')).toMatch(/no closing “}” \(character 1\)/);
  });

  it(`refuses more than ${MAX_RUNS} runs, naming the count and the cap`, () => {
    const template = '{a|b|c|d|e} {a|b|c|d|e} {a|b|c|d|e}';
    expect(countRuns(template, NO_LISTS)).toEqual({ ok: false, problem: 'This prompt makes 125 runs; at most 100 can go at once. Remove some choices.' });
    expect(problem('{a|b|c|d|e} {a|b|c|d|e} {a|b|c|d}', NO_LISTS, [1, 2])).toBe(
      'This prompt makes 200 runs (100 combinations × 2 images per run); at most 100 can go at once. Remove some choices or lower Images per run.',
    );
    expect(countRuns('{a|b|c|d|e} {a|b|c|d|e} {a|b|c|d}', NO_LISTS)).toMatchObject({ ok: true, runs: 100 });
  });

  it('counts a vast template without overflowing or expanding it', () => {
    const started = performance.now();
    expect(countRuns('{a|b}'.repeat(2000), NO_LISTS)).toMatchObject({ ok: false, problem: expect.stringContaining('makes over a million runs') });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses groups nested too deep', () => {
    expect(problem(`${'{'.repeat(11)}x${'}'.repeat(11)}`)).toMatch(/nest at most 10 deep/);
    expect(prompts(`${'{'.repeat(10)}x${'}'.repeat(10)}`)).toEqual(['x']);
  });

  it('refuses a combination that comes out empty', () => {
    expect(problem('{|x}')).toBe('One of the combinations comes out empty: give every choice some words.');
  });

  it('refuses unknown wildcards, naming each', () => {
    expect(problem('a __colour__ car')).toBe('There is no wildcard list named “colour”. Add it in Settings, under Wildcard lists, or write \\__colour__ to keep the words as they are.');
    expect(problem('__a__ __b__ {__c__|x} __a__')).toMatch(/^There are no wildcard lists named “a”, “b” and “c”\. Add them/);
  });
});

describe('wildcards', () => {
  const lists: WildcardLists = new Map([
    ['colour', ['red', 'blue', 'green', 'gold', 'teal']],
    ['animal', ['fox', 'owl']],
    ['my_list-2', ['only']],
  ]);

  it('draws an entry from the named list, matching names in any case', () => {
    const [prompt] = prompts('a __Colour__ __animal__, __my_list-2__', lists);
    expect(prompt).toMatch(/^a (red|blue|green|gold|teal) (fox|owl), only$/);
  });

  it('draws the same for the same seed and template, and differently across seeds', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => 1000 + i);
    const first = prompts('__colour__ __colour__ car', lists, seeds);
    expect(prompts('__colour__ __colour__ car', lists, seeds)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(5);
    // Two occurrences in one prompt draw independently.
    expect(first.some((prompt) => prompt.split(' ')[0] !== prompt.split(' ')[1])).toBe(true);
  });

  it('does not multiply runs, and draws inside groups too', () => {
    expect(countRuns('__colour__ {car|bike} __Colour__ {__animal__|x}', lists)).toEqual({ ok: true, runs: 4, combinations: 4, wildcards: ['colour', 'animal'], templated: true });
    expect(prompts('{__animal__|plain}', lists)).toEqual([expect.stringMatching(/^(fox|owl)$/), 'plain']);
  });

  it('spreads draws evenly over a list', () => {
    const counts = [0, 0, 0, 0, 0];
    for (let seed = 1; seed <= 5000; seed++) counts[drawIndex(seed, 0, 5)]++;
    for (const count of counts) expect(count).toBeGreaterThan(850);
    expect(drawIndex(4_294_967_294, 3, 7)).toBe(drawIndex(4_294_967_294, 3, 7));
  });

  it('takes a word with double underscores but no list name literally', () => {
    expect(prompts('snake__ __ and ___', lists)).toEqual(['snake__ __ and ___']);
  });
});
