/** AIART_ACCESS_TOKEN: when set, every API request must carry it as a bearer token. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function checkAccessToken(req: IncomingMessage, token: string | undefined): void {
  if (!token) return;
  const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  // Comparing digests takes the same time whatever the guess, and whatever its length.
  if (given && timingSafeEqual(digest(given), digest(token))) return;
  throw new ApiError(
    401,
    given
      ? 'The access token is wrong: send the value of AIART_ACCESS_TOKEN as "Authorization: Bearer <token>".'
      : 'This engine needs its access token: send the value of AIART_ACCESS_TOKEN as "Authorization: Bearer <token>".',
    { 'WWW-Authenticate': 'Bearer realm="aiart"' },
    'access_token',
  );
}
