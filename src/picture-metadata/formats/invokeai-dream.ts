/**
 * InvokeAI 2's `Dream` text, its command line: "prompt [negative words]" -s steps -S seed
 * -W width -H height -C cfg -A sampler, with the negative prompt in square brackets.
 */
import type { FormatReader } from '../found-settings';
import { labelValue, numberValue, seedValue, sizeValue, textValue } from '../settings-values';

/** The quoted prompt and the flags after it. */
function splitCommand(text: string): { quoted: string; flags: Map<string, string> } | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('"')) return undefined;
  let close = 1;
  while (close < trimmed.length && trimmed[close] !== '"') close += trimmed[close] === '\\' ? 2 : 1;
  const quoted = trimmed.slice(1, close).replace(/\\(.)/g, '$1');
  const flags = new Map<string, string>();
  for (const match of trimmed.slice(close + 1).matchAll(/(?:^|\s)-(\w+)\s+([^\s-][^\s]*)/g)) if (!flags.has(match[1])) flags.set(match[1], match[2]);
  return { quoted, flags };
}

export const readInvokeAiDream: FormatReader = (texts) => {
  const text = texts.get('Dream');
  const command = text === undefined ? undefined : splitCommand(text);
  if (!command) return undefined;
  const negatives = [...command.quoted.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1].trim());
  const prompt = command.quoted.replace(/\[[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim();
  const { flags } = command;
  return {
    ok: true,
    source: 'invokeai-dream',
    found: {
      prompt: textValue(prompt) ?? '',
      negativePrompt: textValue(negatives.join(', ')) ?? '',
      seed: seedValue(flags.get('S')),
      ...sizeValue(flags.get('W'), flags.get('H')),
      sampler: labelValue(flags.get('A')),
      steps: numberValue(flags.get('s'), 1, 10_000),
      cfgScale: numberValue(flags.get('C'), 0, 100),
      strength: numberValue(flags.get('f'), 0, 1),
      fromPicture: flags.has('I'),
    },
  };
};
