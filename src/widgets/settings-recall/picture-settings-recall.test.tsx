import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { pngChunk, textChunk } from '../../picture-metadata/png-recipe-writer';
import type { PictureSettings } from '../../picture-metadata/picture-settings-result';
import { fixtureBytes } from '../../test/picture-settings-fixtures';
import { PictureSettingsRecall } from './picture-settings-recall';

const fileOf = (name: string, bytes: BlobPart[] = [fixtureBytes(name) as BlobPart]) => new File(bytes, name, { type: 'image/png' });
/** A real PNG's head, the given chunks, and its end. */
const pngWith = (name: string, ...chunks: BlobPart[]) => fileOf(name, [fixtureBytes('studio-engine.png').subarray(0, 33) as BlobPart, ...chunks, pngChunk('IEND', new Uint8Array(0)) as BlobPart]);

function renderRecall(file: File, props: { sayWhenNone?: boolean; valuesFor?: (settings: PictureSettings) => unknown } = {}) {
  const onUse = vi.fn();
  const onDismiss = vi.fn();
  const valuesFor = props.valuesFor ?? ((settings: PictureSettings) => settings.requests.image?.video_description);
  render(
    <>
      <input aria-label="Elsewhere" />
      <PictureSettingsRecall file={file} valuesFor={valuesFor} onUse={onUse} onDismiss={onDismiss} sayWhenNone={props.sayWhenNone} />
    </>,
  );
  return { onUse, onDismiss };
}

describe('the settings notice', () => {
  it('names the tool, shows the prompt and the notes, and fills the form on "Use its settings" without taking focus', async () => {
    const user = userEvent.setup();
    const elsewhere = () => screen.getByRole('textbox', { name: 'Elsewhere' });
    const { onUse, onDismiss } = renderRecall(fileOf('comfyui-img2img.png'));
    elsewhere().focus();
    const notice = await screen.findByRole('status', { name: 'Settings in the picture' });
    expect(notice.textContent).toContain('“comfyui-img2img.png” carries settings from ComfyUI.');
    expect(notice.textContent).toContain('Prompt: photograph of victorian woman with wings, sky clouds, meadow grass');
    expect(notice.textContent).toContain('Negative prompt: watermark, text');
    expect(notice.textContent).toContain('1:1 · strength 0.87');
    expect(notice.textContent).toMatch(/The seed 280823642470253 is beyond the studio's range/);
    expect(notice.textContent).toMatch(/Shown, not sent .*model v1-5-pruned-emaonly\.ckpt/);
    expect(document.activeElement).toBe(elsewhere());
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Use its settings' }));
    expect(onUse).toHaveBeenCalledWith('photograph of victorian woman with wings, sky clouds, meadow grass');
    expect(notice.textContent).toContain('The form now holds these settings.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('shows markup in a prompt as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.hit=1"><script>window.hit=2</script> a lighthouse';
    renderRecall(pngWith('hostile.png', textChunk('parameters', `${hostile}\nNegative prompt: <b>fog</b>\nSteps: 20, Seed: 42, Size: 512x512`) as BlobPart));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain(`Prompt: ${hostile}`);
    expect(notice.textContent).toContain('Negative prompt: <b>fog</b>');
    expect(notice.querySelector('img, script, b')).toBeNull();
  });

  it('cuts a long prompt to a readable length', async () => {
    renderRecall(pngWith('long.png', textChunk('parameters', `${'word '.repeat(3000)}\nSteps: 20, Seed: 42, Size: 512x512`) as BlobPart));
    const notice = await screen.findByRole('status');
    const prompt = /Prompt: (word[^…]*…)/.exec(notice.textContent!)?.[1];
    expect(prompt?.length).toBeLessThanOrEqual(280);
  });

  it('says in a short, named message why hostile metadata was refused', async () => {
    renderRecall(pngWith('deep.png', textChunk('invokeai_metadata', `${'['.repeat(10_000)}${']'.repeat(10_000)}`) as BlobPart));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toMatch(/^“deep\.png”: The InvokeAI settings is nested deeper than any settings are: it was not read\.Dismiss$/);
    expect(notice.textContent!.length).toBeLessThan(400);
    expect(screen.queryByRole('button', { name: 'Use its settings' })).toBeNull();
  });

  it('shows nothing for a picture without settings, unless the page says so', async () => {
    const file = fileOf('camera-rotated.jpg');
    // Both read the same file from the same render: the silent one, started first, has finished when the other shows.
    render(
      <>
        <PictureSettingsRecall file={file} valuesFor={() => 'values'} onUse={vi.fn()} onDismiss={vi.fn()} />
        <PictureSettingsRecall file={file} valuesFor={() => 'values'} onUse={vi.fn()} onDismiss={vi.fn()} sayWhenNone />
      </>,
    );
    expect((await screen.findByRole('status')).textContent).toBe('“camera-rotated.jpg”: The file carries no settings the studio can read.Dismiss');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('points to the page that can use settings this page cannot', async () => {
    renderRecall(fileOf('automatic1111.png'), { valuesFor: () => undefined });
    const link = await screen.findByRole('link', { name: 'Open them in Create' });
    expect(link.getAttribute('href')).toBe('/?prompt=photo+of+a+duck&negative=monochrome&ratio=4%3A3&format=png&seed=235284042');
    expect(screen.queryByRole('button', { name: 'Use its settings' })).toBeNull();
  });
});
