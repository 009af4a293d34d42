/** The tracking edge: `GET /t/{code}` (public contract; HEAD and prefetches are not counted). */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { problemResponses, publicSecurity } from '../../http/openapi-shared.ts';
import { handleTrackingRequest } from './record-click.ts';

const trackRoute = createRoute({
  operationId: 'followTrackingLink', security: publicSecurity,
  method: 'get',
  path: '/t/{code}',
  tags: ['Tracking'],
  summary: 'Tracking link: counts the click (every query parameter kept as sent), then 302 to the landing with the visit id added under the brand\'s parameter; unknown codes go to the fallback URL',
  request: { params: z.object({ code: z.string().max(200).openapi({ param: { name: 'code', in: 'path' }, example: 'AbC123xy' }) }) },
  responses: { 302: { description: 'Redirect to the landing (Location header)' }, 422: problemResponses[422] },
});

export const trackingRoutes = createRouter().openapi(trackRoute, (c) => handleTrackingRequest(c, c.req.valid('param').code) as never);
