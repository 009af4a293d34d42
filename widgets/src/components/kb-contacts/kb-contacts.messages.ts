/** Strings of `<kb-contacts>` (the partner's Contacts section), English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Contacts',
  'manager.heading': 'Your manager',
  'manager.none': 'No personal manager is assigned to you yet. For any question, write to the program’s support below.',
  'manager.noneAtAll': 'No personal manager is assigned to you yet. For any question, write to {email}.',
  'manager.noneNoSupport':
    'No personal manager is assigned to you yet, and the program has not published its support contacts.',
  'manager.languages': 'Speaks {languages}',
  'support.heading': 'Support',
  'support.program': 'All brands',
  'support.programHint': 'For brands without contacts of their own.',
  'support.none': 'The program has not published its support contacts yet.',
  'email': 'E-mail',
  'messengers': 'Messengers',
  'hours': 'Working hours',
  'note': 'Note',
  'kind.telegram': 'Telegram',
  'kind.whatsapp': 'WhatsApp',
  'kind.skype': 'Skype',
  'kind.other': 'Other',
  'newTab': '(opens in a new tab)',
  'photoAlt': 'Photo of {name}',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Контакты',
  'manager.heading': 'Ваш менеджер',
  'manager.none': 'Персональный менеджер вам пока не назначен. По любым вопросам пишите в поддержку программы ниже.',
  'manager.noneAtAll': 'Персональный менеджер вам пока не назначен. По любым вопросам пишите на {email}.',
  'manager.noneNoSupport':
    'Персональный менеджер вам пока не назначен, а программа ещё не опубликовала контакты поддержки.',
  'manager.languages': 'Языки: {languages}',
  'support.heading': 'Поддержка',
  'support.program': 'Все бренды',
  'support.programHint': 'Для брендов без собственных контактов.',
  'support.none': 'Программа ещё не опубликовала контакты поддержки.',
  'email': 'Эл. почта',
  'messengers': 'Мессенджеры',
  'hours': 'Часы работы',
  'note': 'Примечание',
  'kind.telegram': 'Telegram',
  'kind.whatsapp': 'WhatsApp',
  'kind.skype': 'Skype',
  'kind.other': 'Другое',
  'newTab': '(откроется в новой вкладке)',
  'photoAlt': 'Фото: {name}',
};

export const contactsMessages = defineMessages({ en, ru });
export type ContactsKey = keyof typeof en;
