/**
 * A page whose origin the Kabinet server refuses (not among the operator's allowed origins) gets
 * a `kb-error` with code `origin_not_allowed` and words in the element, not a blank portal. Real
 * Chromium, real CORS: the "Kabinet server" is this test server under its twin loopback name
 * (localhost <-> 127.0.0.1), which answers without CORS headers, as Kabinet does for such origins.
 */
import { html } from 'lit';
import '../../index.ts';
import type { KabinetEventMap } from '../../internal/events.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
import type { KbPortal } from './kb-portal.ts';
import { isolateEachTest } from '../../internal/portal-test-kit.ts';

const twinHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const REFUSING_SERVER = `${location.protocol}//${twinHost}:${location.port}`;
/** Nothing listens there (and Chromium refuses the port outright): the server cannot be reached. */
const NO_SERVER = 'http://127.0.0.1:1';

async function failingPortal(api: string, locale: 'en' | 'ru') {
  const errors: Array<KabinetEventMap['kb-error']> = [];
  const portal = await fixture<KbPortal>(html`<kb-portal api=${api} operator="op_demo_luckyspin" locale=${locale}
    @kb-error=${(e: CustomEvent<KabinetEventMap['kb-error']>) => errors.push(e.detail)}></kb-portal>`);
  await waitFor(() => errors.length > 0, 4000, 'kb-error');
  await portal.updateComplete;
  return { portal, errors };
}

describe('<kb-portal> on a page whose origin the server refuses', () => {
  isolateEachTest();

  it('emits kb-error origin_not_allowed naming this page’s origin, and shows it (en)', async () => {
    const { portal, errors } = await failingPortal(REFUSING_SERVER, 'en');
    expect(errors.length, 'one kb-error').to.equal(1);
    expect(errors[0]!.code).to.equal('origin_not_allowed');
    expect(errors[0]!.status).to.equal(0);
    expect(errors[0]!.detail).to.include(
      `its address (${location.origin}) is not among the operator’s allowed origins`,
    );
    const box = $in(portal, '[part~="error"]');
    expect(box.getAttribute('role')).to.equal('alert');
    expect($in(portal, '[part~="error-title"]').textContent).to.equal('We couldn’t load the partner portal');
    expect($in(portal, '[part~="error-detail"]').textContent).to.equal(errors[0]!.detail);
    expect(box.getBoundingClientRect().height, 'the words are visible').to.be.above(0);
  });

  it('says the same in Russian', async () => {
    const { portal, errors } = await failingPortal(REFUSING_SERVER, 'ru');
    expect(errors[0]!.code).to.equal('origin_not_allowed');
    expect($in(portal, '[part~="error-title"]').textContent).to.equal('Не удалось загрузить партнёрский кабинет');
    expect($in(portal, '[part~="error-detail"]').textContent).to.include(
      `её адрес (${location.origin}) не входит в список разрешённых адресов оператора`,
    );
    expect($in(portal, '[part~="retry"]').textContent).to.equal('Повторить');
  });

  it('tells an unreachable server apart: code network', async () => {
    const { portal, errors } = await failingPortal(NO_SERVER, 'en');
    expect(errors[0]!.code).to.equal('network');
    expect($in(portal, '[part~="error-detail"]').textContent).to.equal(
      'The server could not be reached. Check your connection and try again.',
    );
  });
});
