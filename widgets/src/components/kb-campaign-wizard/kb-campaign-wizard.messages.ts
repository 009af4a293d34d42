/** Strings of `<kb-campaign-wizard>`, English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Create a campaign',
  'headingPromo': 'Add a promo',
  'step': 'Step {n} of {total}: {name}',
  'step.1': 'Campaign',
  'step.2': 'Landing and traffic source',
  'step.3': 'Banner and promo',
  'choose': 'Choose…',
  'more': 'More',
  'noLandings': 'No landings for this audience.',
  'noSubLandings': 'No sub-affiliate landings: the plan does not support sub-affiliates, or the program has none.',
  'noSource': 'None (set it later)',
  'promoCodeHint': 'Optional: 3–40 letters, digits, _ or -.',
  'promoCodeFormat': 'Use 3–40 letters, digits, _ or -.',
  'pickCreative': 'Choose a banner or the direct link.',
  'tooLong': 'At most 120 characters.',
  'back': 'Back',
  'next': 'Next',
  'finish': 'Finish',
  'creating': 'Creating…',
  'fix': 'Please correct the highlighted fields.',
  'campaignSaved': 'The campaign is saved; correct the promo and press Finish again.',
  'done': 'Your tracking link is ready',
  'doneHint': 'Paste the link (or the HTML code) on your site to start promoting.',
  'open': 'Open campaign',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Новая кампания',
  'headingPromo': 'Новое промо',
  'step': 'Шаг {n} из {total}: {name}',
  'step.1': 'Кампания',
  'step.2': 'Лендинг и источник трафика',
  'step.3': 'Баннер и промо',
  'choose': 'Выберите…',
  'more': 'Подробнее',
  'noLandings': 'Для этой аудитории лендингов нет.',
  'noSubLandings': 'Лендингов для субпартнёров нет: план их не поддерживает или в программе их нет.',
  'noSource': 'Не указан (можно задать позже)',
  'promoCodeHint': 'Необязательно: 3–40 латинских букв, цифр, _ или -.',
  'promoCodeFormat': 'Используйте 3–40 латинских букв, цифр, _ или -.',
  'pickCreative': 'Выберите баннер или прямую ссылку.',
  'tooLong': 'Не больше 120 символов.',
  'back': 'Назад',
  'next': 'Далее',
  'finish': 'Готово',
  'creating': 'Создаём…',
  'fix': 'Исправьте отмеченные поля.',
  'campaignSaved': 'Кампания сохранена; исправьте промо и нажмите «Готово» ещё раз.',
  'done': 'Трекинговая ссылка готова',
  'doneHint': 'Разместите ссылку (или HTML-код) на своём сайте, чтобы начать продвижение.',
  'open': 'Открыть кампанию',
};

export const wizardMessages = defineMessages({ en, ru });
export type WizardKey = keyof typeof en;
