/**
 * The widgets' API client: the typed SDK client (request and response types come from the
 * server's routes), wrapped in the few calls the elements make. Elements get it from the portal
 * through @lit/context (contexts.ts), never from a global. Problem+json answers are thrown as
 * ApiError so an element can show the server's own detail.
 */
import { createKabinetClient, type KabinetClient, type SuccessBody } from '../../../core/sdk/index.ts';

type PortalConfigCall = KabinetClient['v1']['public']['operators'][':operatorId']['$get'];
export type PortalConfig = SuccessBody<Awaited<ReturnType<PortalConfigCall>>>;
export type Branding = PortalConfig['branding'];
export type PublicBrand = PortalConfig['brands'][number];

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly detail: string, readonly requestId: string | null) {
    super(detail);
  }
}

export interface ApiClient {
  readonly baseUrl: string;
  /** The typed client itself, for sections that call routes directly. */
  readonly client: KabinetClient;
  getPortalConfig(operatorId: string): Promise<PortalConfig>;
}

async function bodyOf<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = (body ?? {}) as { code?: string; detail?: string };
    throw new ApiError(res.status, problem.code ?? 'internal', problem.detail ?? res.statusText, res.headers.get('x-request-id'));
  }
  return body as T;
}

export function createApiClient(baseUrl: string, options: { clientSecret?: string | null; fetch?: typeof fetch } = {}): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  // Resolve fetch at call time so a page (or a test) that wraps window.fetch later is honoured.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const client = createKabinetClient(root, { ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}), fetch: doFetch as typeof fetch });
  return {
    baseUrl: root,
    client,
    getPortalConfig: async (operatorId) =>
      bodyOf<PortalConfig>(await client.v1.public.operators[':operatorId'].$get({ param: { operatorId } })),
  };
}
