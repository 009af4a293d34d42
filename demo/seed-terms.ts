/**
 * Lucky Spin's terms and conditions: two versions published through the terms module as the
 * console publishes them (v1 when the program opened, v2 five weeks ago with a summary of changes),
 * and every demo partner user's acceptances: v1 at their sign-up, v2 within days of its publication
 * (or at sign-up, for those who joined later). Every user with a password who can sign in, or will
 * once approved, has accepted v2, so a demo sign-in goes straight to the portal; the users of rejected and blocked
 * partners stopped at v1. English only: a Russian-speaking program writes its own terms.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { insertMany } from '../core/db/insert-many.ts';
import { newId } from '../core/lib/ids.ts';
import { partners, users } from '../core/modules/identity/table.ts';
import { publishTermsVersion } from '../core/modules/terms/service.ts';
import { termsAcceptances } from '../core/modules/terms/table.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const DAY = 86_400_000;

const V1_BODY = `## 1. The program

These terms govern your participation in the **Lucky Spin Partners** affiliate program ("the program"), run by
Lucky Spin Entertainment Ltd ("we"). By creating a partner account you accept them.

## 2. Your account

- One account per company or person. Team members get their own users inside it.
- Keep your password and your two-factor codes to yourself: what happens under your users is your responsibility.
- We may approve, reject or block accounts at our discretion, for example for fraud or a breach of these terms.

## 3. Promotion

- Promote only with the links, promo codes and creatives from your portal.
- No spam, no misleading claims, no bidding on our brand names in paid search.
- Never target minors or people in countries where our brands are not licensed.
- Always show the responsible-gambling message (18+, play responsibly) next to our offers.

## 4. Commission

Your commission plan, shown in your portal under **Plans**, decides what you earn (CPA, RevShare or both).
Bills are issued for each closed period; approved amounts go to your balance in the program's currency.

## 5. Payments

Request a cash-out from your balance to one of your payment accounts. The minimum and the payment schedule are shown
under **Payments**. Amounts from fraudulent or self-referred traffic are not paid.

## 6. Ending

Either side may end the partnership at any time with notice by e-mail. Commission earned before the end is paid.
`;

const V2_BODY = `${V1_BODY.replace(
  /## 5\. Payments[\s\S]*?(?=## 6)/,
  `## 5. Payments

Request a cash-out from your balance to one of your payment accounts. The minimum and the payment schedule are shown
under **Payments**; approved cash-outs are paid **weekly**, on Tuesdays. Amounts from fraudulent or self-referred
traffic are not paid.

Before the first payment we may ask for documents (company registration, proof of address). Upload them in your
portal under **Documents**.

`,
)}
## 7. Sub-affiliates

You may invite other partners with your referral link. Their own terms are these terms; your sub-affiliate commission
is shown under **Sub-affiliates**. Self-referral is not allowed.

## 8. Personal data

We process partners' personal data to run the program, under our privacy policy. Data about players is never shared
with partners beyond the aggregated statistics in your reports.
`;

export const DEMO_TERMS = [
  { daysAgo: 150, title: 'Lucky Spin Partners: terms and conditions', bodyMarkdown: V1_BODY },
  {
    daysAgo: 35,
    title: 'Lucky Spin Partners: terms and conditions (2026)',
    bodyMarkdown: V2_BODY,
    summaryOfChanges:
      'Cash-outs are now paid weekly (section 5), we may ask for documents before the first payment, and two new ' +
      'sections: sub-affiliates (7) and personal data (8).',
  },
] as const;

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];

/** Publishes Lucky Spin's two versions and records the demo users' acceptances; returns the versions' ids (v1, v2). */
export async function seedTerms(ctx: SeedDeps): Promise<string[]> {
  const demo = DEMO_OPERATORS[0]!;
  const now = ctx.clock.now().getTime();
  const published = [];
  for (const terms of DEMO_TERMS) {
    // Each version is published on its own day (the clock the operation reads).
    const at = new Date(now - terms.daysAgo * DAY);
    const tenant = withTenant({ ...ctx, clock: { now: () => at } } as unknown as TenantContext, demo.id);
    const { daysAgo: _daysAgo, ...input } = terms;
    published.push(await publishTermsVersion(tenant, input));
  }
  const [v1, v2] = published as [(typeof published)[0], (typeof published)[0]];
  const v1At = Date.parse(v1.publishedAt);
  const v2At = Date.parse(v2.publishedAt);
  const people = await ctx.db
    .select({ id: users.id, partnerId: users.partnerId, createdAt: users.createdAt, status: partners.status })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    // Users without a password (accounts set up for them, see seed-subaffiliates.ts) never signed in to accept.
    .where(and(eq(users.operatorId, demo.id), isNotNull(users.passwordHash)));
  const rows = people.flatMap((user, i) => {
    const joined = user.createdAt.getTime();
    const acceptance = (versionId: string, acceptedAt: number) => ({
      id: newId('tacc', ctx.clock),
      operatorId: demo.id,
      partnerId: user.partnerId,
      userId: user.id,
      termsVersionId: versionId,
      acceptedAt: new Date(acceptedAt),
      ip: `203.0.113.${10 + (i % 200)}`,
      userAgent: USER_AGENTS[i % USER_AGENTS.length]!,
    });
    const stillIn = user.status === 'active' || user.status === 'pending';
    return [
      // Signed up under v1: accepted it then.
      ...(joined < v2At ? [acceptance(v1.id, Math.max(joined, v1At + DAY))] : []),
      // v2: at sign-up for those who joined later, else at a sign-in within ten days of its publication.
      ...(stillIn
        ? [acceptance(v2.id, joined >= v2At ? joined : v2At + (1 + (i % 10)) * DAY + (i % 7) * 3_600_000)]
        : []),
    ];
  });
  await insertMany(ctx.db, termsAcceptances, rows);
  return [v1.id, v2.id];
}
