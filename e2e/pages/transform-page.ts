/** The Transform page as a person uses it. */
import type { Locator, Page } from '@playwright/test';
import { ImageInputObject } from './image-input';

export class TransformPageObject {
  readonly source: ImageInputObject;
  readonly prompt: Locator;
  readonly transformButton: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.source = new ImageInputObject(page, 'Source image');
    this.prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    this.transformButton = page.getByRole('button', { name: 'Transform', exact: true });
    this.results = page.getByRole('region', { name: 'Results' }).getByRole('article');
  }

  async goto() {
    await this.page.goto('/transform');
  }
}
