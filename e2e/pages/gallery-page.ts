/** The Gallery page as a person uses it. */
import type { Locator, Page } from '@playwright/test';

export class GalleryPageObject {
  readonly grid: Locator;
  readonly search: Locator;
  readonly detail: Locator;
  readonly selectButton: Locator;
  readonly selection: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('list', { name: 'Saved results' });
    this.search = page.getByRole('searchbox', { name: 'Search prompts' });
    this.detail = page.getByRole('dialog');
    this.selectButton = page.getByRole('button', { name: 'Select', exact: true });
    this.selection = page.getByRole('region', { name: 'Selection' });
  }

  async goto(origin = '') {
    await this.page.goto(`${origin}/gallery`);
  }

  cells(): Locator {
    return this.grid.getByRole('link');
  }

  cell(name: string | RegExp): Locator {
    return this.grid.getByRole('link', { name });
  }

  /** In select mode each cell is a toggle button. */
  toggles(): Locator {
    return this.grid.getByRole('button');
  }
}
