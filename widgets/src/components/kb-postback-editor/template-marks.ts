/**
 * Pure helpers of the postback editor: where a template problem is (the server names a start
 * position only, so the marked range is the token starting there), the server's 422 messages
 * (`at 23: …`) as problems, and inserting a macro over the field's selection.
 */
import type { FieldError } from '../../internal/api-client.ts';
import type { Locale } from '../../internal/i18n.ts';
import type { TemplateProblem } from '../../internal/postback/postback-types.ts';
import { fieldProblemMessage, templateProblemOf } from '../../internal/problem-messages.ts';

/**
 * The characters a problem at `position` is about: a macro-like token (`${x}`, `$[x]`, `{x}`,
 * `$x`), else the URL piece up to the next `/ ? & #` (a host, a scheme, a misplaced parameter).
 * A position at the very end (a warning about the whole URL) gives an empty range there.
 */
export function problemRange(url: string, position: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(Math.trunc(position), url.length));
  const rest = url.slice(start);
  const token = /^(?:\$\{[^}]*\}?|\$\[[^\]]*\]?|\{[^}]*\}|\$[A-Za-z_]\w*|[^/?&#]+)/.exec(rest)?.[0] ?? rest.slice(0, 1);
  return { start, end: start + token.length };
}

/**
 * The URL's problems from a 422 (`errors[]` with path `body.url`): a template problem keeps its
 * code, values and position (`invalid_template`), any other reason is worded in `locale`.
 */
export function problemsFromErrors(errors: readonly FieldError[], locale: Locale): TemplateProblem[] {
  return errors
    .filter((e) => e.path === 'body.url')
    .map((e) => {
      if (e.reason === 'invalid_template' && e.params?.problem) return templateProblemOf(e);
      // A server without reasons: its messages say `at <position>: <text>`.
      const at = e.reason ? null : /^at (\d+):\s*([\s\S]*)$/.exec(e.message);
      return at
        ? { position: Number(at[1]), severity: 'error' as const, message: at[2]! }
        : { position: 0, severity: 'error' as const, message: fieldProblemMessage(locale, e) };
    });
}

/** `value` with `${name}` replacing [start, end); the caret goes right after the insertion. */
export function insertMacro(value: string, start: number, end: number, name: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  const text = `\${${name}}`;
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}

export const hasErrors = (problems: readonly TemplateProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');
