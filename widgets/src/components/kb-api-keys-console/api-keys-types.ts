/** The Operator API's key answers the keys console shows (types from the server's routes). */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type KeysCall = KabinetClient['v1']['operator']['api_keys']['$get'];
type CreateCall = KabinetClient['v1']['operator']['api_keys']['$post'];
export type ApiKey = SuccessBody<Awaited<ReturnType<KeysCall>>>['items'][number];
export type NewApiKey = SuccessBody<Awaited<ReturnType<CreateCall>>>;

/** A secret on screen: shown once, after a create or a rotation, until Done. */
export interface ShownSecret {
  name: string;
  secret: string;
  kind: 'created' | 'rotated';
}
