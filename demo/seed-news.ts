/**
 * Lucky Spin's news over the last months, through the news module's operations as the operator's
 * console makes them: five articles (one in Russian), each with a generated PNG banner when the
 * seed has a file store. The older four are imported as past news (no bell, no e-mail) and read by
 * the demo partner's owner; the newest is published as the console would, so it is unread, rings
 * the bell and its announcing job e-mails the opted-in demo users when the server's job runner
 * starts (see the demo mailbox).
 */
import { createOutbox } from '../core/jobs/outbox.ts';
import { withTenant, type PartnerContext, type TenantContext } from '../core/lib/context.ts';
import type { FileStore } from '../core/lib/file-store.ts';
import { createArticle, publishArticle, setArticleBanner } from '../core/modules/news/articles.ts';
import { markNewsRead } from '../core/modules/news/partner-news.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import { drawBanner, type BannerDesign } from './news-banners.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const DAY = 86_400_000;

interface SeedArticle {
  daysAgo: number;
  title: string;
  excerpt: string;
  bodyMarkdown: string;
  brand: 'casino' | 'sport' | 'crypto' | null;
  banner: BannerDesign;
}

export const NEWS_ARTICLES: readonly SeedArticle[] = [
  {
    daysAgo: 84,
    title: 'Lucky Spin Sport is live: a new brand for your sports traffic',
    excerpt:
      'Pre-match and live betting on 40+ sports, with its own landing pages and the same RevShare as the casino.',
    brand: 'sport',
    bodyMarkdown: `## A sportsbook in the Lucky Spin family

**Lucky Spin Sport** opens today for players from all our licensed markets. Your partner account works for it as it is:
create a campaign for the new brand in **Campaigns** and pick one of the three new landing pages.

### What players get

- Pre-match and live betting on more than 40 sports, with cash-out on most markets
- A welcome offer of a 100% free bet up to €100
- The same wallet as Lucky Spin Casino: one account, one balance

### What you get

Your current commission plan applies to Sport from the first day. Players who sign up through a Sport link count
for your **first deposits** and **NGR** like casino players; see them per brand in **Reports**.

> Tip: the "Live now" landing converts best during big evening matches.

Questions? Your manager is in **Contacts**.`,
    banner: {
      tag: 'NEW BRAND',
      lines: ['LUCKY SPIN', 'SPORT IS LIVE'],
      from: [22, 101, 52],
      to: [21, 94, 117],
    },
  },
  {
    daysAgo: 52,
    title: 'USDT payouts: get paid in crypto',
    excerpt: 'Cash out your balance in USDT on TRC-20 or ERC-20, from 50 USDT, usually within a business day.',
    brand: null,
    bodyMarkdown: `## A new payment method

You can now add a **USDT wallet** to your payment details in **Wallet** and choose it for cash-outs.

| Network | Minimum | Fee |
| --- | --- | --- |
| TRC-20 | 50 USDT | none |
| ERC-20 | 200 USDT | network fee |

Wallet addresses are checked when you save them. Bank transfers stay available as before.`,
    banner: {
      tag: 'PAYOUTS',
      lines: ['USDT PAYOUTS', 'ARE HERE'],
      from: [4, 120, 87],
      to: [30, 64, 175],
    },
  },
  {
    daysAgo: 30,
    title: 'Новые промо-материалы для русскоязычного трафика',
    excerpt: 'Баннеры, лендинг и тексты для рассылок на русском языке — уже в разделе «Креативы».',
    brand: 'casino',
    bodyMarkdown: `## Что нового

Мы подготовили полный набор материалов для русскоязычной аудитории **Lucky Spin Casino**:

1. Баннеры в 6 размерах, включая 300×250 и 728×90
2. Лендинг «Колесо удачи» с бонусом 150 фриспинов
3. Готовые тексты для e-mail и Telegram-рассылок

Все материалы — в разделе **Креативы**. Если нужен размер или формат, которого нет, напишите своему менеджеру.`,
    banner: {
      tag: 'PROMO KIT',
      lines: ['NEW RU', 'CREATIVES'],
      from: [124, 58, 237],
      to: [219, 39, 119],
    },
  },
  {
    daysAgo: 12,
    title: 'Holiday payout schedule',
    excerpt:
      'Bills for December are approved on 2 January; cash-outs asked for between 24 December and 2 January are paid from 3 January.',
    brand: null,
    bodyMarkdown: `## Payouts over the holidays

Our finance team takes a short break at the end of the year:

- Cash-outs asked for **before 23 December, 12:00 CET** are paid before Christmas.
- Cash-outs asked for **24 December – 2 January** are paid from **3 January**.
- December bills are approved on **2 January** as usual.

Automatic cash-out schedules keep running; their payments follow the dates above. Happy holidays!`,
    banner: {
      tag: 'PAYOUT DATES',
      lines: ['HOLIDAY', 'PAYOUTS'],
      from: [185, 28, 28],
      to: [180, 83, 9],
    },
  },
  {
    daysAgo: 2,
    title: 'World Cup RevShare boost: +10% on sports traffic',
    excerpt: 'From the first match to the final, your RevShare on Lucky Spin Sport players is 10 points higher.',
    brand: 'sport',
    bodyMarkdown: `## +10% RevShare during the World Cup

For the whole tournament your **RevShare on Lucky Spin Sport** goes up by **10 percentage points**, on top of your
current plan. Nothing to sign up for: it applies to every active partner automatically.

### Details

- Valid for NGR of Sport players from the first match day to the day of the final
- Counted on new *and* existing players you brought
- Shown as a separate line on your next bill

Use the new **World Cup** landing in **Campaigns** — it shows the day's matches and the best odds.

Good luck, and may your players pick the winner!`,
    banner: {
      tag: 'WORLD CUP PROMO',
      lines: ['+10% REVSHARE', 'ON SPORT'],
      from: [30, 64, 175],
      to: [22, 163, 74],
    },
  },
];

export async function seedNews(ctx: SeedDeps & { files?: FileStore | undefined }): Promise<string[]> {
  const demo = DEMO_OPERATORS[0]!;
  const brandIds = {
    casino: demo.brands[0]!.id,
    sport: demo.brands[1]!.id,
    crypto: demo.brands[2]!.id,
  };
  const now = ctx.clock.now().getTime();
  const ids: string[] = [];
  for (const [index, article] of NEWS_ARTICLES.entries()) {
    const at = new Date(now - article.daysAgo * DAY);
    // Each article is written and published on its own day (the clock the operations read).
    const clock = { now: () => at };
    const tenant = withTenant(
      { ...ctx, clock, jobs: createOutbox(ctx.db, clock), maxBoundParams: 100 } as unknown as TenantContext,
      demo.id,
    );
    const created = await createArticle(tenant, {
      title: article.title,
      excerpt: article.excerpt,
      bodyMarkdown: article.bodyMarkdown,
      brandId: article.brand ? brandIds[article.brand] : null,
    });
    if (ctx.files)
      await setArticleBanner(
        { ...tenant, files: ctx.files },
        { articleId: created.id, bytes: drawBanner(article.banner), mime: 'image/png' },
      );
    const newest = index === NEWS_ARTICLES.length - 1;
    await publishArticle(tenant, { articleId: created.id, announce: newest });
    if (!newest) {
      const reader = {
        ...tenant,
        partner: { operatorId: demo.id, partnerId: demo.partnerId, userId: demo.userId },
      } as unknown as PartnerContext;
      await markNewsRead(reader, created.id);
    }
    ids.push(created.id);
  }
  return ids;
}
