/** I/O contracts of partner notifications: kind + params + link (the widget words them per language). */
import { z } from '@hono/zod-openapi';
import { NOTIFICATION_KINDS } from './table.ts';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS).openapi({
      description:
        'What happened: `news_published`, `document_reviewed`, `terms_published`, `bill_approved`, `cash_out_paid`',
    }),
    params: z.record(z.string(), z.string()).openapi({
      description:
        'What the words need, per kind (e.g. `bill_approved`: `period`, `amount`, `currency`); clients word them in the reader’s language',
      example: { period: '2026-11', amount: '1234.00', currency: 'EUR' },
    }),
    link: z.string().openapi({ description: 'A portal hash route to open', example: '#/bills/bill_01J…' }),
    createdAt: z.string(),
    read: z
      .boolean()
      .openapi({ description: 'Whether the signed-in user has read it (each team member on their own)' }),
  })
  .openapi('Notification');

export const NotificationListQuerySchema = z.object({
  cursor: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page; absent for the newest page' }),
});

export const NotificationListSchema = z
  .object({
    notifications: z.array(NotificationSchema).openapi({ description: 'Newest first, 20 a page' }),
    nextCursor: z.string().nullable().openapi({ description: 'Ask with it for the next page; null on the last' }),
    unreadCount: z.number().int(),
  })
  .openapi('NotificationList');

export const UnreadCountSchema = z.object({ unreadCount: z.number().int() }).openapi('NotificationUnreadCount');
