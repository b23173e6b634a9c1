/** Handing a page an image as a person does: dropping a file, pasting one, or browsing for it. */
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A photo-like PNG: a smooth two-colour gradient with a bright disc, so crops and styles show. */
export async function testPhoto(width = 1200, height = 800, name = 'photo.png'): Promise<TestFile> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#f7b267"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.3}" cy="${height * 0.4}" r="${Math.min(width, height) / 5}" fill="#fff6d5"/></svg>`;
  return { name, mimeType: 'image/png', buffer: await sharp(Buffer.from(svg)).png().toBuffer() };
}

async function dataTransferWith(page: Page, file: TestFile) {
  return page.evaluateHandle(
    ({ name, mimeType, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      return transfer;
    },
    { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
  );
}

/** Drops `file` on `target` as a person's drag from the desktop does: dragenter, dragover, drop. */
export async function dropFile(target: Locator, file: TestFile) {
  const dataTransfer = await dataTransferWith(target.page(), file);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}

/** Pastes `file` (Ctrl/Cmd+V) into whatever has focus. */
export async function pasteFile(page: Page, file: TestFile) {
  const dataTransfer = await dataTransferWith(page, file);
  await page.evaluate((clipboardData) => {
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, dataTransfer);
}

export class ImageInputObject {
  readonly region: Locator;
  readonly dropTarget: Locator;
  readonly error: Locator;

  constructor(
    readonly page: Page,
    label: string,
  ) {
    this.region = page.getByRole('region', { name: label });
    this.dropTarget = this.region.getByTestId('image-drop-zone');
    this.error = this.region.getByRole('alert');
  }

  drop(file: TestFile) {
    return dropFile(this.dropTarget, file);
  }

  paste(file: TestFile) {
    return pasteFile(this.page, file);
  }

  async browse(file: TestFile) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.region.getByRole('button', { name: /Browse files|Replace image/ }).click();
    await (await chooser).setFiles(file);
  }

  /** The preview's caption: name, pixel size and byte size. */
  previewCaption(): Locator {
    return this.region.getByRole('figure');
  }
}
