/** What `<kb-terms-console>` reads from the Operator API (GET /v1/terms/versions and one version's routes). */

export interface TermsVersionSummary {
  id: string;
  version: number;
  title: string;
  summaryOfChanges: string | null;
  publishedAt: string;
  current: boolean;
  acceptanceCount: number;
}

export interface TermsVersionList {
  /** Users who can sign in now: each must accept the current version. */
  signInUsers: number;
  data: TermsVersionSummary[];
}

export interface TermsVersionDetail extends TermsVersionSummary {
  bodyMarkdown: string;
  html: string;
  createdBy: string;
}

export interface TermsAcceptance {
  userId: string;
  email: string;
  partnerId: string;
  partnerName: string;
  acceptedAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface TermsAcceptancePage {
  data: TermsAcceptance[];
  total: number;
  offset: number;
}

export interface PublishTermsInput {
  title: string;
  bodyMarkdown: string;
  summaryOfChanges?: string;
}
