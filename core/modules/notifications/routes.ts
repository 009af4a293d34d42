/** Notifications of the signed-in partner user: the list, the unread count the bell polls, marking read. */
import { createRoute } from '@hono/zod-openapi';
import { partnerContext } from '../../http/deps.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { jsonResponse, partnerSecurity, problemResponses } from '../../http/openapi-shared.ts';
import { createRouter } from '../../http/router.ts';
import { IdParams } from '../identity/schemas.ts';
import {
  countUnreadNotifications,
  listPartnerNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './read-state.ts';
import { NotificationListQuerySchema, NotificationListSchema, UnreadCountSchema } from './schemas.ts';

const tags = ['Partner notifications'];
const security = partnerSecurity;
// An embed session has the bell and the page only when minted with the `notifications` component.
const middleware = [requirePartnerSession({ component: 'notifications' })];
const errors = { 401: problemResponses[401], 403: problemResponses[403] };

export const notificationRoutes = createRouter()
  .openapi(
    createRoute({
      operationId: 'listNotifications',
      method: 'get',
      path: '/v1/partner/notifications',
      tags,
      security,
      middleware,
      summary: 'The partner’s notifications and the operator’s broadcasts, newest first, read or not for this user',
      request: { query: NotificationListQuerySchema },
      responses: { 200: jsonResponse(NotificationListSchema, 'One page and the unread count'), ...errors },
    }),
    async (c) => c.json(await listPartnerNotifications(partnerContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      operationId: 'countUnreadNotifications',
      method: 'get',
      path: '/v1/partner/notifications/unread_count',
      tags,
      security,
      middleware,
      summary: 'How many notifications this user has not read (cheap: the bell polls it)',
      responses: { 200: jsonResponse(UnreadCountSchema, 'The unread count'), ...errors },
    }),
    async (c) => c.json({ unreadCount: await countUnreadNotifications(partnerContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      operationId: 'markAllNotificationsRead',
      method: 'post',
      path: '/v1/partner/notifications/read',
      tags,
      security,
      middleware,
      summary: 'Mark every notification read for this user (team members keep their own)',
      responses: { 204: { description: 'All read' }, ...errors },
    }),
    async (c) => {
      await markAllNotificationsRead(partnerContext(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      operationId: 'markNotificationRead',
      method: 'post',
      path: '/v1/partner/notifications/{notificationId}/read',
      tags,
      security,
      middleware,
      summary: 'Mark one notification read for this user',
      request: { params: IdParams('notificationId') },
      responses: { 204: { description: 'Read' }, ...errors, 404: problemResponses[404] },
    }),
    async (c) => {
      await markNotificationRead(partnerContext(c), c.req.valid('param').notificationId);
      return c.body(null, 204);
    },
  );
