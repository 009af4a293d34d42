/**
 * The demo operators' fixed ids, keys, partner users, branding, brands and time zones: what the
 * demo pages, the start-up banner and the demo operator backend name. Apart from the seed (it
 * reads files and writes rows) so a Worker bundle that needs the names does not carry the seed.
 */

/** Every demo partner user signs in with this password (demo data only). */
export const DEMO_PASSWORD = 'kabinet-demo-2026';

export const DEMO_OPERATORS = [
  {
    id: 'op_demo_luckyspin',
    name: 'Lucky Spin',
    apiKey: 'sk_demo_luckyspin_0000000000000000000000000000',
    partnerId: 'partner_demo_ls_slothunters',
    userId: 'user_demo_ls_owner',
    signInEmail: 'owner@slothuntersmedia.example',
    referralCode: 'SLOTHUNT',
    /** Reports and relative periods ("today", "last month") are cut in the operator's zone. */
    timeZone: 'Europe/Malta',
    /** The demo partner user's default report currency: the dashboard starts converted to it. */
    reportCurrency: 'EUR',
    path: '/',
    /** Lucky Spin publishes terms (demo/site/terms/), so its sign-up asks to accept them; Northwind has none. */
    termsPath: '/terms/' as string | null,
    branding: {
      displayName: 'Lucky Spin Partners',
      primaryColor: '#7c3aed',
      accentColor: '#f5b301',
      theme: 'dark' as const,
      supportEmail: 'partners@luckyspin.example',
      logoUrl: null,
    },
    brands: [
      {
        id: 'brand_demo_ls_casino',
        name: 'Lucky Spin Casino',
        currency: 'EUR',
        websiteUrl: 'https://casino.luckyspin.example',
      },
      {
        id: 'brand_demo_ls_sport',
        name: 'Lucky Spin Sport',
        currency: 'EUR',
        websiteUrl: 'https://sport.luckyspin.example',
      },
      {
        id: 'brand_demo_ls_crypto',
        name: 'Lucky Spin Crypto',
        currency: 'USDT',
        websiteUrl: 'https://crypto.luckyspin.example',
      },
    ],
  },
  {
    id: 'op_demo_northwind',
    name: 'Northwind Markets',
    apiKey: 'sk_demo_northwind_0000000000000000000000000000',
    partnerId: 'partner_demo_nw_tradesignals',
    userId: 'user_demo_nw_owner',
    signInEmail: 'owner@tradesignalspro.example',
    referralCode: 'TRADESIG',
    timeZone: 'Asia/Nicosia',
    reportCurrency: 'USD',
    path: '/northwind/',
    termsPath: null as string | null,
    branding: {
      displayName: 'Northwind Partners',
      primaryColor: '#0f766e',
      accentColor: '#1e3a8a',
      theme: 'light' as const,
      supportEmail: 'ib@northwind.example',
      logoUrl: null,
    },
    brands: [
      { id: 'brand_demo_nw_fx', name: 'Northwind FX', currency: 'USD', websiteUrl: 'https://fx.northwind.example' },
      {
        id: 'brand_demo_nw_crypto',
        name: 'Northwind Crypto',
        currency: 'BTC',
        websiteUrl: 'https://crypto.northwind.example',
      },
    ],
  },
];
