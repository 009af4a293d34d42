/**
 * The portal's way in, shown beside the public sections while nobody is signed in: the session
 * check, a failed embed session, an emailed link's form (`#unlock=`, `#reset=`, `#invite=`),
 * sign-in or sign-up. Owns which of them shows and moves focus when that changes.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SessionResult } from '../../internal/api-client.ts';
import type { LocaleState, MessageKey } from '../../internal/i18n.ts';
import { parseAccountLink, type AccountLink, type AccountLinkMode } from '../../internal/account-link.ts';
import type { PortalSession } from './portal-session.ts';

export type AuthView = 'sign-in' | 'sign-up';

/** The notice the sign-in form shows after an emailed link did its job. */
const LINK_DONE_NOTICE: Record<AccountLinkMode, MessageKey> = {
  unlock: 'portal.unlocked',
  reset: 'portal.passwordChanged',
  invite: 'portal.passwordSet',
};

type FocusableForm = HTMLElement & { updateComplete?: Promise<unknown> };

export class PortalAuthFlow implements ReactiveController {
  view: AuthView = 'sign-in';
  link: AccountLink | null = null;
  private focusPending = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly session: PortalSession,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.readLink);
    this.readLink();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.readLink);
  }

  /** Shows sign-in or sign-up and moves focus to its first field after the render. */
  show(view: AuthView): void {
    this.view = view;
    this.session.notice = null;
    this.focusPending = true;
    this.host.requestUpdate();
  }

  /** Call from the host's `updated()`: focus is delegated to the form's first field once it has rendered. */
  focusIfPending(root: ParentNode): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    const form = root.querySelector<FocusableForm>('[part~="auth"] > :is(kb-sign-in, kb-sign-up, kb-account-link)');
    void form?.updateComplete?.then(() => form.focus());
  }

  render(t: LocaleState['t'], canRetry: boolean, adoptSession: (session: SessionResult) => void): TemplateResult {
    const { phase } = this.session;
    if (phase.kind === 'checking') return html`<p part="status" role="status">${t('portal.checkingSession')}</p>`;
    if (phase.kind === 'failed') {
      return html`<div part="error session-error" role="alert">
        <p part="error-title">${t('portal.sessionErrorTitle')}</p>
        <p part="error-detail">${phase.detail}</p>
        ${canRetry ? html`<button part="retry" type="button" @click=${() => void this.session.startFromPage()}>${t('portal.retry')}</button>` : nothing}
      </div>`;
    }
    if (this.link) {
      return html`<kb-account-link part="account-link" mode=${this.link.mode} .token=${this.link.token} .doneHandler=${this.linkDone}></kb-account-link>
        ${authSwitch(t('portal.haveAccount'), t('portal.signIn'), () => this.leaveLink())}`;
    }
    if (this.view === 'sign-up') {
      return html`<kb-sign-up part="sign-up"></kb-sign-up>
        ${authSwitch(t('portal.haveAccount'), t('portal.signIn'), () => this.show('sign-in'))}`;
    }
    return html`<kb-sign-in part="sign-in" .sessionHandler=${adoptSession}></kb-sign-in>
      ${authSwitch(t('portal.noAccount'), t('portal.createAccount'), () => this.show('sign-up'))}`;
  }

  private readonly readLink = (): void => {
    const link = parseAccountLink(location.hash);
    if (!link) return;
    this.link = link;
    this.host.requestUpdate();
  };

  private readonly linkDone = (mode: AccountLinkMode): void => {
    this.leaveLink();
    this.session.notice = LINK_DONE_NOTICE[mode];
  };

  /** Drops the single-use token from the address bar (and history) and goes back to sign-in. */
  private leaveLink(): void {
    this.link = null;
    if (parseAccountLink(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
    this.show('sign-in');
  }
}

function authSwitch(prompt: string, action: string, onClick: () => void): TemplateResult {
  return html`<p part="auth-switch">${prompt}
    <button part="auth-switch-button" type="button" @click=${onClick}>${action}</button></p>`;
}
