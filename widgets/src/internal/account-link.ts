/**
 * The emailed account links the hosted portal opens (`#unlock=…`, `#reset=…`, `#invite=…`): read by
 * `<kb-portal>` to pick the form and by `<kb-account-link>`, which shows it.
 */
export const ACCOUNT_LINK_MODES = ['unlock', 'reset', 'invite'] as const;
export type AccountLinkMode = (typeof ACCOUNT_LINK_MODES)[number];
export interface AccountLink {
  mode: AccountLinkMode;
  token: string;
}

/** `#reset=abc…` → `{ mode: 'reset', token: 'abc…' }`; anything else → null. */
export function parseAccountLink(hash: string): AccountLink | null {
  const match = /^#?(unlock|reset|invite)=([^&]{1,200})$/.exec(hash);
  if (!match) return null;
  try {
    return { mode: match[1] as AccountLinkMode, token: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}
