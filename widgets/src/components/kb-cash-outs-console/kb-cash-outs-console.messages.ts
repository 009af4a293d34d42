/** Strings of `<kb-cash-outs-console>`, English and Russian: the list, its filters, the moves and the payment-run file. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Cash-outs',
  'intro':
    'Partners ask for cash-outs from their available balance; the amount is held until you decide. Pay them ' +
    'through your payment system, then mark each one paid with the payment’s reference, or cancel it to give ' +
    'the money back to the partner.',
  'missingApiBase': 'The console has no api-base: set it to your backend’s prefix that forwards to Kabinet.',
  'networkError': 'Kabinet could not be reached. Check the connection and try again.',
  'loading': 'Loading cash-outs…',
  'retry': 'Retry',
  'filters': 'Filter cash-outs',
  'state': 'State',
  'state.pending': 'Pending',
  'state.success': 'Paid',
  'state.cancelled': 'Cancelled',
  'state.refunded': 'Refunded',
  'state.all': 'All states',
  'partner': 'Partner',
  'anyPartner': 'All partners',
  'apply': 'Apply',
  'clearFilters': 'Show pending cash-outs',
  'count': { one: '{count} cash-out shown', other: '{count} cash-outs shown' },
  'empty': 'No cash-outs wait for payment. They appear here when partners ask to withdraw their balance.',
  'noMatch': 'No cash-outs match these filters.',
  'loadMore': 'Load more',
  'col.requested': 'Requested',
  'col.partner': 'Partner',
  'col.amount': 'Amount',
  'col.method': 'Method and account',
  'col.state': 'State',
  'col.reference': 'Reference',
  'col.actions': 'Actions',
  'cancelledBy.partner': 'by the partner',
  'cancelledBy.operator': 'by you',
  'noReference': '—',
  'do.pay': 'Mark paid',
  'do.cancel': 'Cancel',
  'do.refund': 'Refund',
  'doFor.pay': 'Mark paid: {amount} to {partner}',
  'doFor.cancel': 'Cancel: {amount} to {partner}',
  'doFor.refund': 'Refund: {amount} to {partner}',
  'dialog.pay': 'Mark the cash-out paid',
  'dialog.cancel': 'Cancel the cash-out?',
  'dialog.refund': 'Refund the cash-out?',
  'explain.pay':
    'Only after you have sent {amount} to {partner} ({method}, {account}). The held amount leaves the partner’s balance.',
  'explain.cancel':
    '{amount} goes back to {partner}’s available balance and will not be paid. The partner can ask for a new cash-out.',
  'explain.refund':
    'Use this when the payment of {amount} to {partner} came back. The amount returns to the partner’s available ' +
    'balance as a refund, and the partner can ask for it again.',
  'reference': 'Payment reference',
  'referenceHint': 'The transaction or batch ID your payment system gave this payment.',
  'referenceRequired': 'Enter the payment system’s reference.',
  'confirm.pay': 'Mark paid',
  'confirm.cancel': 'Yes, cancel it',
  'confirm.refund': 'Yes, refund it',
  'keep': 'Back',
  'done.pay': 'Cash-out to {partner} marked paid.',
  'done.cancel': 'Cash-out to {partner} cancelled: the amount is back in their available balance.',
  'done.refund': 'Cash-out to {partner} refunded: the amount is back in their available balance.',
  'conflict': 'This cash-out was changed by someone else — the list has been reloaded.',
  'download': 'Download CSV for the payment run',
  'downloading': 'Preparing the file…',
  'downloadHint':
    'The file lists the cash-outs of the current filters with each payee’s full payment details: keep it as safe ' +
    'as a bank file and delete it after the run.',
  'downloadReady': 'The file is ready.',
  'save': 'Save {file}',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Выплаты',
  'intro':
    'Партнёры заказывают выплаты из доступного баланса; сумма удерживается, пока вы не примете решение. ' +
    'Переведите деньги через вашу платёжную систему и отметьте выплату проведённой, указав номер платежа, ' +
    'или отмените её, чтобы вернуть деньги партнёру.',
  'missingApiBase': 'У консоли нет api-base: укажите префикс вашего бэкенда, который пересылает запросы в Kabinet.',
  'networkError': 'Нет связи с Kabinet. Проверьте подключение и попробуйте ещё раз.',
  'loading': 'Загружаем выплаты…',
  'retry': 'Повторить',
  'filters': 'Фильтр выплат',
  'state': 'Статус',
  'state.pending': 'Ожидает',
  'state.success': 'Выплачена',
  'state.cancelled': 'Отменена',
  'state.refunded': 'Возвращена',
  'state.all': 'Все статусы',
  'partner': 'Партнёр',
  'anyPartner': 'Все партнёры',
  'apply': 'Применить',
  'clearFilters': 'Показать ожидающие выплаты',
  'count': {
    one: 'Показана {count} выплата',
    few: 'Показаны {count} выплаты',
    many: 'Показано {count} выплат',
    other: 'Показано {count} выплаты',
  },
  'empty': 'Нет выплат, ожидающих перевода. Они появляются здесь, когда партнёры заказывают вывод баланса.',
  'noMatch': 'Нет выплат по этим фильтрам.',
  'loadMore': 'Показать ещё',
  'col.requested': 'Дата заказа',
  'col.partner': 'Партнёр',
  'col.amount': 'Сумма',
  'col.method': 'Способ и реквизиты',
  'col.state': 'Статус',
  'col.reference': 'Номер платежа',
  'col.actions': 'Действия',
  'cancelledBy.partner': 'партнёром',
  'cancelledBy.operator': 'вами',
  'noReference': '—',
  'do.pay': 'Отметить выплаченной',
  'do.cancel': 'Отменить',
  'do.refund': 'Вернуть',
  'doFor.pay': 'Отметить выплаченной: {amount} для {partner}',
  'doFor.cancel': 'Отменить: {amount} для {partner}',
  'doFor.refund': 'Вернуть: {amount} для {partner}',
  'dialog.pay': 'Отметить выплату проведённой',
  'dialog.cancel': 'Отменить выплату?',
  'dialog.refund': 'Вернуть выплату?',
  'explain.pay':
    'Только после того, как вы перевели {amount} партнёру {partner} ({method}, {account}). Удержанная сумма ' +
    'списывается с баланса партнёра.',
  'explain.cancel':
    '{amount} вернётся на доступный баланс партнёра {partner} и не будет выплачено. Партнёр сможет заказать новую выплату.',
  'explain.refund':
    'Для случая, когда платёж на {amount} партнёру {partner} вернулся. Сумма возвращается на доступный баланс ' +
    'партнёра как возврат, и партнёр сможет заказать её снова.',
  'reference': 'Номер платежа',
  'referenceHint': 'ID транзакции или пакета, который ваша платёжная система присвоила этому платежу.',
  'referenceRequired': 'Укажите номер платежа из платёжной системы.',
  'confirm.pay': 'Отметить выплаченной',
  'confirm.cancel': 'Да, отменить',
  'confirm.refund': 'Да, вернуть',
  'keep': 'Назад',
  'done.pay': 'Выплата партнёру {partner} отмечена проведённой.',
  'done.cancel': 'Выплата партнёру {partner} отменена: сумма вернулась на доступный баланс партнёра.',
  'done.refund': 'Выплата партнёру {partner} возвращена: сумма снова на доступном балансе партнёра.',
  'conflict': 'Эту выплату уже изменил кто-то другой — список обновлён.',
  'download': 'Скачать CSV для пакета выплат',
  'downloading': 'Готовим файл…',
  'downloadHint':
    'В файле выплаты по текущим фильтрам с полными платёжными реквизитами получателей: храните его как ' +
    'банковский файл и удалите после проведения выплат.',
  'downloadReady': 'Файл готов.',
  'save': 'Сохранить {file}',
} satisfies Record<string, Message>;

export type CashOutsConsoleKey = keyof typeof en;
export const cashOutsConsoleMessages = defineMessages({ en, ru });
