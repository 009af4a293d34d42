/**
 * Type tests for the SDK's operator helpers, checked by `tsc --noEmit`: their inputs and results
 * are the routes' own types, and the hand-written PlayerEvent stays equal to the server's schema.
 */
import { expectTypeOf } from 'vitest';
import type { z } from 'zod';
import type { PlayerEventSchema } from '../../core/modules/events/schemas.ts';
import {
  createOperatorClient,
  KabinetApiError,
  type ConversionDetail,
  type EmbedSession,
  type EventBatchResult,
  type PlayerEvent,
} from '../../core/sdk/index.ts';

const operator = createOperatorClient('https://partners.example.com', 'sk_x');

export async function mintEmbedSessionTypes() {
  const session = await operator.mintEmbedSession({
    userId: 'usr_1',
    components: ['profile', 'security'],
    ttlSeconds: 600,
  });
  expectTypeOf(session).toEqualTypeOf<EmbedSession>();
  expectTypeOf(session).toEqualTypeOf<{
    clientSecret: string;
    expiresAt: string;
    userId: string;
    components: Array<
      | 'program'
      | 'profile'
      | 'security'
      | 'team'
      | 'activity'
      | 'campaigns'
      | 'conversions'
      | 'postbacks'
      | 'statistics'
      | 'bills'
      | 'notifications'
      | 'wallet'
    >;
  }>();
  expectTypeOf(operator.mintEmbedSession).parameter(0).toEqualTypeOf<{
    userId: string;
    components?:
      | Array<
          | 'program'
          | 'profile'
          | 'security'
          | 'team'
          | 'activity'
          | 'campaigns'
          | 'conversions'
          | 'postbacks'
          | 'statistics'
          | 'bills'
          | 'notifications'
          | 'wallet'
        >
      | undefined;
    ttlSeconds?: number | undefined;
  }>();
  // @ts-expect-error not a component
  void operator.mintEmbedSession({ userId: 'usr_1', components: ['payouts'] });
  // @ts-expect-error the user is required
  void operator.mintEmbedSession({ components: ['profile'] });
}

export async function sendEventsTypes() {
  expectTypeOf<PlayerEvent>().toEqualTypeOf<z.input<typeof PlayerEventSchema>>();
  const result = await operator.sendEvents([
    {
      id: 'e1',
      type: 'deposit',
      playerId: 'p1',
      brand: 'brand_1',
      amount: '25.50',
      currency: 'EUR',
      occurredAt: '2026-11-24T10:00:00Z',
    },
  ]);
  expectTypeOf(result).toEqualTypeOf<EventBatchResult>();
  expectTypeOf(result.accepted).toEqualTypeOf<number>();
  expectTypeOf(result.results[0]!.status).toEqualTypeOf<'accepted' | 'duplicate' | 'conflict' | 'rejected'>();
  void operator.sendEvents([
    {
      id: 'e1',
      type: 'deposit',
      playerId: 'p1',
      brand: 'brand_1',
      // @ts-expect-error amounts are decimal strings, never numbers
      amount: 25.5,
      currency: 'EUR',
      occurredAt: '2026-11-24T10:00:00Z',
    },
  ]);
  void operator.sendEvents([
    // @ts-expect-error not an event type
    { id: 'e1', type: 'refund', playerId: 'p1', brand: 'brand_1', occurredAt: '2026-11-24T10:00:00Z' },
  ]);
}

export async function updateConversionTypes() {
  const conversion = await operator.updateConversion('conv_1', { status: 'approve', payout: '12.50', currency: 'EUR' });
  expectTypeOf(conversion).toEqualTypeOf<ConversionDetail>();
  expectTypeOf(conversion.status).toEqualTypeOf<'hold' | 'approve' | 'cancel' | 'trash'>();
  expectTypeOf(conversion.changes).toBeArray();
  // @ts-expect-error not a conversion status
  void operator.updateConversion('conv_1', { status: 'paid' });
  // @ts-expect-error payouts are decimal strings
  void operator.updateConversion('conv_1', { payout: 12.5 });
  expectTypeOf<KabinetApiError['problem']['code']>().toEqualTypeOf<string>();
  // The typed client for every other route comes along.
  expectTypeOf(operator.client.v1.brands.$get).toBeFunction();
}
