/** Studio unit-test setup: every test starts with empty storage and fresh stores. */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useBackendStore } from '../api/backend';

afterEach(() => {
  cleanup();
  localStorage.clear();
  useBackendStore.setState(useBackendStore.getInitialState(), true);
});
