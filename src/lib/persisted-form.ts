/**
 * A form's values kept in localStorage so a reload never loses them. Stored data is untrusted on
 * the way back in: `restore` checks every field and falls back to its default.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type FormState<V> = V & { update(patch: Partial<V>): void };

export function createPersistedForm<V extends object>(name: string, initial: () => V, restore: (saved: unknown) => V) {
  return create<FormState<V>>()(
    persist(
      (set) => ({
        ...initial(),
        update: (patch: Partial<V>) => set(patch as Partial<FormState<V>>),
      }) as FormState<V>,
      {
        name,
        version: 1,
        partialize: ({ update: _update, ...values }) => values,
        merge: (saved, current) => ({ ...current, ...restore(saved) }),
      },
    ),
  );
}
