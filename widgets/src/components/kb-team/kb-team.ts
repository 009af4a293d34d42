/**
 * `<kb-team>`: the partner's team for its owner and admins: members with their role, sign-in and
 * security state; invite, change role, block/unblock, unlock, terminate sessions, expire a
 * statistic token. Other roles see a short note and the API is never called for them.
 */
import { renderEmptyState } from '../../internal/empty-state.ts';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection, fieldErrorsOf } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { isManager, type Member, type SessionInfo, type UserRole } from '../../internal/account/account-types.ts';
import { teamMessages, type TeamKey } from './kb-team.messages.ts';
import { teamStyles } from './kb-team.styles.ts';
import { readInviteForm, renderInviteForm } from './team-invite-form.ts';
import { renderMembersTable, type MemberSessions } from './team-members-table.ts';

/**
 * Team members and invitations. Must sit inside `<kb-portal>` (it reads the portal's api, session
 * and locale contexts); alone it shows a waiting note.
 *
 * @event kb-session-expired - A call answered 401; `detail: { reason: 'expired' }`. `<kb-portal>` renews or
 *   ends the session.
 *
 * @csspart heading - Section heading.
 * @csspart subheading - Panel headings.
 * @csspart panel - A bordered group (also `invite`).
 * @csspart note - The "only owner and admins" note. @csspart hint - Help text.
 * @csspart table-wrap - A table's box (responsive: columns hide by priority as it narrows, each row is a card
 *   on a phone with `::part(cell)::before` as a cell's label; it scrolls only if the table still cannot fit).
 * @csspart members - The members table.
 * @csspart members-header-row - Its header row.
 * @csspart header-cell - A column header. @csspart member-row - A member (also `member-row-blocked`).
 * @csspart cell - A cell (also `member-email`, `member-name`, `member-role`, `member-created`,
 *   `member-last-sign-in`, `member-2fa`,
 *   `member-blocked`, `member-locked`, `member-actions`, `member-sessions`).
 * @csspart badge - A small label (also `self-badge`, `invited-badge`, `flag-badge`, `current-badge`).
 * @csspart role-select - A member's role.
 * @csspart member-sessions-row - The expanded sessions row.
 * @csspart sessions - A member's sessions table (parts as in `<kb-security>`).
 * @csspart form - The invite form (also `invite-form`).
 * @csspart field - A label with its input.
 * @csspart label - A field label.
 * @csspart input - An input or select. @csspart field-error - A field's error.
 * @csspart actions - Form buttons.
 * @csspart toolbar - A row's buttons.
 * @csspart button - Any button (also `primary`, `danger`, `block`, `unblock`,
 *   `unlock`, `sessions-toggle`, `expire-token`, `terminate`, `invite-submit`, `retry`).
 * @csspart success - Success note. @csspart error - Error message. @csspart status - Waiting and loading notes.
 * @csspart empty - No members. @csspart error-detail - A load error's text.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Hints and notes.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - Table header, badge and note backgrounds.
 * @cssproperty --kb-color-bg - Input background. @cssproperty --kb-color-primary - Primary button.
 * @cssproperty --kb-color-on-primary - Primary button text.
 * @cssproperty --kb-color-danger - Errors and destructive buttons.
 * @cssproperty --kb-color-danger-bg - Error background. @cssproperty --kb-radius - Panel corners.
 * @cssproperty --kb-radius-small - Input corners. @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbTeam extends AccountSection {
  static override styles = [accountSectionStyles, teamStyles];
  static override properties = {
    members: { state: true },
    loadError: { state: true },
    error: { state: true },
    notice: { state: true },
    inviteErrors: { state: true },
    inviteError: { state: true },
    inviteNotice: { state: true },
  };

  declare private members: Member[] | null;
  declare private loadError: string | null;
  declare private error: string | null;
  declare private notice: string | null;
  declare private inviteErrors: Record<string, string>;
  declare private inviteError: string | null;
  declare private inviteNotice: string | null;
  /** Member, session and 'invite' keys with a request in flight. */
  private readonly busy = new Set<string>();
  private readonly pendingRoles = new Map<string, UserRole>();
  /** Expanded members' sessions; a member is expanded while it has an entry. */
  private readonly memberSessions = new Map<string, MemberSessions>();

  constructor() {
    super();
    this.members = null;
    this.loadError = null;
    this.error = null;
    this.notice = null;
    this.inviteErrors = {};
    this.inviteError = null;
    this.inviteNotice = null;
  }

  private m(key: TeamKey, params?: MessageParams): string {
    return teamMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    // The routes answer 403 to other roles anyway; not asking keeps their console and the server quiet.
    if (!isManager(this.userRole)) return;
    // A new user (or a retry) starts clean: never show the previous user's team meanwhile.
    this.members = null;
    this.loadError = null;
    this.error = null;
    this.notice = null;
    this.inviteNotice = null;
    this.memberSessions.clear();
    try {
      this.members = (await expectOk(api.client.v1.partner.team.$get())).data;
    } catch (error) {
      this.loadError = this.errorMessage(error);
    }
  }

  /**
   * A failed member action in the user's language. The server refuses (403) any action on the
   * owner or on yourself, and only the owner and admins manage the team; the controls for those
   * rows are disabled, so a refusal means the list is stale (or the caller's role changed):
   * the list is fetched again so the rows show what is allowed now.
   */
  private memberFailure(error: unknown, member: Member): string {
    if (!(error instanceof ApiError) || (error.code !== 'forbidden' && error.code !== 'not_found'))
      return this.errorMessage(error);
    void this.refreshMembers();
    return this.m(error.code === 'forbidden' ? 'problem.forbidden' : 'problem.notFound', { email: member.email });
  }

  /** Fetches the members again without clearing the messages (a failure keeps the current list). */
  private async refreshMembers(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this.members = (await expectOk(api.client.v1.partner.team.$get())).data;
    } catch {
      // The refusal's message is already shown; the old list stays.
    }
  }

  /** Runs one request for `key`, with its controls disabled meanwhile; the outcome goes to the live regions. */
  private async act(key: string, work: (api: ApiClient) => Promise<string | null>, member?: Member): Promise<void> {
    const api = this.api;
    if (!api || this.busy.has(key)) return;
    this.busy.add(key);
    this.error = null;
    this.notice = null;
    this.requestUpdate();
    try {
      this.notice = await work(api);
    } catch (error) {
      this.error = member ? this.memberFailure(error, member) : this.errorMessage(error);
    } finally {
      this.busy.delete(key);
      this.requestUpdate();
    }
  }

  private replace(member: Member): void {
    this.members = (this.members ?? []).map((m) => (m.id === member.id ? member : m));
  }

  private patchMember(
    member: Member,
    json: { role?: Exclude<UserRole, 'owner'>; blocked?: boolean; locked?: false },
    done: (updated: Member) => string,
  ) {
    return this.act(
      member.id,
      async (api) => {
        const updated = await expectOk(
          api.client.v1.partner.team[':userId'].$patch({ param: { userId: member.id }, json }),
        );
        this.replace(updated);
        return done(updated);
      },
      member,
    );
  }

  private changeRole(member: Member, role: UserRole): void {
    if (role === 'owner' || role === member.role) return;
    this.pendingRoles.set(member.id, role);
    void this.patchMember(member, { role }, (updated) =>
      this.m('roleChanged', { email: updated.email, role: this.tc(`role.${updated.role}`) }),
    ).finally(() => {
      this.pendingRoles.delete(member.id);
      this.requestUpdate();
    });
  }

  private toggleSessions(member: Member): void {
    if (this.memberSessions.has(member.id)) {
      this.memberSessions.delete(member.id);
      this.requestUpdate();
      return;
    }
    this.memberSessions.set(member.id, 'loading');
    this.requestUpdate();
    void this.act(
      `sessions:${member.id}`,
      async (api) => {
        try {
          const { data } = await expectOk(
            api.client.v1.partner.team[':userId'].sessions.$get({ param: { userId: member.id } }),
          );
          this.memberSessions.set(member.id, data);
        } catch (error) {
          this.memberSessions.set(member.id, { error: this.memberFailure(error, member) });
        }
        return null;
      },
      member,
    );
  }

  private terminate(member: Member, session: SessionInfo): void {
    void this.act(
      session.id,
      async (api) => {
        let ended = false;
        try {
          await expectOk(
            api.client.v1.partner.team[':userId'].sessions[':sessionId'].$delete({
              param: { userId: member.id, sessionId: session.id },
            }),
          );
        } catch (error) {
          // 404: the session ended meanwhile (expired, or its owner signed out): what was asked is done.
          if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
          ended = true;
        }
        const list = this.memberSessions.get(member.id);
        if (Array.isArray(list))
          this.memberSessions.set(
            member.id,
            list.filter((s) => s.id !== session.id),
          );
        this.focusAfterRender(`[data-member-id="${member.id}"] [part~="sessions-toggle"]`);
        return this.m(ended ? 'sessionGone' : 'sessionTerminated');
      },
      member,
    );
  }

  private invite = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = readInviteForm(form);
    this.inviteErrors = {};
    this.inviteError = null;
    this.inviteNotice = null;
    void this.act('invite', async (api) => {
      try {
        const member = await expectOk(api.client.v1.partner.team.$post({ json: input }));
        this.members = [...(this.members ?? []), member];
        this.inviteNotice = this.m('invite.sent', { email: member.email });
        form.reset();
      } catch (error) {
        const fields = fieldErrorsOf(error, this.i18n.locale);
        const message = this.errorMessage(error);
        this.inviteErrors = fields;
        this.inviteError = Object.keys(fields).length > 0 ? this.m('invite.fix') : message;
        if (Object.keys(fields).length > 0) this.focusAfterRender('[part~="invite-form"] [aria-invalid="true"]');
      }
      return null;
    });
  };

  private readonly focusInvite = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('#team-invite-email')?.focus();
  };

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const heading = html`<h2 part="heading">${this.m('heading')}</h2>`;
    if (!isManager(this.userRole)) return html`${heading}<p part="note">${this.m('managersOnly')}</p>`;
    if (!this.members)
      return html`${heading}${this.loadError ? this.renderLoadError(this.loadError) : this.renderLoading()}`;
    return html`${heading}
      <section part="panel" aria-labelledby="team-members-heading">
        <h3 part="subheading" id="team-members-heading">${this.m('members')}</h3>
        <p part="hint">${this.m('intro')}</p>
        <p part="hint" id="team-self-or-owner">${this.m('selfOrOwner')}</p>
        <p part="success" role="status">${this.notice ?? nothing}</p>
        <div part="error" role="alert">${this.error ?? nothing}</div>
        ${renderMembersTable({
          members: this.members,
          selfId: this.user?.id ?? null,
          m: (key, params) => this.m(key, params),
          tc: (key, params) => this.tc(key, params),
          dateTime: (value) => this.dateTime(value),
          isBusy: (id) => this.busy.has(id),
          pendingRole: (id) => this.pendingRoles.get(id),
          sessionsOf: (id) => this.memberSessions.get(id),
          onRole: (member, role) => this.changeRole(member, role),
          onBlock: (member) =>
            void this.patchMember(member, { blocked: !member.blocked }, (updated) =>
              this.m(updated.blocked ? 'blocked' : 'unblocked', { email: updated.email }),
            ),
          onUnlock: (member) =>
            void this.patchMember(member, { locked: false }, (updated) => this.m('unlocked', { email: updated.email })),
          onToggleSessions: (member) => this.toggleSessions(member),
          onExpireToken: (member) =>
            void this.act(
              member.id,
              async (api) => {
                await expectOk(
                  api.client.v1.partner.team[':userId'].statistic_token.$delete({ param: { userId: member.id } }),
                );
                return this.m('tokenExpired', { email: member.email });
              },
              member,
            ),
          onTerminate: (member, session) => this.terminate(member, session),
        })}
        ${
          // Only the viewer (a manager, so allowed to invite): say so and point at the invite form.
          this.members.length === 1
            ? renderEmptyState({
                message: this.m('alone'),
                action: { label: this.m('alone.invite'), part: 'invite-first', onClick: this.focusInvite },
              })
            : nothing
        }
      </section>
      ${renderInviteForm({
        m: (key, params) => this.m(key, params),
        tc: (key, params) => this.tc(key, params),
        locale: this.i18n.locale,
        sending: this.busy.has('invite'),
        errors: this.inviteErrors,
        formError: this.inviteError,
        notice: this.inviteNotice,
        onSubmit: this.invite,
      })}`;
  }
}
