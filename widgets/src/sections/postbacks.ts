/** Lazy chunk: postbacks (list, editor) and their delivery log; also loaded by a campaign's page for its postbacks. */
import { define } from '../internal/base-element.ts';
import { KbPostbacks } from '../components/kb-postbacks/kb-postbacks.ts';
import { KbPostbackEditor } from '../components/kb-postback-editor/kb-postback-editor.ts';
import { KbPostbackLog } from '../components/kb-postback-log/kb-postback-log.ts';

define('kb-postbacks', KbPostbacks);
define('kb-postback-editor', KbPostbackEditor);
define('kb-postback-log', KbPostbackLog);

export { KbPostbacks, KbPostbackEditor, KbPostbackLog };
