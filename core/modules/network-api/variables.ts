/**
 * The variables an adapter's templates may use, by request kind (no dependencies: the console's
 * form imports these lists for its hints, so they never drift from what the server checks).
 */
/** Variables by request kind; `settings.*` are the connection's settings, `offer.*` the offer's parameters. */
export const LEAD_VARIABLES = [
  'lead_id',
  'visit_id',
  'lead.name',
  'lead.phone',
  'lead.email',
  'lead.country',
  'lead.address',
  'lead.comment',
  'lead.ip',
  'lead.user_agent',
] as const;
export const POLL_VARIABLES = [
  'from',
  'to',
  'from_unix',
  'to_unix',
  'from_date',
  'to_date',
  'from_datetime',
  'to_datetime',
  'page',
  'offset',
  'limit',
  'cursor',
] as const;
/** Known to every request: the signing moment and a one-time nonce (HMAC), the method and path signed. */
export const COMMON_VARIABLES = ['timestamp', 'timestamp_ms', 'nonce'] as const;
export const SIGNING_VARIABLES = ['method', 'path', 'query', 'path_and_query', 'body'] as const;
