/**
 * The prompt box of Create and Transform: the prompt field with its History button, the Up arrow
 * that recalls earlier prompts, and the line that says how many runs the prompt makes.
 */
import { PromptField } from '../../components/prompt-field';
import type { SentPrompt } from '../../prompt-library/prompt-history-entry';
import { PromptHistoryButton } from './prompt-history-button';
import { RunsHint } from './runs-hint';
import { usePromptRecall } from './use-prompt-recall';

interface PromptBoxProps {
  id: string;
  rows: number;
  placeholder: string;
  error?: string;
  /** The prompt, negative prompt and style in the form now. */
  values: SentPrompt;
  imagesPerRun?: number;
  onPrompt(prompt: string): void;
  /** Fills the form with a prompt from the history (or puts back what it held). */
  onRecall(sent: SentPrompt): void;
}

export function PromptBox({ id, rows, placeholder, error, values, imagesPerRun = 1, onPrompt, onRecall }: PromptBoxProps) {
  const onKeyDown = usePromptRecall(values, onRecall);
  return (
    <PromptField
      id={id}
      label="Prompt"
      rows={rows}
      value={values.prompt}
      onChange={onPrompt}
      onKeyDown={onKeyDown}
      placeholder={placeholder}
      error={error}
      tools={<PromptHistoryButton promptId={id} onPick={onRecall} />}
      hint={<RunsHint template={values.prompt} imagesPerRun={imagesPerRun} />}
    />
  );
}
