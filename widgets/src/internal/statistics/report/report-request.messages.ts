/**
 * Strings of requesting a report as a file (report-request.ts: the Request report form, its
 * confirmation, the too-slow fallback) and of a report question in words (question-words.ts),
 * English and Russian.
 */
import { defineMessages } from '../../i18n.ts';

const en = {
  'request': 'Request report',
  'request.heading': 'Request this report as a file',
  'request.hint':
    'The file is made in the background and kept on the Requested reports page; you get an e-mail when it is ready.',
  'request.name': 'Report name',
  'request.nameHint': 'Up to 100 characters.',
  'request.format': 'File format',
  'format.csv_zip': 'Zipped CSV (rows and totals)',
  'format.xlsx': 'XLSX (rows and totals on two sheets)',
  'request.submit': 'Request',
  'request.busy': 'Requesting…',
  'request.cancel': 'Cancel',
  'request.needName': 'Give the report a name.',
  'request.nameTooLong': 'At most 100 characters.',
  'request.done': '“{name}” is being prepared. We will e-mail {email} when it is ready.',
  'request.open': 'Open it in Requested reports',
  'slow.requesting':
    'This report is taking longer than {seconds}, so it is too big to show here. Requesting it as a file…',
  'slow.done':
    'This report is too big to show here (it took longer than {seconds}), so it is being prepared as a file (zipped CSV). We will e-mail {email} when it is ready.',
  'slow.failed': 'This report is too big to show here, and requesting it as a file failed: {reason}',
  'slow.retry': 'Request the file again',
  'words.by': '{period} by {groupings}',
  'words.totals': 'Totals of the period',
  'words.rates': '{currency} at the rates of {date}',
  'words.filter': '{name}: {values}',
  'words.parameter': '{name} ({parameter})',
};
type Key = keyof typeof en;

const ru: Record<Key, string> = {
  'request': 'Запросить отчёт',
  'request.heading': 'Запросить этот отчёт файлом',
  'request.hint':
    'Файл готовится в фоне и хранится на странице «Запрошенные отчёты»; когда он будет готов, придёт письмо.',
  'request.name': 'Название отчёта',
  'request.nameHint': 'До 100 символов.',
  'request.format': 'Формат файла',
  'format.csv_zip': 'CSV в ZIP-архиве (строки и итоги)',
  'format.xlsx': 'XLSX (строки и итоги на двух листах)',
  'request.submit': 'Запросить',
  'request.busy': 'Запрашиваем…',
  'request.cancel': 'Отмена',
  'request.needName': 'Дайте отчёту название.',
  'request.nameTooLong': 'Не больше 100 символов.',
  'request.done': '«{name}» готовится. Когда он будет готов, мы напишем на {email}.',
  'request.open': 'Открыть в запрошенных отчётах',
  'slow.requesting':
    'Отчёт строится дольше {seconds} — он слишком велик, чтобы показать его здесь. Запрашиваем его файлом…',
  'slow.done':
    'Этот отчёт слишком велик, чтобы показать его здесь (он строился дольше {seconds}), поэтому он готовится файлом (CSV в ZIP-архиве). Когда он будет готов, мы напишем на {email}.',
  'slow.failed': 'Этот отчёт слишком велик, чтобы показать его здесь, а запросить его файлом не удалось: {reason}',
  'slow.retry': 'Запросить файл ещё раз',
  'words.by': '{period}, группировка: {groupings}',
  'words.totals': 'Итоги за период',
  'words.rates': '{currency} по курсам на {date}',
  'words.filter': '{name}: {values}',
  'words.parameter': '{name} ({parameter})',
};

export type RequestKey = Key;
export const requestMessages = defineMessages<Key>({ en, ru });
