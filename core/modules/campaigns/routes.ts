/** Partner routes: the catalog a partner may use, campaigns, promos (tracking links). */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { bodyProblems, jsonBody, jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext } from '../../http/deps.ts';
import { IdParams } from '../identity/schemas.ts';
import {
  BrandSchema,
  CreativeFilterSchema,
  CreativeSchema,
  LandingSchema,
  TrafficSourceSchema,
} from '../catalog/schemas.ts';
import { listBrands, listCreatives, listLandings, listTrafficSources } from '../catalog/service.ts';
import { PartnerPlanSchema } from '../commissions/schemas.ts';
import { plansForPartner } from '../commissions/service.ts';
import {
  CampaignDetailSchema,
  CampaignListSchema,
  CampaignQuerySchema,
  CreateCampaignSchema,
  CreatePromoSchema,
  PromoSchema,
  UpdatePromoSchema,
} from './schemas.ts';
import {
  createCampaign,
  createPromo,
  getCampaign,
  getPromo,
  listCampaigns,
  setCampaignArchived,
  updatePromo,
} from './service.ts';

const tags = ['Partner campaigns'];
const security = partnerSecurity;
const readers = [requirePartnerSession({ component: 'campaigns' })];
// Analysts read; creating and changing links is for owners, admins (and finance keeps out).
const writers = [requirePartnerSession({ component: 'campaigns', roles: ['owner', 'admin'] })];
const errors = { 401: problemResponses[401], 404: problemResponses[404], 422: problemResponses[422] };

const PartnerCatalogSchema = z
  .object({
    brands: z.array(BrandSchema),
    plans: z.array(PartnerPlanSchema),
    landings: z.array(LandingSchema),
    trafficSources: z.array(TrafficSourceSchema),
  })
  .openapi('PartnerCatalog');
const CreativeListSchema = z.object({ data: z.array(CreativeSchema) }).openapi('PartnerCreativeList');
const campaignParams = IdParams('campaignId');
const promoParams = IdParams('promoId');

const router = createRouter();

export const campaignRoutes = router
  .openapi(
    createRoute({
      operationId: 'getPartnerCatalog',
      method: 'get',
      path: '/v1/partner/catalog',
      tags,
      security,
      middleware: readers,
      summary: 'Brands, the plans offered to this partner, landings and traffic sources',
      responses: { 200: jsonResponse(PartnerCatalogSchema, 'Catalog'), ...errors },
    }),
    async (c) => {
      const ctx = partnerContext(c);
      const [brandList, plans, landingList, sources] = await Promise.all([
        listBrands(ctx),
        plansForPartner(ctx),
        listLandings(ctx),
        listTrafficSources(ctx),
      ]);
      return c.json({ brands: brandList, plans, landings: landingList, trafficSources: sources }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: 'listPartnerCreatives',
      method: 'get',
      path: '/v1/partner/creatives',
      tags,
      security,
      middleware: readers,
      summary: 'Creative gallery (public, and private ones shared with this partner) with filters',
      request: { query: CreativeFilterSchema },
      responses: { 200: jsonResponse(CreativeListSchema, 'Creatives'), ...errors },
    }),
    async (c) =>
      c.json(
        {
          data: await listCreatives(partnerContext(c), c.req.valid('query')),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'listCampaigns',
      method: 'get',
      path: '/v1/partner/campaigns',
      tags,
      security,
      middleware: readers,
      summary: 'Campaigns by state, with filters and search',
      request: { query: CampaignQuerySchema },
      responses: { 200: jsonResponse(CampaignListSchema, 'Campaigns'), ...errors },
    }),
    async (c) => c.json({ data: await listCampaigns(partnerContext(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'createCampaign',
      method: 'post',
      path: '/v1/partner/campaigns',
      tags,
      security,
      middleware: writers,
      summary: 'Create a campaign (one brand, one plan)',
      request: { body: jsonBody(CreateCampaignSchema) },
      responses: { ...bodyProblems, 201: jsonResponse(CampaignDetailSchema, 'Campaign'), ...errors },
    }),
    async (c) => c.json(await createCampaign(partnerContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      operationId: 'getCampaign',
      method: 'get',
      path: '/v1/partner/campaigns/{campaignId}',
      tags,
      security,
      middleware: readers,
      summary: 'A campaign with its promos',
      request: { params: campaignParams },
      responses: { 200: jsonResponse(CampaignDetailSchema, 'Campaign'), ...errors },
    }),
    async (c) => c.json(await getCampaign(partnerContext(c), c.req.valid('param').campaignId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'archiveCampaign',
      method: 'post',
      path: '/v1/partner/campaigns/{campaignId}/archive',
      tags,
      security,
      middleware: writers,
      summary: 'Archive (no new promos or edits; links keep tracking)',
      request: { params: campaignParams },
      responses: { 200: jsonResponse(CampaignDetailSchema, 'Campaign'), ...errors },
    }),
    async (c) =>
      c.json(
        await setCampaignArchived(partnerContext(c), { campaignId: c.req.valid('param').campaignId, archived: true }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'unarchiveCampaign',
      method: 'post',
      path: '/v1/partner/campaigns/{campaignId}/unarchive',
      tags,
      security,
      middleware: writers,
      summary: 'Make an archived campaign active again',
      request: { params: campaignParams },
      responses: { 200: jsonResponse(CampaignDetailSchema, 'Campaign'), ...errors },
    }),
    async (c) =>
      c.json(
        await setCampaignArchived(partnerContext(c), { campaignId: c.req.valid('param').campaignId, archived: false }),
        200,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'createPromo',
      method: 'post',
      path: '/v1/partner/campaigns/{campaignId}/promos',
      tags,
      security,
      middleware: writers,
      summary: 'Add a promo (a tracking link): landing, creative or direct link, traffic source, title, promo code',
      request: { params: campaignParams, body: jsonBody(CreatePromoSchema) },
      responses: { ...bodyProblems, 201: jsonResponse(PromoSchema, 'Promo'), ...errors },
    }),
    async (c) =>
      c.json(
        await createPromo(partnerContext(c), { ...c.req.valid('json'), campaignId: c.req.valid('param').campaignId }),
        201,
      ),
  )
  .openapi(
    createRoute({
      operationId: 'getPromo',
      method: 'get',
      path: '/v1/partner/promos/{promoId}',
      tags,
      security,
      middleware: readers,
      summary: 'A promo with its tracking link and HTML snippet',
      request: { params: promoParams },
      responses: { 200: jsonResponse(PromoSchema, 'Promo'), ...errors },
    }),
    async (c) => c.json(await getPromo(partnerContext(c), c.req.valid('param').promoId), 200),
  )
  .openapi(
    createRoute({
      operationId: 'updatePromo',
      method: 'patch',
      path: '/v1/partner/promos/{promoId}',
      tags,
      security,
      middleware: writers,
      summary: 'Rename a promo, or set its traffic source once',
      request: { params: promoParams, body: jsonBody(UpdatePromoSchema) },
      responses: { ...bodyProblems, 200: jsonResponse(PromoSchema, 'Promo'), ...errors },
    }),
    async (c) =>
      c.json(
        await updatePromo(partnerContext(c), { ...c.req.valid('json'), promoId: c.req.valid('param').promoId }),
        200,
      ),
  );
