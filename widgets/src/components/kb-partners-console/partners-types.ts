/** The shapes the partners console reads: its own routes' from the typed client, the optional parts' as documented. */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type ListCall = KabinetClient['v1']['partners']['$get'];
type DetailCall = KabinetClient['v1']['partners'][':partnerId']['$get'];
export type PartnerList = SuccessBody<Awaited<ReturnType<ListCall>>>;
export type PartnerRow = PartnerList['data'][number];
export type PartnerStatus = PartnerRow['status'];
export type PartnerDetail = SuccessBody<Awaited<ReturnType<DetailCall>>>;
export type Decision = 'approve' | 'reject' | 'block' | 'unblock';

export const PARTNER_STATUSES: readonly PartnerStatus[] = ['pending', 'active', 'rejected', 'blocked'];

/** What the server allows from each status (identity's partner-admin TRANSITIONS), in button order. */
export const DECISIONS_BY_STATUS: Record<PartnerStatus, Decision[]> = {
  pending: ['approve', 'reject', 'block'],
  active: ['block'],
  rejected: ['approve'],
  blocked: ['unblock'],
};

/** `GET /v1/managers` (contacts module). */
export interface ManagerEntry {
  id: string;
  name: string;
  email: string;
  photoUrl: string | null;
  active: boolean;
}
/** `GET /v1/partners/{partnerId}/manager`. */
export interface PartnerManager {
  partnerId: string;
  manager: ManagerEntry | null;
}
/** `GET /v1/documents?partnerId=` (documents module). */
export interface PartnerDocument {
  id: string;
  fileName: string;
  kind: string;
  contentType: string;
  size: number;
  status: string;
  comment: string | null;
  createdAt: string;
}
/** `GET /v1/partners/{partnerId}/fields` (registration-fields: the operator's extra sign-up questions and the answers). */
export interface SignUpAnswer {
  key: string;
  label: { en: string; ru: string };
  kind: 'text' | 'select' | 'checkbox';
  options: Array<{ value: string; label: { en: string; ru: string } }>;
  required: boolean;
  active: boolean;
  value: string | boolean | null;
}
/** `GET /v1/plans` as the offer picker reads it. */
export interface OfferablePlan {
  id: string;
  name: string;
  isDefault: boolean;
  offeredTo: string[];
}
