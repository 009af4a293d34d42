/**
 * The first show of a lazily loaded section: the portal shows a status from the first frame until
 * the section's chunk has arrived and its element has rendered, and an error with Retry if the
 * chunk fails. Sections sharing a chunk share its state, so only the first one waits.
 */
import type { ReactiveControllerHost } from 'lit';
import type { PortalSection } from './portal-sections.ts';

export type SectionStatus = 'loading' | 'ready' | 'failed';
type Load = NonNullable<PortalSection['load']>;
type Rendered = Element & { updateComplete?: Promise<unknown> };

export class SectionLoader {
  private readonly chunks = new WeakMap<Load, SectionStatus>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The shown section's element (it upgrades in place when its chunk defines it). */
    private readonly element: () => Rendered | null,
  ) {}

  /** Whether `section` can show; starts loading its chunk the first time it is asked. */
  status(section: PortalSection | undefined): SectionStatus {
    const load = section?.load;
    if (!load) return 'ready';
    const known = this.chunks.get(load);
    if (known) return known;
    this.chunks.set(load, 'loading');
    load().then(
      async () => {
        await this.host.updateComplete;
        // The chunk defined the element: wait for its first render, so content replaces the status.
        const el = this.element();
        if (el && customElements.get(el.localName)) await el.updateComplete?.catch(() => undefined);
        this.settle(load, 'ready');
      },
      () => this.settle(load, 'failed'),
    );
    return 'loading';
  }

  /** Retry after a failed chunk: asks for it again at the next render. */
  retry(section: PortalSection | undefined): void {
    if (section?.load) this.chunks.delete(section.load);
    this.host.requestUpdate();
  }

  private settle(load: Load, status: SectionStatus): void {
    this.chunks.set(load, status);
    this.host.requestUpdate();
  }
}
