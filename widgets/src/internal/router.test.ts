import { expect } from '@open-wc/testing';
import { afterEach, describe, it } from './test-helpers.ts';
import { AddressBar, formatRoute, normalizeBasePath, parseRoute, sameRoute } from './router.ts';

describe('router: portal paths and the address bar', () => {
  const original = location.href;
  afterEach(() => history.replaceState(history.state, '', original));

  it('parses and formats portal paths, segments encoded, the query kept as it is', () => {
    expect(parseRoute('/campaigns/camp_123?status=failed&page=2')).to.deep.equal({
      section: 'campaigns',
      path: ['camp_123'],
      query: 'status=failed&page=2',
    });
    expect(parseRoute('postback-log')).to.deep.equal({ section: 'postback-log', path: [], query: '' });
    expect(parseRoute('/'), 'no section').to.equal(null);
    expect(parseRoute('?x=1')).to.equal(null);
    const odd = { section: 'campaigns', path: ['a b/c', '%zz'], query: '' };
    expect(parseRoute(formatRoute(odd)), 'round trip').to.deep.equal(odd);
    expect(formatRoute({ section: 'campaigns', path: ['camp_1', 'add-promo'], query: 'a=1' })).to.equal(
      '/campaigns/camp_1/add-promo?a=1',
    );
    expect(sameRoute(parseRoute('/a/b'), parseRoute('a/b/'))).to.equal(true);
    expect(sameRoute(parseRoute('/a/b'), null)).to.equal(false);
  });

  it('normalizes a base path', () => {
    expect(normalizeBasePath('partners')).to.equal('/partners/');
    expect(normalizeBasePath('/partners/')).to.equal('/partners/');
    expect(normalizeBasePath('//a/b//')).to.equal('/a/b/');
    expect(normalizeBasePath(null)).to.equal('/');
  });

  it('hash: only #/… is the portal’s; writing pushes or replaces without touching the page’s path', () => {
    const bar = new AddressBar('hash');
    history.replaceState(null, '', `${location.pathname}${location.search}#faq`);
    expect(bar.read(), 'a page anchor').to.equal(null);
    history.replaceState(null, '', `${location.pathname}${location.search}#reset=abc`);
    expect(bar.read(), 'an emailed link').to.equal(null);
    const { pathname, search } = location;
    const length = history.length;
    bar.write({ section: 'campaigns', path: ['camp_1'], query: '' });
    expect(location.hash).to.equal('#/campaigns/camp_1');
    expect(location.pathname + location.search, 'the page stays').to.equal(pathname + search);
    expect(history.length).to.equal(length + 1);
    bar.write({ section: 'program', path: [], query: '' }, true);
    expect(location.hash).to.equal('#/program');
    expect(history.length, 'replace adds no entry').to.equal(length + 1);
    bar.write({ section: 'program', path: [], query: '' });
    expect(history.length, 'the same address adds no entry').to.equal(length + 1);
    expect(bar.read()).to.deep.equal({ section: 'program', path: [], query: '' });
  });

  it('path: the routes under the base path only', () => {
    const bar = new AddressBar('path', 'partners');
    history.replaceState(null, '', '/partners/campaigns/camp_1?x=1');
    expect(bar.read()).to.deep.equal({ section: 'campaigns', path: ['camp_1'], query: 'x=1' });
    history.replaceState(null, '', '/partners');
    expect(bar.read(), 'the base itself names no section').to.equal(null);
    history.replaceState(null, '', '/partnersx/campaigns');
    expect(bar.read(), 'another prefix').to.equal(null);
    bar.write({ section: 'postbacks', path: [], query: '' });
    expect(location.pathname).to.equal('/partners/postbacks');
  });

  it('none: reads nothing, writes nothing', () => {
    const bar = new AddressBar('none');
    history.replaceState(null, '', `${location.pathname}${location.search}#/campaigns`);
    expect(bar.read()).to.equal(null);
    const before = location.href;
    bar.write({ section: 'program', path: [], query: '' });
    expect(location.href).to.equal(before);
  });
});
