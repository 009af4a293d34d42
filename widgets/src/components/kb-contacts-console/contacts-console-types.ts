/** The Operator API's answers the contacts console shows (types from the server's routes). */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type ManagersCall = KabinetClient['v1']['managers']['$get'];
type ContactsCall = KabinetClient['v1']['contacts']['$get'];
export type OperatorManager = SuccessBody<Awaited<ReturnType<ManagersCall>>>['items'][number];
export type ContactsOverview = SuccessBody<Awaited<ReturnType<ContactsCall>>>;
export type ContactCard = NonNullable<ContactsOverview['program']>;

/** What is open for editing: a manager (null id: a new one) or a contact card (`program` or a brand id). */
export type Editing = { kind: 'manager'; id: string | null } | { kind: 'card'; scope: string } | null;

/** Photo types the API takes, and its size bound. */
export const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_PHOTO_BYTES = 1024 * 1024;
