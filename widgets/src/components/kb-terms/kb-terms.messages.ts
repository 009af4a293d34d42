/** Strings of `<kb-terms>` (the program's terms and conditions), English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Terms and conditions',
  'gateHeading': 'New terms',
  'gateIntro': 'The program has published new terms. Read them and accept them to continue.',
  'version': 'Version {version}',
  'publishedOn': 'Published {date}',
  'changes': 'What changed',
  'acceptedOn': 'Accepted on {date}',
  'notAccepted': 'You have not accepted this version.',
  'accept': 'I accept these terms',
  'accepting': 'Accepting…',
  'signOut': 'Sign out',
  'none': 'The program has not published terms.',
  'history': 'All versions',
  'current': 'Current',
  'never': 'Not accepted',
  'back': 'Back to the current terms',
  'missing': 'This version is not available.',
  'stale': 'The terms changed while you were reading: here is the new version.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Условия и правила',
  'gateHeading': 'Новые условия',
  'gateIntro': 'Программа опубликовала новые условия. Прочитайте и примите их, чтобы продолжить.',
  'version': 'Версия {version}',
  'publishedOn': 'Опубликовано {date}',
  'changes': 'Что изменилось',
  'acceptedOn': 'Приняты {date}',
  'notAccepted': 'Вы не принимали эту версию.',
  'accept': 'Я принимаю эти условия',
  'accepting': 'Принимаем…',
  'signOut': 'Выйти',
  'none': 'Программа не публиковала условия.',
  'history': 'Все версии',
  'current': 'Текущая',
  'never': 'Не приняты',
  'back': 'К текущим условиям',
  'missing': 'Эта версия недоступна.',
  'stale': 'Условия изменились, пока вы читали: вот новая версия.',
};

export const termsMessages = defineMessages({ en, ru });
export type TermsKey = keyof typeof en;
