/**
 * Every name the studio stores data under, in one table: IndexedDB databases and their stores,
 * localStorage keys, BroadcastChannels and Web Locks. Renaming one loses what it held, so they
 * change only with a migration.
 */
export const STORAGE_KEYS = {
  /** The gallery: every run and result (store items), with media, thumbs and the pictures runs send (sources). */
  galleryDb: 'aiart-studio',
  /** The picture each page works from, across reloads. */
  keptSourcesDb: 'aiart-studio-sources',
  /** Every prompt sent from Create and Transform (store prompts), newest and pinned kept. */
  promptHistoryDb: 'aiart-studio-prompts',
  /** How many items the gallery held, to notice a browser that cleared it. */
  galleryCount: 'aiart.gallery.count',
  galleryChannel: 'aiart-gallery',
  queueChannel: 'aiart-run-queue',
  queueLock: 'aiart-run-queue',
  backend: 'aiart.backend',
  queueSettings: 'aiart.queue-settings',
  queueTimes: 'aiart.queue-times',
  createForm: 'aiart.create-form',
  transformForm: 'aiart.transform-form',
  animateForm: 'aiart.animate-form',
  /** The access token of each engine that asked for one (AIART_ACCESS_TOKEN), by backend address. */
  accessTokens: 'aiart.access-tokens',
  /** The named lists `__name__` in a prompt draws from. */
  wildcardLists: 'aiart.wildcard-lists',
  /** sessionStorage: a shared gallery's link, across the reload that clears it from the address. */
  sharedFragment: 'aiart.shared-fragment',
} as const;
