import { expect, it } from 'vitest';
import { fileNameFor } from './download-file';

it('makes a safe, readable file name from the prompt', () => {
  expect(fileNameFor('A Lighthouse, at Dusk!', 42, 'png')).toBe('a-lighthouse-at-dusk-42.png');
  expect(fileNameFor('../../etc/passwd', 1, 'jpg')).toBe('etc-passwd-1.jpg');
  expect(fileNameFor('<script>alert(1)</script>', 7, 'webp')).toBe('script-alert-1-script-7.webp');
  expect(fileNameFor('日本の風景', 3, 'png')).toBe('aiart-3.png');
  expect(fileNameFor('x'.repeat(200), 5, 'png')).toHaveLength(48 + '-5.png'.length);
});
