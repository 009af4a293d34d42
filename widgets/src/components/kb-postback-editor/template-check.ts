/**
 * The editor's live template check: asks the server (`POST /v1/partner/postbacks/validate`) once
 * typing pauses, keeps only the newest answer, and holds the checked URL with its problems so
 * the marks are drawn on exactly the text the server saw.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { PostbackScope, TemplateProblem } from '../../internal/postback/postback-types.ts';
import { hasErrors } from './template-marks.ts';

export interface CheckedUrl {
  url: string;
  problems: TemplateProblem[];
}

/** How long typing must pause before the URL is checked. */
export const CHECK_DELAY_MS = 250;

export class TemplateCheck implements ReactiveController {
  /** The last checked URL (trimmed) and its problems. */
  checked: CheckedUrl | null = null;
  /** A check is waiting for its answer. */
  checking = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the newest check may write: answers can arrive out of order. */
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => ApiClient | undefined,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Problems known from elsewhere (a saved postback's warnings, a 422): they replace any pending check. */
  set(checked: CheckedUrl | null): void {
    this.cancel();
    this.checked = checked;
    this.host.requestUpdate();
  }

  /** Checks `url` after the typing pause; an empty URL has nothing to show. */
  schedule(url: string, scope: PostbackScope): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(url.trim(), scope), CHECK_DELAY_MS);
  }

  /** `url` (trimmed) was checked and has errors: saving it would fail. */
  blocks(url: string): boolean {
    return Boolean(this.checked && this.checked.url === url && hasErrors(this.checked.problems));
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.seq++;
    this.checking = false;
  }

  private async run(url: string, scope: PostbackScope): Promise<void> {
    const api = this.api();
    const seq = ++this.seq;
    if (!api || !url) {
      this.checked = null;
      this.checking = false;
      this.host.requestUpdate();
      return;
    }
    this.checking = true;
    this.host.requestUpdate();
    try {
      const { problems } = await expectOk(api.client.v1.partner.postbacks.validate.$post({ json: { url, scope } }));
      if (seq === this.seq) this.checked = { url, problems };
    } catch (error) {
      this.onError(error);
    } finally {
      if (seq === this.seq) this.checking = false;
      this.host.requestUpdate();
    }
  }
}
