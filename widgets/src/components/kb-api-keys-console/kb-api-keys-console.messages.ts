/** Strings of `<kb-api-keys-console>` (the operator's secret API keys), English and Russian. */
import { defineMessages } from '../../internal/i18n.ts';

const en = {
  'heading': 'API keys',
  'intro':
    'Secret keys let your own backend call the Kabinet API for this program with full power. Keep them on servers only, never in a web page or an app.',
  'loading': 'Loading…',
  'retry': 'Try again',
  'network': 'No answer from the server. Check the connection and try again.',
  'signedOut': 'Sign in as a staff owner to manage API keys.',
  'ownerOnly': 'Only an owner may see and manage API keys; your role may not.',
  'keys': 'API keys',
  'empty': 'No API keys yet.',
  'emptyHint': 'Create one for each system that calls the API, so you can revoke one without the others.',
  'col.name': 'Name',
  'col.prefix': 'Starts with',
  'col.created': 'Created',
  'col.lastUsed': 'Last used',
  'col.status': 'Status',
  'col.actions': 'Actions',
  'never': 'Never',
  'status.active': 'Active',
  'status.revoked': 'Revoked {date}',
  'actionLabel': '{action}: {name}',
  'rotate': 'Rotate',
  'revoke': 'Revoke',
  'cancel': 'Cancel',
  'confirm.revoke':
    'Revoke “{name}”? Requests with it are refused from the next one, and this cannot be undone. The key stays in the list as revoked.',
  'confirm.rotate':
    'Rotate “{name}”? You get a new secret under the same name, and the current secret stops working at ' +
    'once: there is no grace period. Put the new secret in place right after.',
  'revoked': '“{name}” is revoked: it no longer works.',
  'create.heading': 'Create a key',
  'create.name': 'Name',
  'create.nameHint': 'What uses it, e.g. “Backoffice sync”.',
  'create.submit': 'Create the key',
  'create.sending': 'Creating…',
  'fixFields': 'Check the highlighted fields.',
  'secret.created': 'The key “{name}” is created.',
  'secret.rotated':
    'The key “{name}” has a new secret. The old secret stopped working at once; the old key stays listed as revoked.',
  'secret.label': 'Secret of “{name}”',
  'secret.once': 'Copy it now: you will not see it again. Kabinet keeps only a fingerprint of it.',
  'secret.copy': 'Copy',
  'secret.copied': 'Copied.',
  'secret.copyFailed': 'Could not copy: select the text and copy it yourself.',
  'secret.done': 'Done, I have copied it',
};

const ru: Record<keyof typeof en, string> = {
  'heading': 'API-ключи',
  'intro':
    'Секретные ключи дают вашему серверу полный доступ к API Kabinet для этой программы. Храните их ' +
    'только на серверах, никогда на веб-странице или в приложении.',
  'loading': 'Загрузка…',
  'retry': 'Повторить',
  'network': 'Сервер не ответил. Проверьте соединение и попробуйте ещё раз.',
  'signedOut': 'Войдите как владелец, чтобы управлять API-ключами.',
  'ownerOnly': 'Видеть API-ключи и управлять ими может только владелец; вашей роли это недоступно.',
  'keys': 'API-ключи',
  'empty': 'API-ключей пока нет.',
  'emptyHint':
    'Создайте отдельный ключ для каждой системы, которая вызывает API: тогда один можно отозвать, не трогая другие.',
  'col.name': 'Название',
  'col.prefix': 'Префикс',
  'col.created': 'Создан',
  'col.lastUsed': 'Использован',
  'col.status': 'Состояние',
  'col.actions': 'Действия',
  'never': 'Ни разу',
  'status.active': 'Действует',
  'status.revoked': 'Отозван {date}',
  'actionLabel': '{action}: {name}',
  'rotate': 'Заменить',
  'revoke': 'Отозвать',
  'cancel': 'Отмена',
  'confirm.revoke':
    'Отозвать «{name}»? Запросы с ним будут отклоняться начиная со следующего, отменить это нельзя. Ключ останется в списке как отозванный.',
  'confirm.rotate':
    'Заменить секрет «{name}»? Вы получите новый секрет под тем же названием, а текущий перестанет ' +
    'работать сразу, без переходного периода. Сразу установите новый.',
  'revoked': '«{name}» отозван и больше не работает.',
  'create.heading': 'Создать ключ',
  'create.name': 'Название',
  'create.nameHint': 'Что его использует, например «Синхронизация бэк-офиса».',
  'create.submit': 'Создать ключ',
  'create.sending': 'Создание…',
  'fixFields': 'Проверьте отмеченные поля.',
  'secret.created': 'Ключ «{name}» создан.',
  'secret.rotated':
    'У ключа «{name}» новый секрет. Старый секрет сразу перестал работать; прежний ключ остаётся в списке как отозванный.',
  'secret.label': 'Секрет «{name}»',
  'secret.once': 'Скопируйте его сейчас: больше вы его не увидите. Kabinet хранит только его отпечаток.',
  'secret.copy': 'Копировать',
  'secret.copied': 'Скопировано.',
  'secret.copyFailed': 'Не удалось скопировать: выделите текст и скопируйте вручную.',
  'secret.done': 'Готово, я скопировал',
};

export const apiKeysConsoleMessages = defineMessages({ en, ru });
export type ApiKeysConsoleKey = keyof typeof en;
