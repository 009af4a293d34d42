/**
 * What each email says, in English and Russian. Templates return plain strings; layout.ts
 * escapes them and wraps them in the operator's branding, so no template writes markup.
 */
import {
  formatDuration,
  plural,
  renderLayout,
  type MailBranding,
  type MailContent,
  type MailLocale,
  type RenderedMail,
} from './layout.ts';

export { escapeHtml, MAIL_LOCALES, type MailBranding, type MailLocale, type RenderedMail } from './layout.ts';

/** The params each template takes: `renderMail` and `sendMail` check them per template name. */
export interface MailTemplates {
  /** An operator staff user was invited to the console: a single-use link sets the password. */
  staff_invite: { inviterName: string; name: string; role: string; link: string; expiresInHours: number };
  /** A new team member sets their password through a single-use link. */
  invite: { inviterName: string; partnerName: string; link: string; expiresInHours: number };
  /** Too many failed sign-ins locked the account; a single-use link unlocks it. */
  unlock: { link: string; expiresInHours: number; failedAttempts: number };
  password_reset: { link: string; expiresInHours: number };
  /** The application is stored and waits for the operator's decision. */
  signed_up: { partnerName: string };
  partner_approved: { partnerName: string; link: string };
  partner_rejected: { partnerName: string };
  /** A requested report's file is built: the link opens its page in the portal; the file is kept `expiresInDays`. */
  report_ready: { reportName: string; link: string; expiresInDays: number };
  /** A news article was published: its title and excerpt, and a link to it in the portal. */
  news_published: { title: string; excerpt: string; link: string };
  /** The operator reviewed a partner's document: a declined one always has the reviewer's comment ('' when none). */
  document_reviewed: { fileName: string; decision: 'approved' | 'declined'; comment: string; link: string };
}

export type MailTemplateName = keyof MailTemplates;
export const MAIL_TEMPLATE_NAMES = [
  'staff_invite',
  'invite',
  'unlock',
  'password_reset',
  'signed_up',
  'partner_approved',
  'partner_rejected',
  'report_ready',
  'news_published',
  'document_reviewed',
] as const satisfies readonly MailTemplateName[];

type Write<P> = (params: P, operator: string) => MailContent;
type Catalogue = { [T in MailTemplateName]: Record<MailLocale, Write<MailTemplates[T]>> };

const STAFF_ROLE_WORDS = {
  en: { owner: 'owner', manager: 'manager', finance: 'finance', viewer: 'viewer' },
  ru: { owner: 'владелец', manager: 'менеджер', finance: 'финансист', viewer: 'наблюдатель' },
} as const;
const staffRole = (locale: MailLocale, role: string) =>
  STAFF_ROLE_WORDS[locale][role as keyof (typeof STAFF_ROLE_WORDS)['en']] ?? role;

const TEMPLATES: Catalogue = {
  staff_invite: {
    en: (p, operator) => ({
      subject: `${p.inviterName} invited you to the ${operator} partner program console`,
      heading: 'Set your console password',
      paragraphs: [
        `Hello ${p.name}, ${p.inviterName} has added you to the ${operator} partner program console as ${staffRole('en', p.role)}.`,
        'Choose a password; at your first sign-in you will set up an authenticator app, which the console requires.',
      ],
      action: { label: 'Set password', url: p.link },
      notes: [
        `The link works once and expires in ${formatDuration('en', p.expiresInHours)}.`,
        'If you were not expecting this invitation, you can ignore this email.',
      ],
    }),
    ru: (p, operator) => ({
      subject: `${p.inviterName} приглашает вас в консоль партнёрской программы ${operator}`,
      heading: 'Задайте пароль для консоли',
      paragraphs: [
        `Здравствуйте, ${p.name}! ${p.inviterName} добавил(а) вас в консоль партнёрской программы ${operator}, роль: ${staffRole('ru', p.role)}.`,
        'Задайте пароль; при первом входе вы подключите приложение-аутентификатор — консоль требует его.',
      ],
      action: { label: 'Задать пароль', url: p.link },
      notes: [
        `Ссылка действует один раз, срок — ${formatDuration('ru', p.expiresInHours)}.`,
        'Если вы не ждали приглашения, просто проигнорируйте это письмо.',
      ],
    }),
  },
  invite: {
    en: (p, operator) => ({
      subject: `${p.inviterName} invited you to join ${p.partnerName} on ${operator}`,
      heading: 'Set up your password',
      paragraphs: [
        `${p.inviterName} has added you to the ${p.partnerName} team in the ${operator} partner program.`,
        'Choose a password to activate your account.',
      ],
      action: { label: 'Set up password', url: p.link },
      notes: [
        `The link works once and expires in ${formatDuration('en', p.expiresInHours)}.`,
        'If you were not expecting this invitation, you can ignore this email.',
      ],
    }),
    ru: (p, operator) => ({
      subject: `${p.inviterName} приглашает вас в команду «${p.partnerName}» — ${operator}`,
      heading: 'Задайте пароль',
      paragraphs: [
        `${p.inviterName} приглашает вас в команду «${p.partnerName}» в партнёрской программе ${operator}.`,
        'Чтобы активировать учётную запись, придумайте пароль.',
      ],
      action: { label: 'Задать пароль', url: p.link },
      notes: [
        `Ссылка одноразовая и действует ${formatDuration('ru', p.expiresInHours)}.`,
        'Если вы не ждали приглашения, просто проигнорируйте это письмо.',
      ],
    }),
  },
  unlock: {
    en: (p, operator) => ({
      subject: `Your ${operator} account is locked`,
      heading: 'Your account is locked',
      paragraphs: [
        `We locked your account after ${plural('en', p.failedAttempts, { one: 'failed sign-in attempt', other: 'failed sign-in attempts' })}, to protect it from password guessing.`,
        'If that was you, unlock your account with the button below. If it was not, unlock ' +
          'it and change your password straight away.',
      ],
      action: { label: 'Unlock account', url: p.link },
      notes: [`The link works once and expires in ${formatDuration('en', p.expiresInHours)}.`],
    }),
    ru: (p, operator) => ({
      subject: `Вход в ${operator} заблокирован`,
      heading: 'Учётная запись заблокирована',
      paragraphs: [
        `Мы заблокировали вход после ${plural('ru', p.failedAttempts, { one: 'неудачной попытки', other: 'неудачных попыток' })} войти — так мы защищаем учётную запись от подбора пароля.`,
        'Если это были вы, снимите блокировку кнопкой ниже. Если нет — снимите блокировку и сразу смените пароль.',
      ],
      action: { label: 'Разблокировать', url: p.link },
      notes: [`Ссылка одноразовая и действует ${formatDuration('ru', p.expiresInHours)}.`],
    }),
  },
  password_reset: {
    en: (p, operator) => ({
      subject: `Reset your ${operator} password`,
      heading: 'Reset your password',
      paragraphs: [
        'We received a request to reset the password for your account. Choose a new password with the button below.',
        'When you set it, you will be signed out everywhere: all active sessions end.',
      ],
      action: { label: 'Choose a new password', url: p.link },
      notes: [
        `The link works once and expires in ${formatDuration('en', p.expiresInHours)}.`,
        'If you did not ask for this, ignore this email: your password stays the same.',
      ],
    }),
    ru: (p, operator) => ({
      subject: `Сброс пароля — ${operator}`,
      heading: 'Сброс пароля',
      paragraphs: [
        'Мы получили запрос на сброс пароля к вашей учётной записи. Задать новый пароль можно кнопкой ниже.',
        'После смены пароля все активные сеансы завершатся — войти придётся заново на всех устройствах.',
      ],
      action: { label: 'Задать новый пароль', url: p.link },
      notes: [
        `Ссылка одноразовая и действует ${formatDuration('ru', p.expiresInHours)}.`,
        'Если вы не запрашивали сброс, просто проигнорируйте письмо — пароль останется прежним.',
      ],
    }),
  },
  signed_up: {
    en: (p, operator) => ({
      subject: `We have received your application to ${operator}`,
      heading: 'Application received',
      paragraphs: [
        `Thank you for applying to the ${operator} partner program. We have received the application for ${p.partnerName}, and our team will review it shortly.`,
        'We will email you as soon as your account is approved.',
      ],
    }),
    ru: (p, operator) => ({
      subject: `Заявка в ${operator} получена`,
      heading: 'Заявка получена',
      paragraphs: [
        `Спасибо за интерес к партнёрской программе ${operator}! Мы получили заявку «${p.partnerName}», и наша команда скоро её рассмотрит.`,
        'Как только учётную запись одобрят, мы сообщим вам по почте.',
      ],
    }),
  },
  partner_approved: {
    en: (p, operator) => ({
      subject: `Your ${operator} account is approved`,
      heading: 'Welcome aboard!',
      paragraphs: [
        `Good news: the ${p.partnerName} account in the ${operator} partner program has been approved.`,
        'You can sign in and start working right away.',
      ],
      action: { label: 'Sign in', url: p.link },
    }),
    ru: (p, operator) => ({
      subject: `Учётная запись в ${operator} одобрена`,
      heading: 'Добро пожаловать!',
      paragraphs: [
        `Хорошие новости: учётная запись «${p.partnerName}» в партнёрской программе ${operator} одобрена.`,
        'Можно входить и начинать работу.',
      ],
      action: { label: 'Войти', url: p.link },
    }),
  },
  partner_rejected: {
    en: (p, operator) => ({
      subject: `Your application to ${operator}`,
      heading: 'Application declined',
      paragraphs: [
        `Thank you for your interest in the ${operator} partner program. Unfortunately, we cannot approve the application for ${p.partnerName} at this time.`,
      ],
    }),
    ru: (p, operator) => ({
      subject: `Ваша заявка в ${operator}`,
      heading: 'Заявка отклонена',
      paragraphs: [
        `Спасибо за интерес к партнёрской программе ${operator}. К сожалению, сейчас мы не можем одобрить заявку «${p.partnerName}».`,
      ],
    }),
  },
  report_ready: {
    en: (p, operator) => ({
      subject: `Your report “${p.reportName}” is ready — ${operator}`,
      heading: 'Your report is ready',
      paragraphs: [
        `The report “${p.reportName}” you requested in the ${operator} partner portal is ready.`,
        'Open its page to download the file.',
      ],
      action: { label: 'Open the report', url: p.link },
      notes: [
        `The file is kept for ${plural('en', p.expiresInDays, { one: 'day', other: 'days' })}; after that, request the report again.`,
      ],
    }),
    ru: (p, operator) => ({
      subject: `Отчёт «${p.reportName}» готов — ${operator}`,
      heading: 'Отчёт готов',
      paragraphs: [
        `Отчёт «${p.reportName}», который вы запросили в партнёрском кабинете ${operator}, готов.`,
        'Скачать файл можно на странице отчёта.',
      ],
      action: { label: 'Открыть отчёт', url: p.link },
      notes: [
        `Файл хранится ${plural('ru', p.expiresInDays, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })}, потом отчёт нужно запросить заново.`,
      ],
    }),
  },
  news_published: {
    en: (p, operator) => ({
      subject: `${p.title} — ${operator}`,
      heading: p.title,
      paragraphs: [p.excerpt],
      action: { label: 'Read the news', url: p.link },
      notes: ['You get this e-mail because news e-mails are on in your profile; turn them off there any time.'],
    }),
    ru: (p, operator) => ({
      subject: `${p.title} — ${operator}`,
      heading: p.title,
      paragraphs: [p.excerpt],
      action: { label: 'Читать новость', url: p.link },
      notes: ['Это письмо пришло, потому что в профиле включены письма о новостях; отключить их можно там же.'],
    }),
  },
  document_reviewed: {
    en: (p, operator) => ({
      subject: `Your document “${p.fileName}” was ${p.decision} — ${operator}`,
      heading: p.decision === 'approved' ? 'Document approved' : 'Document declined',
      paragraphs:
        p.decision === 'approved'
          ? [
              `${operator} has checked “${p.fileName}” and approved it.`,
              ...(p.comment ? [`Comment: ${p.comment}`] : []),
            ]
          : [
              `${operator} could not accept “${p.fileName}”.`,
              `Reason: ${p.comment}`,
              'You can upload a new document in the Documents section of your partner account.',
            ],
      action: { label: 'Open documents', url: p.link },
    }),
    ru: (p, operator) => ({
      subject: `Документ «${p.fileName}» ${p.decision === 'approved' ? 'одобрен' : 'отклонён'} — ${operator}`,
      heading: p.decision === 'approved' ? 'Документ одобрен' : 'Документ отклонён',
      paragraphs:
        p.decision === 'approved'
          ? [
              `Партнёрская программа ${operator} проверила документ «${p.fileName}» и одобрила его.`,
              ...(p.comment ? [`Комментарий: ${p.comment}`] : []),
            ]
          : [
              `Партнёрская программа ${operator} не может принять документ «${p.fileName}».`,
              `Причина: ${p.comment}`,
              'Новый документ можно загрузить в разделе «Документы» вашего кабинета.',
            ],
      action: { label: 'Открыть документы', url: p.link },
    }),
  },
};

/**
 * Renders one email in the recipient's language with the operator's branding. Throws if a link
 * is not http(s).
 */
export function renderMail<T extends MailTemplateName>(
  template: T,
  locale: MailLocale,
  params: MailTemplates[T],
  branding: MailBranding,
): RenderedMail {
  const write = TEMPLATES[template][locale] as Write<MailTemplates[T]>;
  return renderLayout(write(params, branding.displayName), branding, locale);
}
