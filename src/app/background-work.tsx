/** Background work whichever page is open: the studio's one run queue, started once, and the question for the engine's access token. */
import { useEffect } from 'react';
import { startRunQueue } from '../run-queue/start-run-queue';
import { AccessTokenGate } from './access-token-gate';

export default function BackgroundWork() {
  useEffect(() => startRunQueue(), []);
  return <AccessTokenGate />;
}
