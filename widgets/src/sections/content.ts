/** Lazy chunk: the program's content sections (contacts, news…), defined when the portal first shows one of them. */
import { define } from '../internal/base-element.ts';
import { KbContacts } from '../components/kb-contacts/kb-contacts.ts';
import { KbNews } from '../components/kb-news/kb-news.ts';
import { KbDocuments } from '../components/kb-documents/kb-documents.ts';

define('kb-contacts', KbContacts);
define('kb-news', KbNews);
define('kb-documents', KbDocuments);

export { KbContacts };
export { KbNews };
export { KbDocuments };
