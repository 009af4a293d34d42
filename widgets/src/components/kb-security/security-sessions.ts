/** The "Active sessions" panel of `<kb-security>`: the user's sessions, terminate one or all others. */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { SessionInfo } from '../../internal/account/account-types.ts';
import type { SecurityPanelHost } from './security-panel-host.ts';
import { renderSessionsTable } from '../../internal/account/sessions-table.ts';

export class SessionsPanel {
  private sessions: SessionInfo[] | null = null;
  private loadError: string | null = null;
  private error: string | null = null;
  private notice: string | null = null;
  /** Session ids being terminated, plus 'others' while "terminate all other sessions" runs. */
  private readonly busy = new Set<string>();

  constructor(private readonly host: SecurityPanelHost) {}

  reset(): void {
    this.sessions = null;
    this.loadError = null;
    this.error = null;
    this.notice = null;
    this.busy.clear();
  }

  async load(api: ApiClient): Promise<void> {
    this.loadError = null;
    try {
      this.sessions = (await expectOk(api.client.v1.partner.sessions.$get())).data;
    } catch (error) {
      this.loadError = this.host.fail(error);
    }
    this.host.requestUpdate();
  }

  private async act(key: string, work: (api: ApiClient) => Promise<void>): Promise<void> {
    const api = this.host.api();
    if (!api || this.busy.has(key)) return;
    this.busy.add(key);
    this.error = null;
    this.notice = null;
    this.host.requestUpdate();
    try {
      await work(api);
    } catch (error) {
      this.error = this.host.fail(error);
    } finally {
      this.busy.delete(key);
      this.host.requestUpdate();
    }
  }

  private terminate = (session: SessionInfo) =>
    this.act(session.id, async (api) => {
      const { terminated } = await expectOk(
        api.client.v1.partner.sessions[':sessionId'].$delete({ param: { sessionId: session.id } }),
      );
      this.sessions = this.sessions?.filter((s) => s.id !== session.id) ?? null;
      this.notice = this.host.m('sessions.terminated', { count: terminated });
      // The row and its button are gone: keep keyboard focus inside the panel.
      this.host.focusAfterRender('[part~="sessions-heading"]');
    });

  private terminateOthers = () =>
    this.act('others', async (api) => {
      const { terminated } = await expectOk(api.client.v1.partner.sessions.terminate_others.$post());
      this.notice = this.host.m('sessions.terminated', { count: terminated });
      await this.load(api);
    });

  render(): TemplateResult {
    const { m } = this.host;
    const others = this.sessions?.filter((s) => !s.current).length ?? 0;
    return html`<section part="panel sessions-panel" aria-labelledby="sec-sessions-heading">
      <h3 part="subheading sessions-heading" id="sec-sessions-heading" tabindex="-1">${m('sessions.heading')}</h3>
      <p part="hint">${m('sessions.explain')}</p>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.error ?? this.loadError ?? nothing}</div>
      ${
        this.sessions === null
          ? this.loadError
            ? this.renderRetry()
            : html`<p part="status" role="status" aria-busy="true">${this.host.tc('loading')}</p>`
          : html`${renderSessionsTable(this.host, this.sessions, {
              label: m('sessions.heading'),
              isBusy: (id) => this.busy.has(id),
              onTerminate: this.terminate,
            })}
          <div part="actions">
            <button part="button danger terminate-others" type="button" ?disabled=${others === 0 || this.busy.has('others')}
              @click=${this.terminateOthers}>${m('sessions.terminateOthers')}</button>
          </div>`
      }
    </section>`;
  }

  private renderRetry(): TemplateResult {
    const retry = () => {
      const api = this.host.api();
      if (api) void this.load(api);
    };
    return html`<button part="button retry" type="button" @click=${retry}>${this.host.tc('retry')}</button>`;
  }
}
