/**
 * Asks for the engine's access token when the studio needs one: once at start when this server
 * says it requires one and none is kept, and whenever an API call is refused for the lack of
 * it. The dialog loads only then.
 */
import { lazy, Suspense, useEffect } from 'react';
import { askForAccessToken, useAccessTokens } from '../api/access-token';
import { useBackendStore } from '../api/backend';
import { useEngineInfo } from '../api/engine-info';

const AccessTokenDialog = lazy(() => import('./access-token-dialog'));

export function AccessTokenGate() {
  const asking = useAccessTokens((s) => s.asking);
  const kept = useAccessTokens((s) => Boolean(s.tokens['']));
  const here = useBackendStore((s) => s.choice === 'here');
  const { data: engine } = useEngineInfo();
  const needed = here && engine?.accessTokenRequired === true && !kept;

  useEffect(() => {
    // Declining here only closes the dialog: the next refused call asks again.
    if (needed) askForAccessToken('', false).catch(() => undefined);
  }, [needed]);

  return asking ? (
    <Suspense fallback={null}>
      <AccessTokenDialog baseUrl={asking.baseUrl} wrong={asking.wrong} />
    </Suspense>
  ) : null;
}
