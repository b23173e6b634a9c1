/** Background work whichever page is open: the studio's one run queue, started once. */
import { useEffect } from 'react';
import { startRunQueue } from '../run-queue/start-run-queue';

export default function BackgroundWork() {
  useEffect(() => startRunQueue(), []);
  return null;
}
