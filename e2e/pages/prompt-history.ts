/** The prompt history as a person reaches it: the History button beside a prompt and the list it opens. */
import type { Locator, Page } from '@playwright/test';

export class PromptHistoryObject {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'History', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Prompt history' });
    this.search = this.dialog.getByRole('searchbox', { name: 'Search history' });
  }

  async open() {
    await this.button.click();
    await this.search.waitFor();
  }

  /** An entry's row: its prompt (to use it) and its Pin or Unpin button. */
  entry(prompt: string): Locator {
    return this.dialog.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: prompt, exact: true }) });
  }

  /** The prompts listed, in order. */
  prompts(): Promise<string[]> {
    return this.dialog.getByRole('listitem').locator('[data-entry] > span:first-child').allTextContents();
  }
}
