/** Lazy chunk: the program's content sections (contacts…), defined when the portal first shows one of them. */
import { define } from '../internal/base-element.ts';
import { KbContacts } from '../components/kb-contacts/kb-contacts.ts';

define('kb-contacts', KbContacts);

export { KbContacts };
