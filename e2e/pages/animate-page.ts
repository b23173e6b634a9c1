/** The Animate page as a person uses it. */
import type { Locator, Page } from '@playwright/test';
import { ImageInputObject } from './image-input';

export class AnimatePageObject {
  readonly source: ImageInputObject;
  readonly animateButton: Locator;
  readonly jobs: Locator;

  constructor(readonly page: Page) {
    this.source = new ImageInputObject(page, 'Picture to animate');
    this.animateButton = page.getByRole('button', { name: 'Animate', exact: true });
    this.jobs = page.getByRole('region', { name: 'Videos' }).getByRole('article');
  }

  async goto() {
    await this.page.goto('/animate');
  }

  /** Waits until the job's video plays: fully loaded and its time moving. */
  async expectPlaying(job: Locator) {
    const video = job.locator('video');
    await video.waitFor();
    return video.evaluate(async (element: HTMLVideoElement) => {
      await element.play().catch(() => undefined);
      await new Promise<void>((resolve) => {
        const check = () => (element.readyState === 4 && element.currentTime > 0.3 ? resolve() : requestAnimationFrame(check));
        check();
      });
      return { readyState: element.readyState, currentTime: element.currentTime, width: element.videoWidth, height: element.videoHeight, muted: element.muted, loop: element.loop };
    });
  }
}
