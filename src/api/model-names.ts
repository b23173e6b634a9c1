/** Names saved results' models for people: label and backend while this server lists the model, else its id. */
import { useCallback } from 'react';
import { useEngineInfo } from './engine-info';
import { modelName } from './model-choice';

export function useModelNamer(): (id: string) => string {
  const { data: info } = useEngineInfo();
  return useCallback(
    (id: string) => {
      const model = info?.models?.find((m) => m.id === id);
      return model ? modelName(model, info?.backends) : id;
    },
    [info],
  );
}
