/**
 * Deleting a schedule, inline under its row (not a browser dialog, which an embedding page may
 * block): the question names the account and currency, and the answer carries a fresh 2FA code.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { codeField, codeMessage, codeProblem, type ScheduleHost } from './schedule-host.ts';
import { accountWords, isSecondFactorShape, type CashOutSchedule } from './schedule-words.ts';

export class DeleteSchedule {
  /** The schedule whose question is open. */
  openId: string | null = null;
  private busy = false;
  private error: string | null = null;
  private codeError: string | null = null;

  constructor(private readonly host: ScheduleHost) {}

  reset(): void {
    Object.assign(this, { openId: null, busy: false, error: null, codeError: null });
  }

  readonly open = (schedule: CashOutSchedule): void => {
    this.reset();
    this.openId = schedule.id;
    this.host.focusAfterRender(`#sch-delete-code-${schedule.id}`);
  };

  private readonly cancel = (): void => {
    const id = this.openId;
    this.reset();
    if (id) this.host.focusAfterRender(`[data-schedule-id="${id}"] [part~="delete"]`);
  };

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const schedule = this.host.schedules().find((s) => s.id === this.openId);
    if (!schedule || this.busy) return;
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement | null;
    const code = input?.value.trim() ?? '';
    if (!code || !isSecondFactorShape(code)) {
      this.codeError = this.host.m(code ? 'check.codeShape' : 'check.codeMissing');
      this.host.requestUpdate();
      input?.focus();
      return;
    }
    void this.remove(schedule, code);
  };

  private async remove(schedule: CashOutSchedule, code: string): Promise<void> {
    const api = this.host.api();
    if (!api) return;
    this.busy = true;
    this.error = null;
    this.codeError = null;
    this.host.requestUpdate();
    try {
      await expectOk(
        api.client.v1.partner.wallet.schedules[':scheduleId'].$delete({
          param: { scheduleId: schedule.id },
          json: { code },
        }),
      );
      this.reset();
      const rest = this.host.schedules().filter((s) => s.id !== schedule.id);
      const named = { account: accountWords(this.host, schedule), currency: schedule.currency };
      this.host.changed(rest, this.host.m('deleted', named), '#sch-heading');
    } catch (error) {
      const problem = codeProblem(error);
      if (problem) {
        this.codeError = codeMessage(this.host.m, problem.reason);
        this.host.focusAfterRender(`#sch-delete-code-${schedule.id}`);
      } else if (error instanceof ApiError && error.status === 404) {
        this.reset();
        this.host.reload(this.host.m('gone'));
      } else {
        if (error instanceof ApiError && error.status === 403 && error.params.resource === 'two_factor')
          this.host.setTwoFactor(false);
        this.error = this.host.fail(error);
        this.host.focusAfterRender(`#sch-panel-${schedule.id} [part~="error"]`);
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The open question under `schedule`'s row, or nothing. */
  render(schedule: CashOutSchedule): TemplateResult | typeof nothing {
    if (this.openId !== schedule.id) return nothing;
    const { m, tc } = this.host;
    const titleId = `sch-delete-title-${schedule.id}`;
    const named = { account: accountWords(this.host, schedule), currency: schedule.currency };
    return html`<form part="form confirm delete-confirm" novalidate aria-labelledby=${titleId} @submit=${this.submit}>
      <p part="confirm-text" id=${titleId}>${m('deleteQuestion', named)}</p>
      ${this.error ? html`<p part="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      ${codeField(this.host, { id: `sch-delete-code-${schedule.id}`, error: this.codeError, hint: m('deleteCodeHint') })}
      <div part="actions">
        <button part="button danger confirm-yes" type="submit" ?disabled=${this.busy}>${m('deleteYes')}</button>
        <button part="button cancel confirm-no" type="button" @click=${this.cancel}>${tc('cancel')}</button>
      </div>
    </form>`;
  }
}
