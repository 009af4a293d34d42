/**
 * The CPA-network catalog as data, transcribed from the operator guide "Партнёрские сети"
 * (tests/fixtures/seeds/003-cpa-networks.txt), one entry per network in the guide's order:
 * the settings the integration needs, the per-offer parameters, whether streams must be
 * created, and how statuses come back (postback tails, separate postback fields, or the
 * network's API). catalog.test.ts parses the guide and checks every entry against it, so a
 * change here that drifts from the guide fails there. Russian texts are the guide's own words;
 * tails are copied character for character because networks match them literally.
 */

export type NetworkSettingKey =
  | 'api_token'
  | 'bearer_token'
  | 'user_id'
  | 'api_key'
  | 'api_secret'
  | 'owner_id'
  | 'stream_id';

export interface NetworkSetting {
  key: NetworkSettingKey;
  /** English label for the form field. */
  label: string;
  /** The guide's bullet text (without the final period), e.g. "API: токен из личного кабинета". */
  labelRu: string;
  /** Tokens, keys and secrets are masked on read; ids are shown as stored. */
  secret: boolean;
}

export interface OfferParameter {
  /** Exactly as in the guide, e.g. 'zcpa'. */
  name: string;
  meaning: string;
  /** The guide's text (without the final period). */
  meaningRu: string;
  /** The guide calls it optional ("необязательный параметр", "если требуется"). */
  optional?: boolean;
}

/**
 * The status a tail is added for. 'global' is one postback for every status; 'duplicate'
 * (IKON) and 'upsell' (MetaCPA) are the guide's own per-status postbacks beyond the usual four.
 */
export type TailStatus = 'global' | 'approve' | 'cancel' | 'trash' | 'hold' | 'duplicate' | 'upsell';

export interface PostbackTail {
  status: TailStatus;
  /** Exactly as in the guide, character for character (MetaCPA's start without '&'). */
  tail: string;
  /** The guide's name for the postback, e.g. "Глобальный", "Одобрение", "Confirmed". */
  label: string;
}

/** One extra parameter of a network that takes the postback as separate fields. */
export interface PostbackFieldParameter {
  name: string;
  /** 'static': a fixed value typed in; 'list': a macro the network offers in a drop-down. */
  source: 'static' | 'list';
  /** The static value, or the name of the list entry. */
  value: string;
  /** Static values that differ per postback (one postback per status). */
  valuesByStatus?: Partial<Record<TailStatus, string>>;
  meaning: string;
  meaningRu: string;
}

export type NetworkPostbacks =
  | { mode: 'tails'; tails: PostbackTail[] }
  | { mode: 'api' }
  | {
      mode: 'fields';
      protocol: string;
      /**
       * The path the guide names. It belongs to the platform the guide was written for; Kabinet
       * receives a connection's postbacks on that connection's own URL, so
       * buildNetworkPostbackUrls takes the path from there and this is kept for reference.
       */
      path: string;
      parameters: PostbackFieldParameter[];
    };

export interface NetworkDefinition {
  /** Stable slug used in the API and the database. */
  key: string;
  /** As in the guide. */
  name: string;
  settings: NetworkSetting[];
  offerParameters: OfferParameter[];
  /** The guide says a stream ("поток") must be created for each offer. */
  streamsRequired: boolean;
  postbacks: NetworkPostbacks;
  /** English summary of the guide's extra instructions. */
  notes?: string;
}

// The guide repeats a handful of setting lines word for word; these keep the entries readable.
const apiToken: NetworkSetting = {
  key: 'api_token',
  label: 'API token (from your account)',
  labelRu: 'API: токен из личного кабинета',
  secret: true,
};
const bearerToken: NetworkSetting = {
  key: 'bearer_token',
  label: 'API bearer token (from your account)',
  labelRu: 'API: bearer токен из личного кабинета',
  secret: true,
};
const userId: NetworkSetting = {
  key: 'user_id',
  label: 'User ID',
  labelRu: 'Пользователь: идентификатор пользователя',
  secret: false,
};

const param = (name: string, meaning: string, meaningRu: string, optional?: true): OfferParameter =>
  optional ? { name, meaning, meaningRu, optional } : { name, meaning, meaningRu };
const globalTail = (tail: string): NetworkPostbacks => ({
  mode: 'tails',
  tails: [{ status: 'global', tail, label: 'Глобальный' }],
});
const API: NetworkPostbacks = { mode: 'api' };
const STREAM_PER_OFFER = 'Create a stream for each offer';

export const NETWORK_CATALOG: readonly NetworkDefinition[] = [
  {
    key: 'adbees-zcpa',
    name: 'AdBees (ZCPA)',
    settings: [apiToken],
    offerParameters: [param('zcpa', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: globalTail('&oid=[sub_id1]&status=[status]&sta=11&stc=12&stt=13'),
    notes:
      'Ask your account manager for API access; they will give you the key. Create a ' +
      'stream for each offer and add postbacks for every event except conversion creation.',
  },
  {
    key: 'adcombo',
    name: 'AdCombo',
    settings: [apiToken],
    offerParameters: [param('adcombo', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'aff1',
    name: 'Aff1',
    settings: [apiToken],
    offerParameters: [param('aff1', 'stream ID (target_hash)', 'идентификатор потока target_hash')],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; the stream settings show its target_hash under the API button.`,
  },
  {
    key: 'affbayasia',
    name: 'AffbayAsia',
    settings: [apiToken],
    offerParameters: [param('affbay', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: {
      mode: 'fields',
      protocol: 'HTTPS',
      path: '/api/sale/status.json',
      parameters: [
        {
          name: 'id',
          source: 'static',
          value: '123-abcde',
          meaning:
            'static value "<API ID>-<API key>" of the user linked to the Affbay Asia company on ' +
            'your platform (123 and abcde in the example)',
          meaningRu:
            'статическое значение: 123-abcde, где 123 и abcde - соответственно, API ID и ' +
            'API-ключ пользователя, привязанного к компании Affbay Asia на вашей платформе',
        },
        {
          name: 'oid',
          source: 'list',
          value: 'Click ID',
          meaning: 'parameter from the list: Click ID',
          meaningRu: 'параметр из списка: Click ID',
        },
        {
          name: 'status',
          source: 'static',
          value: 'accept',
          valuesByStatus: { approve: 'accept', cancel: 'cancel', trash: 'trash' },
          meaning:
            'static value: accept in the accepted-orders postback, cancel in the rejected-orders ' +
            'postback, trash in the trash postback',
          meaningRu:
            'статическое значение: accept для постбека принятых заказов, cancel для постбека ' +
            'отклонённых заказов, trash для постбека треша',
        },
        {
          name: 'comment',
          source: 'list',
          value: 'Comment',
          meaning: 'parameter from the list: Comment',
          meaningRu: 'параметр из списка: Comment (комментарий)',
        },
      ],
    },
    notes:
      'The network does not take a postback URL: enter protocol (HTTPS), domain (your ' +
      'panel domain, e.g. site.ru), path and each extra parameter separately, one postback ' +
      'each for accepted, rejected and trash orders.',
  },
  {
    key: 'affstar',
    name: 'AffStar',
    settings: [apiToken],
    offerParameters: [param('affstar', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its UUID from the stream settings.`,
  },
  {
    key: 'apileads',
    name: 'ApiLeads',
    settings: [userId, apiToken],
    offerParameters: [param('apl', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'arbitpro',
    name: 'ArbitPro',
    settings: [apiToken],
    offerParameters: [param('arbitpro', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its hash from the stream settings.`,
  },
  {
    key: 'astronaff',
    name: 'Astronaff',
    settings: [
      {
        key: 'owner_id',
        label: 'Owner: partner ID provided by the advertiser',
        labelRu: 'Владелец: идентификатор партнёра, предоставленный заказчиком',
        secret: false,
      },
    ],
    offerParameters: [param('astron', 'product code', 'код продукта')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'cpa-house',
    name: 'CPA.house',
    settings: [userId, apiToken],
    offerParameters: [
      param('cpah', 'offer ID', 'идентификатор оффера'),
      param('cpahs', 'source ID', 'идентификатор источника'),
      param('cpahst', 'stream ID', 'идентификатор потока'),
    ],
    streamsRequired: false,
    postbacks: globalTail('&oid={sub_id_1}&status={status}&stt=fake&stw=in_processing'),
  },
  {
    key: 'cpagetti',
    name: 'CPAgetti',
    settings: [apiToken],
    offerParameters: [param('cgt', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'ctr',
    name: 'CTR',
    settings: [apiToken],
    offerParameters: [param('ctr', 'site ID', 'идентификатор сайта')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'dottpro',
    name: 'DottPro',
    settings: [userId, apiToken],
    offerParameters: [param('dott', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'drcash',
    name: 'DrCash',
    settings: [bearerToken],
    offerParameters: [param('drcash', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: globalTail('&oid={sub1}&status={status}&stw=hold'),
    notes: `${STREAM_PER_OFFER}; take its hash from the stream settings.`,
  },
  {
    key: 'everad',
    name: 'Everad',
    settings: [],
    offerParameters: [param('everad', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: globalTail('&oid={sid1}&status={status}&pay={payout}&cc={currency}'),
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings. The guide lists no integration settings.`,
  },
  {
    key: 'hotpartner',
    name: 'HotPartner',
    settings: [apiToken],
    offerParameters: [param('hotpartner', 'product ID', 'идентификатор товара')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'ikon',
    name: 'IKON',
    settings: [userId, apiToken],
    offerParameters: [param('ikon', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: {
      mode: 'tails',
      tails: [
        { status: 'approve', label: 'Approve', tail: '&oid={aff_sub1}&status=approve&comment={message}' },
        { status: 'trash', label: 'Trash', tail: '&oid={aff_sub1}&status=trash&comment={message}' },
        { status: 'cancel', label: 'Cancel', tail: '&oid={aff_sub1}&status=cancel&comment={message}' },
        { status: 'duplicate', label: 'Duplicate', tail: '&oid={aff_sub1}&status=cancel&reason=7&comment={message}' },
      ],
    },
    notes: 'A duplicate arrives as a cancel with reason=7.',
  },
  {
    key: 'inb-failsafe-order-api',
    name: 'INB (Failsafe Order API)',
    settings: [bearerToken],
    offerParameters: [param('inb', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: globalTail('&oid={source_id}&status={event_name}&stw=Processing'),
    notes: 'Add the postback as an "Event" type postback.',
  },
  {
    key: 'inb-order-api',
    name: 'INB (Order API)',
    settings: [
      bearerToken,
      {
        key: 'owner_id',
        label: 'Owner: partner ID (from your account)',
        labelRu: 'Владелец: идентификатор партнёра из личного кабинета',
        secret: false,
      },
    ],
    offerParameters: [param('inb', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: globalTail('&oid={source_id}&status={event_name}&stw=Processing'),
    notes: 'Add the postback as an "Event" type postback.',
  },
  {
    key: 'kma',
    name: 'KMA',
    settings: [apiToken],
    offerParameters: [param('kma', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings.`,
  },
  {
    key: 'lead-r',
    name: 'Lead-R',
    settings: [userId, apiToken],
    offerParameters: [param('leadr', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'leadbit',
    name: 'LeadBit',
    settings: [apiToken],
    offerParameters: [
      param(
        'leadbit',
        'stream hash (the four characters right after the domain in the stream link)',
        'хеш потока (четыре символа в поточной ссылке сразу после домена)',
      ),
      param(
        'leadsite',
        'domain of the landing chosen in the stream settings',
        'домен лендинга, выбранного в настройках потока',
      ),
    ],
    streamsRequired: false,
    postbacks: globalTail('&oid={sub1}&status={status}'),
  },
  {
    key: 'lagoon',
    name: 'Lagoon',
    settings: [apiToken, userId],
    offerParameters: [param('lagoon', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'leadreaktor',
    name: 'LeadReaktor',
    settings: [apiToken],
    offerParameters: [param('leadreaktor', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'leadrock',
    name: 'LeadRock',
    settings: [
      {
        key: 'api_key',
        label: 'Key: main token (from your account)',
        labelRu: 'Ключ: основной токен из личного кабинета',
        secret: true,
      },
      {
        key: 'api_secret',
        label: 'Secret: key for signing requests',
        labelRu: 'Секрет: ключ для генерации подписи запроса',
        secret: true,
      },
    ],
    offerParameters: [
      param(
        'leadrock',
        'full stream link, like https://leadrock.com/URL-XXXXX-XXXXX',
        'полная ссылка потока в виде https://leadrock.com/URL-XXXXX-XXXXX',
      ),
    ],
    streamsRequired: true,
    postbacks: {
      mode: 'tails',
      tails: [
        { status: 'approve', label: 'Одобрение', tail: '&oid={sub1}&status=approve' },
        { status: 'cancel', label: 'Отклонение', tail: '&oid={sub1}&status=cancel' },
        { status: 'trash', label: 'Треш', tail: '&oid={sub1}&status=trash' },
      ],
    },
    notes: `${STREAM_PER_OFFER}; take its URL from the stream settings. Leave the "Достижение" (goal reached) postback empty.`,
  },
  {
    key: 'leadtrade',
    name: 'LeadTrade',
    settings: [apiToken],
    offerParameters: [
      param('leadtrade', 'stream ID', 'идентификатор потока'),
      param('leadaim', 'goal ID, if needed', 'идентификатор цели, если требуется', true),
    ],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its hash from the stream settings.`,
  },
  {
    key: 'limonad',
    name: 'LimonAD',
    settings: [apiToken],
    offerParameters: [param('limonad', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: globalTail('&oid={clickid}&status={status}'),
    notes:
      'In the global postback, enable and name the statuses: confirmed leads "approve", ' +
      'payment "approve", rejected leads "cancel", trash leads "trash".',
  },
  {
    key: 'luckyonline',
    name: 'LuckyOnline',
    settings: [apiToken],
    offerParameters: [param('lucky', 'stream ID (hash)', 'идентификатор потока (хеш)')],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its hash from the stream settings.`,
  },
  {
    key: 'm1-shop',
    name: 'M1 Shop',
    settings: [userId, apiToken],
    offerParameters: [param('m1', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'marketcall',
    name: 'MarketCall',
    settings: [apiToken],
    offerParameters: [
      param('mcallc', 'channel key', 'ключ канала'),
      param('mcallp', 'program ID', 'идентификатор программы'),
    ],
    streamsRequired: false,
    postbacks: API,
    notes: 'To send leads by API, create a channel and wait until it is activated.',
  },
  {
    key: 'metacpa',
    name: 'MetaCPA',
    settings: [],
    offerParameters: [
      param('meta', 'stream ID', 'идентификатор потока'),
      param('metageo', 'geo ID', 'идентификатор гео'),
    ],
    streamsRequired: true,
    postbacks: {
      mode: 'tails',
      tails: [
        { status: 'approve', label: 'Аппрув', tail: 'oid={sub1}&status=approve&pay={payout}&cc={currency}' },
        { status: 'upsell', label: 'Апселл', tail: 'oid={sub1}&status=approve&pay={payout}&cc={currency}' },
        { status: 'cancel', label: 'Отмена', tail: 'oid={sub1}&status=cancel' },
      ],
    },
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings, and the ID of the country you send traffic to from its own section. The guide lists no integration settings.`,
  },
  {
    key: 'monadlead',
    name: 'MonadLead',
    settings: [apiToken],
    offerParameters: [param('monadlead', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: {
      mode: 'tails',
      tails: [
        { status: 'approve', label: 'Confirmed', tail: '&eid={click_id}&status=approve' },
        { status: 'cancel', label: 'Cancelled', tail: '&eid={click_id}&status=cancel' },
        { status: 'trash', label: 'Trash', tail: '&eid={click_id}&status=trash' },
      ],
    },
  },
  {
    key: 'money4leads',
    name: 'Money4Leads',
    settings: [userId, apiToken],
    offerParameters: [param('m4l', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'monsterleads',
    name: 'MonsterLeads',
    settings: [apiToken],
    offerParameters: [param('monster', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings.`,
  },
  {
    key: 'offerrum-ad1',
    name: 'Offerrum (AD1)',
    settings: [apiToken],
    offerParameters: [param('ad1', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: globalTail('&oid={sub1}&status={status}'),
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings.`,
  },
  {
    key: 'offersify',
    name: 'Offersify',
    settings: [userId, apiToken],
    offerParameters: [
      param('offersify', 'offer ID', 'идентификатор оффера'),
      param('offersifysite', 'site ID', 'идентификатор сайта'),
    ],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'omnicpa',
    name: 'OmniCPA',
    settings: [
      apiToken,
      {
        key: 'api_key',
        label: 'Key: secret token (from your account)',
        labelRu: 'Ключ: секретный токен из личного кабинета',
        secret: true,
      },
      {
        key: 'stream_id',
        label: 'Stream: ID of your traffic stream',
        labelRu: 'Поток: идентификатор вашего потока для трафика',
        secret: false,
      },
    ],
    offerParameters: [
      param('omni', 'offer ID', 'идентификатор оффера'),
      param('omnisp', 'special price, optional', 'специальная цена, необязательный параметр', true),
      param(
        'omnitype',
        'payment model (paid, confirmed or static), optional',
        'модель работы (paid, confirmed или static), необязательный параметр',
        true,
      ),
    ],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'pladomarket',
    name: 'PladoMarket',
    settings: [bearerToken],
    offerParameters: [param('plado', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'reklpro',
    name: 'ReklPro',
    settings: [apiToken],
    offerParameters: [param('reklpro', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'rocketprofit',
    name: 'RocketProfit',
    settings: [],
    offerParameters: [param('rocket', 'stream ID', 'идентификатор потока')],
    streamsRequired: true,
    postbacks: globalTail('&oid={sid1}&status={status}&pay={payout}&cc={currency}'),
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings. The guide lists no integration settings.`,
  },
  {
    key: 'shakes',
    name: 'Shakes',
    settings: [apiToken],
    offerParameters: [
      param('shakes', 'offer ID', 'идентификатор оффера'),
      param('shakesurl', 'offer landing URL', 'ссылка на лендинг оффера'),
    ],
    streamsRequired: false,
    postbacks: globalTail('&oid={sub1}&status={status}&stt=reject'),
  },
  {
    key: 'starway',
    name: 'Starway',
    settings: [apiToken],
    offerParameters: [
      param('starway', 'offer ID', 'идентификатор оффера'),
      param('starflow', 'stream ID (hash)', 'идентификатор потока (хеш)'),
    ],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its hash from the stream settings.`,
  },
  {
    key: 'tamyonetim-tamcrm',
    name: 'Tamyonetim / TamCRM',
    settings: [
      {
        key: 'api_key',
        label: 'API key provided by the advertiser',
        labelRu: 'API: ключ, предоставленный заказчиком',
        secret: true,
      },
      {
        key: 'user_id',
        label: 'User ID provided by the advertiser',
        labelRu: 'Пользователь: идентификатор пользователя, предоставленный заказчиком',
        secret: false,
      },
    ],
    offerParameters: [param('tamcrm', 'campaign_id', 'идентификатор campaign_id')],
    streamsRequired: false,
    postbacks: API,
    notes: 'API host: api.tamcrm.com.',
  },
  {
    key: 'terextrade',
    name: 'TerexTrade',
    settings: [apiToken],
    offerParameters: [param('terextrade', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: globalTail('&oid={click_id}&status={status}'),
  },
  {
    key: 'terraleads',
    name: 'TerraLeads',
    settings: [userId, apiToken],
    offerParameters: [param('terra', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'traffic-light',
    name: 'Traffic Light (T-Ligth, CPA.tl)',
    settings: [apiToken],
    offerParameters: [
      param('cpatl', 'offer ID', 'идентификатор оффера'),
      param('cpatls', 'stream ID', 'идентификатор потока'),
    ],
    streamsRequired: true,
    postbacks: API,
    notes: `${STREAM_PER_OFFER}; take its ID from the stream settings.`,
  },
  {
    key: 'traffury',
    name: 'Traffury',
    settings: [userId, apiToken],
    offerParameters: [
      param('tfuo', 'offer ID', 'идентификатор оффера'),
      param('tfuf', 'stream ID', 'идентификатор потока'),
    ],
    streamsRequired: false,
    postbacks: globalTail('&oid={lead.Sub1}&status={lead.Status}&stw=hold'),
  },
  {
    key: 'webvork',
    name: 'WebVork',
    settings: [apiToken],
    offerParameters: [param('webvork', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
  {
    key: 'whocpa',
    name: 'WhoCPA',
    settings: [userId, apiToken],
    offerParameters: [param('whocpa', 'offer ID', 'идентификатор оффера')],
    streamsRequired: false,
    postbacks: API,
  },
];

const BY_KEY = new Map(NETWORK_CATALOG.map((n) => [n.key, n]));

export function findNetwork(key: string): NetworkDefinition | undefined {
  return BY_KEY.get(key);
}
