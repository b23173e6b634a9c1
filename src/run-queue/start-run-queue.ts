/**
 * Starts the studio's one run queue, once, for the whole app: it waits for the gallery to load,
 * then for this tab's turn to lead; it follows the browser's online state, keeps every finished
 * run's media, shares its pauses with the tabs that follow, and counts work done while hidden.
 */
import { HOSTED_URL, useBackendStore } from '../api/backend';
import { fetchEngineInfo } from '../api/engine-info';
import { isMediaGone, keepMedia, MEDIA_GONE, needsMedia } from '../gallery-store/keep-media';
import { galleryStore } from '../gallery-store/use-gallery';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { watchFinishedWhileHidden } from './finished-while-hidden';
import { createMediaKeeper } from './media-keeper';
import { awaitLeadership } from './queue-leader';
import { useQueueSettings } from './queue-settings';
import { type QueueStatus, useQueueStatus } from './queue-status';
import { createRunQueue } from './run-queue';
import { apiTransport } from './run-transport';

type SharedStatus = Pick<QueueStatus, 'pauses' | 'offline'>;

export function startRunQueue(): () => void {
  let proxied = false;
  void fetchEngineInfo().then((info) => (proxied = info?.engine === 'proxy'));
  const isHosted = (backend: string) => backend === HOSTED_URL || (backend === '' && proxied);

  const keeper = createMediaKeeper({
    keep: keepMedia,
    isFinal: isMediaGone,
    giveUp: (id) => galleryStore.getState().patch(id, { problem: MEDIA_GONE }),
  });
  const queue = createRunQueue({
    items: {
      items: () => galleryStore.getState().items,
      subscribe: (listener) => galleryStore.subscribe((state, previous) => state.items !== previous.items && listener()),
      patch: (id, patch) => galleryStore.getState().patch(id, patch),
      source: (id) => galleryStore.getState().source(id),
    },
    transport: apiTransport,
    status: useQueueStatus,
    concurrency: (backend) => (isHosted(backend) ? useQueueSettings.getState().hostedConcurrency : useQueueSettings.getState().localConcurrency),
    pollMs: () => useBackendStore.getState().pollSeconds * 1000,
    isOnline: () => navigator.onLine !== false,
    onReady: (id) => keeper.keep(id),
  });

  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(STORAGE_KEYS.queueChannel) : undefined;
  channel?.addEventListener('message', (event: MessageEvent<SharedStatus>) => {
    if (!useQueueStatus.getState().leading) useQueueStatus.setState({ pauses: event.data.pauses, offline: event.data.offline });
  });
  const stopSharing = useQueueStatus.subscribe((state, previous) => {
    if (state.leading && (state.pauses !== previous.pauses || state.offline !== previous.offline)) channel?.postMessage({ pauses: state.pauses, offline: state.offline });
  });

  let giveUpLead = () => undefined as void;
  const lead = () => {
    queue.lead();
    for (const item of galleryStore.getState().items) if (needsMedia(item)) keeper.keep(item.id);
  };
  const whenLoaded = () => {
    if (galleryStore.getState().status !== 'ready') return false;
    giveUpLead = awaitLeadership(lead);
    return true;
  };
  let stopWaitingForLoad = () => undefined as void;
  if (!whenLoaded()) {
    stopWaitingForLoad = galleryStore.subscribe(() => whenLoaded() && stopWaitingForLoad());
    void galleryStore.getState().load();
  }

  const online = () => {
    queue.online();
    keeper.retryNow();
  };
  const offline = () => queue.offline();
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  if (navigator.onLine === false) queue.offline();
  const stopWatching = watchFinishedWhileHidden({
    gallery: galleryStore,
    shouldNotify: () => useQueueStatus.getState().leading && useQueueSettings.getState().notify,
  });

  return () => {
    stopWaitingForLoad();
    giveUpLead();
    queue.dispose();
    keeper.dispose();
    stopSharing();
    channel?.close();
    stopWatching();
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
