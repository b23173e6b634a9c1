/**
 * The prompt box of Create and Transform: the prompt field with its History button (which
 * arrives just after the first paint, out of the first page's code), the Up arrow that recalls
 * earlier prompts, and the line that says how many runs the prompt makes.
 */
import { lazy, Suspense } from 'react';
import { PromptField } from '../../components/prompt-field';
import type { SentPrompt } from '../../prompt-library/prompt-history-entry';
import { RunsHint } from './runs-hint';
import { usePromptRecall } from './use-prompt-recall';

const PromptHistoryButton = lazy(() => import('./prompt-history-button'));

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
      tools={
        <Suspense fallback={null}>
          <PromptHistoryButton promptId={id} onPick={onRecall} />
        </Suspense>
      }
      hint={<RunsHint template={values.prompt} imagesPerRun={imagesPerRun} />}
    />
  );
}
