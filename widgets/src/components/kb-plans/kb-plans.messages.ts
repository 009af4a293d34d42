/** Strings of `<kb-plans>`, English and Russian: the heading, plan kinds, badges and the empty state. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Plans',
  'intro':
    'The commission plans you can put your campaigns on: the terms in effect today and any change already scheduled.',
  'kind.cpa': 'CPA',
  'kind.revshare': 'RevShare',
  'kind.hybrid': 'Hybrid',
  'kind.cpl': 'CPL',
  'individual': 'Individual',
  'default': 'Default',
  'kindLabel': 'Plan type',
  'empty': 'You have no commission plans.',
  'emptyHint':
    'The program has no default plan and none has been assigned to you. Your manager can assign you a plan; it will be listed here with its terms.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Планы',
  'intro':
    'Планы вознаграждения, на которых можно вести кампании: условия, действующие сегодня, и уже запланированные изменения.',
  'kind.cpa': 'CPA',
  'kind.revshare': 'RevShare',
  'kind.hybrid': 'Гибрид',
  'kind.cpl': 'CPL',
  'individual': 'Индивидуальный',
  'default': 'По умолчанию',
  'kindLabel': 'Тип плана',
  'empty': 'У вас нет планов вознаграждения.',
  'emptyHint':
    'В программе нет плана по умолчанию, и вам не назначен ни один план. Менеджер может назначить вам план — он появится здесь вместе с условиями.',
};

export const plansMessages = defineMessages({ en, ru });
export type PlansKey = keyof typeof en;
