/**
 * Terms and conditions over HTTP: the operator publishes versions and sees who accepted them; the
 * signed-in partner user reads the current terms, accepts them and sees the history; the sign-up
 * form reads the current terms publicly. The partner routes here stay open while the terms gate
 * (core/http/terms-gate.ts) holds every other partner route.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  partnerSecurity,
  problemResponses,
  publicSecurity,
} from '../../http/openapi-shared.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { IdParams } from '../identity/schemas.ts';
import { OperatorIdParams } from '../operators/schemas.ts';
import {
  AcceptanceQuerySchema,
  PartnerTermsSchema,
  PartnerTermsVersionSchema,
  PublicTermsSchema,
  PublishTermsSchema,
  TermsAcceptanceListSchema,
  TermsAcceptedSchema,
  TermsHistorySchema,
  TermsPreviewResultSchema,
  TermsPreviewSchema,
  TermsVersionListSchema,
  TermsVersionSchema,
} from './schemas.ts';
import { getTermsVersion, listTermsAcceptances, listTermsVersions, publishTermsVersion } from './service.ts';
import { acceptTerms, getPartnerTerms, getPartnerTermsVersion, getPublicTerms, getTermsHistory } from './acceptance.ts';

const operatorTags = ['Operator: terms and registration'];
const partnerTags = ['Partner account'];
const versionParams = IdParams('versionId');
const operatorErrors = { 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };
const partnerErrors = { 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] };
const partnerAuth = [requirePartnerSession()];

export const termsRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listTermsVersions',
      method: 'get',
      path: '/v1/terms/versions',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Every published terms version, newest (the current one) first, with its acceptance count',
      responses: { 200: jsonResponse(TermsVersionListSchema, 'Versions'), ...operatorErrors },
    }),
    async (c) => c.json(await listTermsVersions(tenantContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'publishTermsVersion',
      method: 'post',
      path: '/v1/terms/versions',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Publish new terms: they become the current version at once and never change',
      description:
        'Numbered one above the last version. Every partner is notified, and each signed-in user must accept the ' +
        'new version before anything else (other partner calls answer 403 `terms_not_accepted`). Sign-up then ' +
        'requires `acceptTermsVersion` with this version’s id.',
      request: { body: jsonBody(PublishTermsSchema) },
      responses: { 201: jsonResponse(TermsVersionSchema, 'The published version'), ...operatorErrors, ...bodyProblems },
    }),
    async (c) => c.json(await publishTermsVersion(tenantContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'previewTerms',
      method: 'post',
      path: '/v1/terms/preview',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Terms in Markdown as partners will see them (the same safe HTML), before publishing; stores nothing',
      request: { body: jsonBody(TermsPreviewSchema) },
      responses: { 200: jsonResponse(TermsPreviewResultSchema, 'The HTML'), ...operatorErrors, ...bodyProblems },
    }),
    async (c) => c.json({ html: renderMarkdown(c.req.valid('json').bodyMarkdown) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'getTermsVersion',
      method: 'get',
      path: '/v1/terms/versions/{versionId}',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'One terms version: Markdown, rendered HTML and its acceptance count',
      request: { params: versionParams },
      responses: { 200: jsonResponse(TermsVersionSchema, 'The version'), ...operatorErrors },
    }),
    async (c) => c.json(await getTermsVersion(tenantContext(c), c.req.valid('param').versionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'listTermsAcceptances',
      method: 'get',
      path: '/v1/terms/versions/{versionId}/acceptances',
      tags: operatorTags,
      security: operatorKeySecurity,
      middleware: [requireOperatorKey],
      summary: 'Who accepted one version, newest first: user email, partner name, when, IP and browser',
      request: { params: versionParams, query: AcceptanceQuerySchema },
      responses: {
        200: jsonResponse(TermsAcceptanceListSchema, 'Acceptances'),
        ...operatorErrors,
        422: problemResponses[422],
      },
    }),
    async (c) =>
      c.json(
        await listTermsAcceptances(tenantContext(c), {
          versionId: c.req.valid('param').versionId,
          ...c.req.valid('query'),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerTerms',
      method: 'get',
      path: '/v1/partner/terms',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerAuth,
      summary: 'The current terms (rendered HTML) and when this user accepted them',
      responses: { 200: jsonResponse(PartnerTermsSchema, 'Current terms'), ...partnerErrors },
    }),
    async (c) => c.json(await getPartnerTerms(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerTermsHistory',
      method: 'get',
      path: '/v1/partner/terms/history',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerAuth,
      summary: 'Every terms version, newest first, with when this user accepted each',
      responses: { 200: jsonResponse(TermsHistorySchema, 'History'), ...partnerErrors },
    }),
    async (c) => c.json(await getTermsHistory(partnerContext(c)), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPartnerTermsVersion',
      method: 'get',
      path: '/v1/partner/terms/{versionId}',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerAuth,
      summary: 'One terms version (an older one too), rendered, with when this user accepted it',
      request: { params: versionParams },
      responses: { 200: jsonResponse(PartnerTermsVersionSchema, 'The version'), ...partnerErrors },
    }),
    async (c) => c.json(await getPartnerTermsVersion(partnerContext(c), c.req.valid('param').versionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'acceptTerms',
      method: 'post',
      path: '/v1/partner/terms/{versionId}/acceptance',
      tags: partnerTags,
      security: partnerSecurity,
      middleware: partnerAuth,
      summary: 'Accept the current terms (again: no change, the first acceptance stays)',
      description:
        'Only the current version: an older one answers 409 `conflict` (state `changed`): read the new terms.',
      request: { params: versionParams },
      responses: {
        200: jsonResponse(TermsAcceptedSchema, 'Accepted'),
        ...partnerErrors,
        409: problemResponses[409],
      },
    }),
    async (c) => c.json(await acceptTerms(partnerContext(c), c.req.valid('param').versionId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'getPublicTerms',
      method: 'get',
      path: '/v1/public/operators/{operatorId}/terms',
      tags: ['Portal'],
      security: publicSecurity,
      summary: 'The operator’s current terms for the sign-up form (null when it has published none)',
      request: { params: OperatorIdParams },
      responses: { 200: jsonResponse(PublicTermsSchema, 'Current terms'), 404: problemResponses[404] },
    }),
    async (c) => c.json(await getPublicTerms(tenantContext(c, c.req.valid('param').operatorId)), 200),
  );
