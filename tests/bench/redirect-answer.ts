/**
 * The 302 the click bench's two baselines send (bare node:http and bare Hono): the headers a
 * Kabinet tracking link answers with, a fresh visit id in each Location, and nothing stored.
 */
import { randomUUID } from 'node:crypto';

export function benchRedirectHeaders(): Record<string, string> {
  return {
    location: `https://casino.luckyspin.example/welcome?lang=en&kb_vid=v_${randomUUID()}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'set-cookie': 'kb_seen_x=1; Path=/t/x; Max-Age=86400; HttpOnly; SameSite=Lax',
  };
}
