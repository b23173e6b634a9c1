/**
 * The prompt history in IndexedDB: one record per prompt text (sending it again refreshes it),
 * in a small database of its own so the gallery's schema and load order are untouched. Loaded
 * only when a page first reads or writes it. Records are rebuilt on every read; broken ones are
 * skipped, and removed the next time the history is pruned.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { MAX_PROMPT_LENGTH } from '../api/contract';
import { byRecency, HISTORY_LIMITS, pinnedFirst, type PromptHistoryEntry, promptsToPrune, restoreHistoryEntry, type SentPrompt, sentPart } from './prompt-history-entry';

interface PromptHistorySchema extends DBSchema {
  prompts: { key: string; value: PromptHistoryEntry };
}

export interface PromptHistory {
  /** Keeps what was just sent, as the newest entry; a pinned prompt stays pinned. */
  remember(sent: SentPrompt, now?: number): Promise<void>;
  /** Every valid entry, pinned first, then newest first: the History list. */
  read(): Promise<PromptHistoryEntry[]>;
  /** What every valid entry sent, newest first: what the Up arrow walks. */
  recent(): Promise<SentPrompt[]>;
  /** Pins or unpins a prompt; refuses a pin over the cap with a message saying so. */
  setPinned(prompt: string, pinned: boolean): Promise<void>;
  close(): Promise<void>;
}

/** The history kept in the IndexedDB database `name` (STORAGE_KEYS.promptHistoryDb in the studio). */
export function createPromptHistory(name: string): PromptHistory {
  let opened: Promise<IDBPDatabase<PromptHistorySchema>> | undefined;
  const database = () =>
    (opened ??= openDB<PromptHistorySchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('prompts', { keyPath: 'prompt' });
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        opened = undefined;
      },
    }));

  async function read(): Promise<PromptHistoryEntry[]> {
    const raw = await (await database()).getAll('prompts', undefined, HISTORY_LIMITS.read);
    return raw.flatMap((record) => restoreHistoryEntry(record) ?? []).sort(pinnedFirst);
  }

  return {
    async remember(sent, now = Date.now()) {
      const prompt = sent.prompt.trim();
      if (!prompt || prompt.length > MAX_PROMPT_LENGTH || sent.negativePrompt.length > MAX_PROMPT_LENGTH) return;
      const tx = (await database()).transaction('prompts', 'readwrite');
      const before = restoreHistoryEntry(await tx.store.get(prompt));
      await tx.store.put({ prompt, negativePrompt: sent.negativePrompt, stylePreset: sent.stylePreset, usedAt: now, pinned: before?.pinned ?? false });
      if ((await tx.store.count()) > HISTORY_LIMITS.kept) {
        let cursor = await tx.store.openCursor();
        const valid: PromptHistoryEntry[] = [];
        while (cursor) {
          const entry = restoreHistoryEntry(cursor.value);
          if (entry) valid.push(entry);
          else await cursor.delete();
          cursor = await cursor.continue();
        }
        await Promise.all(promptsToPrune(valid).map((key) => tx.store.delete(key)));
      }
      await tx.done;
    },

    read,

    recent: async () => (await read()).sort(byRecency).map(sentPart),

    async setPinned(prompt, pinned) {
      const tx = (await database()).transaction('prompts', 'readwrite');
      const entry = restoreHistoryEntry(await tx.store.get(prompt));
      if (!entry) throw new Error('This prompt is no longer in the history.');
      if (pinned && !entry.pinned) {
        const pins = (await tx.store.getAll()).filter((record) => restoreHistoryEntry(record)?.pinned).length;
        if (pins >= HISTORY_LIMITS.pinned) throw new Error(`At most ${HISTORY_LIMITS.pinned} prompts can be pinned: unpin one first.`);
      }
      await tx.store.put({ ...entry, pinned });
      await tx.done;
    },

    async close() {
      (await opened)?.close();
      opened = undefined;
    },
  };
}
