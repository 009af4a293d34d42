/**
 * Why the portal's configuration did not load, in words for the `kb-error` event and the error
 * box. A browser reports "the server refused this page's origin" (CORS) and "nothing answered"
 * as the same TypeError, so for a server on another origin the portal asks once more in
 * `no-cors` mode: any (opaque) answer means the server is up and this page's origin is what it
 * refused, i.e. the operator has not listed it among its allowed origins.
 */
import { ApiError } from '../../internal/api-client.ts';
import type { KabinetEventMap } from '../../internal/events.ts';
import { defineMessages, translate, type Locale, type Message } from '../../internal/i18n.ts';

const en = {
  'originNotAllowed':
    'The partner portal’s server refused this page: its address ({origin}) is not among ' +
    'the operator’s allowed origins. The operator can add it to the allowed origins.',
} satisfies Record<string, Message>;
const ru: Record<keyof typeof en, Message> = {
  'originNotAllowed':
    'Сервер партнёрского кабинета отклонил эту страницу: её адрес ({origin}) не входит в ' +
    'список разрешённых адресов оператора. Оператор может добавить его в разрешённые ' +
    'адреса.',
};
const message = defineMessages({ en, ru });

export async function describeLoadFailure(
  error: unknown,
  baseUrl: string,
  locale: Locale,
): Promise<KabinetEventMap['kb-error']> {
  if (error instanceof ApiError) return { code: error.code, detail: error.localized(locale), status: error.status };
  if (await refusedThisOrigin(baseUrl)) {
    return {
      code: 'origin_not_allowed',
      detail: message(locale, 'originNotAllowed', { origin: location.origin }),
      status: 0,
    };
  }
  return { code: 'network', detail: translate(locale, 'portal.networkError'), status: 0 };
}

/** The server is on another origin and answers a request that needs no CORS permission. */
async function refusedThisOrigin(baseUrl: string): Promise<boolean> {
  const health = `${baseUrl.replace(/\/+$/, '')}/health`;
  if (!URL.canParse(health, location.href) || new URL(health, location.href).origin === location.origin) return false;
  try {
    await fetch(health, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
    return true;
  } catch {
    return false;
  }
}
