/** The Create page as a person uses it: by labels, roles and visible names. */
import type { Locator, Page } from '@playwright/test';

export class CreatePageObject {
  readonly prompt: Locator;
  readonly generateButton: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    this.generateButton = page.getByRole('button', { name: /^Generate/ });
    this.results = page.getByRole('region', { name: 'Results' }).getByRole('article');
  }

  async goto(origin = '') {
    await this.page.goto(`${origin}/`);
  }

  async pickStyle(name: string) {
    await this.page.getByRole('group', { name: 'Style' }).getByText(name, { exact: true }).click();
  }

  async pickAspectRatio(ratio: string) {
    await this.page.getByRole('group', { name: 'Aspect ratio' }).getByText(ratio, { exact: true }).click();
  }

  async pickBatch(count: number) {
    await this.page.getByRole('group', { name: 'Images per run' }).getByText(String(count), { exact: true }).click();
  }

  /** The finished images in the results, newest first. */
  images(): Locator {
    return this.results.getByRole('img');
  }

  /** Pixel size of a result image as decoded by the browser, read from the file itself. */
  async naturalSize(image: Locator): Promise<{ width: number; height: number }> {
    await image.evaluate((img: HTMLImageElement) => img.decode());
    return image.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  }
}
