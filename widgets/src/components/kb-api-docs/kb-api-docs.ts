/**
 * `<kb-api-docs>`: the portal's Report API page (the seed's "API docs"): what the API is, a curl
 * command with this portal's API address and the user's own statistic token, the two endpoints
 * with the parameters this partner may use, the rate limit, the errors, and /openapi.json.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { StatisticToken } from '../../internal/account/account-types.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { routeContext } from '../../internal/contexts.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import type { ReportOptions } from '../../internal/statistics/statistics-types.ts';
import { renderErrors, renderReportParameters } from './api-docs-reference.ts';
import { apiDocsMessages, CALLS_PER_MINUTE, type ApiDocsKey } from './kb-api-docs.messages.ts';
import { apiDocsStyles } from './kb-api-docs.styles.ts';

const REPORT_PATH = '/api/customer/v1/partner/report';
/** What stands for the token when this portal may not read it (an embed without Security). */
const PLACEHOLDER = 'YOUR_TOKEN';

/**
 * The Report API documentation for the signed-in partner user: a copyable curl command with the
 * portal's API address and their statistic token (masked until shown; copying copies it in full;
 * without a token, a link to Security), `GET /api/customer/v1/partner/report` with the query
 * parameters, metrics, groupings and filter values this partner may use (their report attributes),
 * `GET …/report/attributes`, the per-token rate limit, the error answers and a link to /openapi.json.
 * Must sit inside `<kb-portal>` (it reads the portal's api, session and locale contexts).
 *
 * @event kb-open-section - "Create one in Security" was clicked; `detail: { section: 'security' }`. Inside
 *   `<kb-portal>` the portal opens Security; outside it the link's own `#/security` stays for the page.
 * @event kb-session-expired - A call answered 401; `<kb-portal>` renews or ends the session.
 *
 * @csspart heading - Section heading. @csspart subheading - A block's heading. @csspart hint - Help text.
 * @csspart panel - Each block (also `try`, `auth`, `report`, `attributes`, `limits`, `errors-panel`).
 * @csspart endpoint - An endpoint's method and URL.
 * @csspart token-row - The token with its buttons. @csspart token - The (masked) token.
 * @csspart command - The curl command. @csspart security-link - The link to the Security section.
 * @csspart params - A parameter list (also `errors`). @csspart param-name - A parameter's name (also `error-code`).
 * @csspart param-text - What it does. @csspart values - The values it takes. @csspart value - One value.
 * @csspart openapi - The /openapi.json line. @csspart openapi-link - Its link.
 * @csspart toolbar - An inline row. @csspart actions - A row of buttons.
 * @csspart button - Any button (also `reveal`, `copy-button`, `retry`). @csspart copy-status - "Copied" note.
 * @csspart status - Loading note. @csspart empty - The no-token note. @csspart error - An error.
 * @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Code backgrounds.
 * @cssproperty --kb-color-bg - Button background. @cssproperty --kb-color-link - Links.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Block corners. @cssproperty --kb-radius-small - Button corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-space-4 - Large gap. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbApiDocs extends AccountSection {
  static override styles = [accountSectionStyles, apiDocsStyles];
  static override properties = {
    options: { state: true },
    token: { state: true },
    loadError: { state: true },
    tokenError: { state: true },
    revealed: { state: true },
  };

  declare private options: ReportOptions | null;
  /** The user's token; 'unavailable' when this portal may not read it (an embed without Security). */
  declare private token: StatisticToken | 'unavailable' | null;
  declare private loadError: string | null;
  declare private tokenError: string | null;
  declare private revealed: boolean;
  private readonly route = new ContextConsumer(this, { context: routeContext, subscribe: true });

  constructor() {
    super();
    this.options = null;
    this.token = null;
    this.loadError = null;
    this.tokenError = null;
    this.revealed = false;
  }

  private m(key: ApiDocsKey, params?: MessageParams): string {
    return apiDocsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.options = null;
    this.token = null;
    this.loadError = null;
    this.tokenError = null;
    this.revealed = false;
    await Promise.all([
      // The session's twin of /report/attributes: the same service, the same answer.
      expectOk(api.client.v1.partner.reports.options.$get()).then(
        (options) => (this.options = options),
        (error: unknown) => (this.loadError = this.errorMessage(error)),
      ),
      expectOk(api.client.v1.partner.statistic_token.$get()).then(
        (token) => (this.token = token),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 403) this.token = 'unavailable';
          else this.tokenError = this.errorMessage(error);
        },
      ),
    ]);
  }

  /** The API's absolute address: curl runs outside the page, so a relative base is resolved here. */
  private base(): string {
    return new URL(this.api?.baseUrl || '/', location.href).href.replace(/\/+$/, '');
  }

  private command(token: string): string {
    const metrics = (this.options?.metrics ?? []).slice(0, 3).join(',');
    const query = `period=last_7_days&groupBy=day${metrics ? `&metrics=${metrics}` : ''}`;
    return `curl -H "Authorization: Bearer ${token}" \\\n  "${this.base()}${REPORT_PATH}?${query}"`;
  }

  private openSecurity = (event: Event): void => {
    if (this.route.value) event.preventDefault();
    this.emit('kb-open-section', { section: 'security' });
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const base = this.base();
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${this.renderTry()}
      <section part="panel auth" aria-labelledby="api-auth">
        <h3 part="subheading" id="api-auth">${this.m('auth.heading')}</h3>
        <p>${this.m('auth.text')}</p>
      </section>
      <section part="panel report" aria-labelledby="api-report">
        <h3 part="subheading" id="api-report">${this.m('report.heading')}</h3>
        <p part="endpoint"><code>GET ${base}${REPORT_PATH}</code></p>
        <p part="hint">${this.m('report.text')}</p>
        ${
          this.options
            ? renderReportParameters((k, p) => this.m(k, p), this.options)
            : this.loadError
              ? this.renderLoadError(`${this.m('loadError')} ${this.loadError}`)
              : this.renderLoading()
        }
      </section>
      <section part="panel attributes" aria-labelledby="api-attributes">
        <h3 part="subheading" id="api-attributes">${this.m('attributes.heading')}</h3>
        <p part="endpoint"><code>GET ${base}${REPORT_PATH}/attributes</code></p>
        <p part="hint">${this.m('attributes.text')}</p>
      </section>
      <section part="panel limits" aria-labelledby="api-limits">
        <h3 part="subheading" id="api-limits">${this.m('limits.heading')}</h3>
        <p>${this.m('limits.text', { count: CALLS_PER_MINUTE })}</p>
      </section>
      <section part="panel errors-panel" aria-labelledby="api-errors">
        <h3 part="subheading" id="api-errors">${this.m('errors.heading')}</h3>
        <p part="hint">${this.m('errors.text')}</p>
        ${renderErrors((k, p) => this.m(k, p))}
      </section>
      ${this.renderOpenApi(base)}`;
  }

  private renderOpenApi(base: string): TemplateResult {
    const url = `${base}/openapi.json`;
    return html`<p part="openapi">${this.m('openapi')}
      <a part="openapi-link" href=${url} target="_blank" rel="noopener">${url}</a></p>`;
  }

  private renderTry(): TemplateResult {
    const token = this.token;
    return html`<section part="panel try" aria-labelledby="api-try">
      <h3 part="subheading" id="api-try">${this.m('try.heading')}</h3>
      ${
        this.tokenError
          ? html`<div part="error" role="alert">${this.tokenError}</div>`
          : token === null
            ? this.renderLoading()
            : token === 'unavailable'
              ? html`<p part="hint">${this.m('try.unavailable')}</p>${this.renderCommand(PLACEHOLDER, PLACEHOLDER)}`
              : token.token
                ? this.renderToken(token.token)
                : html`<p part="empty">${this.m('try.none')}
                    <a part="security-link" href="#/security" @click=${this.openSecurity}>${this.m('try.create')}</a></p>`
      }
    </section>`;
  }

  private renderToken(value: string): TemplateResult {
    const shown = this.revealed ? value : mask(value);
    return html`<div part="toolbar token-row">
        <span part="label" id="api-token-label">${this.m('try.token')}</span>
        <code part="token" id="api-token-value" aria-labelledby="api-token-label">${shown}</code>
        <button part="button reveal" type="button" aria-controls="api-token-value api-command" aria-pressed=${this.revealed ? 'true' : 'false'}
          @click=${() => (this.revealed = !this.revealed)}>${this.revealed ? this.m('try.hide') : this.m('try.show')}</button>
        ${this.renderCopy('token', value, this.m('try.copyToken'))}
      </div>
      ${this.renderCommand(shown, value)}
      ${this.revealed ? nothing : html`<p part="hint">${this.m('try.masked')}</p>`}
      <p part="hint">${this.m('try.keep')}</p>`;
  }

  /** The command as shown (`shown`, the token masked or not) with a button that copies it with `real`. */
  private renderCommand(shown: string, real: string): TemplateResult {
    return html`<p part="label" id="api-command-label">${this.m('try.command')}</p>
      <pre part="command" id="api-command" aria-labelledby="api-command-label" tabindex="0"><code>${this.command(shown)}</code></pre>
      <div part="actions">${this.renderCopy('command', this.command(real), this.m('try.copyCommand'))}</div>`;
  }
}

/** Dots with the last four characters, as the Security section shows it. */
function mask(token: string): string {
  return `${'•'.repeat(12)}${token.slice(-4)}`;
}
