// The operator's page on its own origin. For the demo, "another origin" is this same server under
// its twin loopback name (localhost <-> 127.0.0.1): a different origin to the browser, so the
// widget code and every API call are cross-origin, exactly as on an operator's own domain.
const twin = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const kabinet = `${location.protocol}//${twin}${location.port ? `:${location.port}` : ''}`;
const portal = document.getElementById('portal');
const status = document.getElementById('status');
document.getElementById('page-origin').textContent = location.origin;
document.getElementById('kabinet-origin').textContent = kabinet;

portal.setAttribute('api', kabinet);
portal.addEventListener('kb-ready', () => { status.textContent = `Loaded from ${kabinet}. Sign in with a demo partner user.`; });
portal.addEventListener('kb-error', (e) => { status.textContent = `The partner portal could not load (${e.detail.code}): ${e.detail.detail}`; });

// What an operator writes as <script type="module" src="https://partners.example.com/kabinet.js">.
const script = document.createElement('script');
script.type = 'module';
script.src = `${kabinet}/kabinet.js`;
script.addEventListener('error', () => { status.textContent = `The browser refused ${script.src} (is it served with CORS?).`; });
document.head.append(script);
