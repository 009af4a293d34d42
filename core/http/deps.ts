import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobQueue } from '../jobs/outbox.ts';
import type { Context } from 'hono';
import type { SecretBox } from '../lib/crypto.ts';
import type { MailTransport } from '../modules/mail/transport.ts';
import type { ClickWriter } from '../modules/tracking/click-writer.ts';
import type { PromoTarget } from '../modules/tracking/promo-target.ts';
import type { OutboundHttp } from '../modules/postbacks/outbound.ts';

/** The tracking edge's moving parts, chosen per runtime. */
export interface TrackingDeps {
  /** Group commit on Node and Deno; a direct insert per click on Workers. */
  writer: ClickWriter;
  promoTargets: { resolve(code: string): Promise<PromoTarget | null>; forget(code: string): void };
  /** Country of the caller: a bundled IP database on Node and Deno, Cloudflare's header on Workers. */
  countryOf: (c: Context, ip: string | null) => string | null;
  /** Where unknown codes go when no operator claims the host (KABINET_FALLBACK_URL). */
  defaultFallbackUrl: string;
}

/**
 * Everything the core needs from the outside world. Each edge entry (Node, Deno, Workers)
 * builds one and passes it to createApp; nothing in core reaches for a global.
 */
export interface AppDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  /** Which runtime serves this app; shown by /health so smoke tests can tell them apart. */
  runtime: 'node' | 'deno' | 'workerd';
  version: string;
  /** Encrypts secrets that must be readable again (TOTP secrets, statistic tokens). */
  secretBox: SecretBox;
  /**
   * Where emails go. null is the `outbox` driver: messages are only stored (the demo mailbox
   * page shows them). Otherwise a job hands each stored message to the transport.
   */
  mailTransport: MailTransport | null;
  /** Public base URL of this server, for links in emails (e.g. https://partners.example.com). */
  publicUrl: string;
  tracking: TrackingDeps;
  /**
   * How postbacks leave: on Node and Deno a guarded node:http client that only connects to
   * public addresses; on Workers fetch (which does not reach private networks).
   */
  outbound: OutboundHttp;
  /** Time limit of one postback attempt (default 10 s). */
  postbackTimeoutMs?: number;
  /** Bound parameters one SQL statement may carry: 32,766 on libSQL, 100 on D1 (the default). */
  maxBoundParams?: number;
  /** Serve the demo mailbox page (/demo/mailbox): only for demo installs with the outbox driver. */
  demoMailbox?: boolean;
  /** The caller's IP as the runtime sees it (socket address, or Cloudflare's header on Workers). */
  clientIp?: (c: Context) => string | null;
  /**
   * A TLS-terminating proxy we trust sits in front (KABINET_TRUST_PROXY=1): its
   * X-Forwarded-Proto says whether the visitor used HTTPS (the session cookie is then Secure).
   */
  trustProxy?: boolean;
  /** Logs something kept but worth a look (e.g. an inbound postback with an unknown status). */
  reportWarning?: (message: string) => void;
  /** Called with unexpected errors (the client only sees a request id). */
  reportError?: (error: unknown, requestId: string | null) => void;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the operator-key middleware on Operator API routes. */
    operatorId: string;
    /** Set by requirePartnerSession on partner routes. */
    partner: PartnerPrincipal;
  };
}

/** Who is calling a partner route: the user, their partner account and the session. */
export interface PartnerPrincipal {
  operatorId: string;
  partnerId: string;
  userId: string;
  email: string;
  role: 'owner' | 'admin' | 'analyst' | 'finance';
  sessionId: string;
  kind: 'password' | 'embed';
  transport: 'bearer' | 'cookie';
  /** Components an embed session may use; null for a full (password) session. */
  components: string[] | null;
}
