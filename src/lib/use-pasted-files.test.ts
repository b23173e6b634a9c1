import { describe, expect, it } from 'vitest';
import { pastedFiles } from './use-pasted-files';

const picture = new File(['x'], 'picture.png', { type: 'image/png' });
const clipboard = (types: string[], files: File[] = [picture]) => ({ types, files: files as unknown as FileList });

describe('what a paste hands the page', () => {
  const textarea = document.createElement('textarea');
  const textInput = document.createElement('input');
  const radio = Object.assign(document.createElement('input'), { type: 'radio' });

  it('takes a picture pasted outside text fields, even beside text', () => {
    expect(pastedFiles(clipboard(['text/html', 'Files']), document.body)).toEqual([picture]);
    expect(pastedFiles(clipboard(['Files']), radio)).toEqual([picture]);
  });

  it('leaves a paste of text and a picture into a text field to the field', () => {
    expect(pastedFiles(clipboard(['text/html', 'text/plain', 'Files']), textarea)).toEqual([]);
    expect(pastedFiles(clipboard(['text/plain', 'Files']), textInput)).toEqual([]);
  });

  it('takes a picture alone pasted into a text field', () => {
    expect(pastedFiles(clipboard(['Files']), textarea)).toEqual([picture]);
  });

  it('takes nothing from a paste without files', () => {
    expect(pastedFiles(clipboard(['text/plain'], []), document.body)).toEqual([]);
    expect(pastedFiles(null, document.body)).toEqual([]);
  });
});
