/** The run queue as a person sees it: the indicator in the navigation and the panel it opens. */
import type { Locator, Page } from '@playwright/test';

export class QueuePanelObject {
  readonly indicator: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByRole('button', { name: /^Queue: / });
    this.panel = page.getByRole('dialog', { name: 'Run queue' });
  }

  async open() {
    await this.indicator.click();
  }

  /** A run's row in the panel, by its visible name. */
  run(name: string | RegExp): Locator {
    return this.panel.getByRole('listitem', { name });
  }
}
