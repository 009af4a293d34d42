// The operator console page (a file, not inline: the Content-Security-Policy allows no inline scripts).
// Every console on the page is an element with an `api-base` attribute, so a new section needs no change
// here. Signed out, they call the demo operator's backend (which holds the secret key); signed in as
// staff, they call Kabinet itself on this origin with the staff session cookie, and the role's limits apply.
// Sections marked `data-needs-staff` (staff, API keys) only make sense with a staff session: hidden until then;
// `data-needs-staff="owner"` ones show to the owner only (Kabinet refuses their calls to any other role anyway).
const DEMO_BACKEND = '/demo/operator-backend/op_demo_luckyspin/kabinet';
const KABINET = window.location.origin;
const consoles = () => document.querySelectorAll('main [api-base]');
const networkConsole = document.querySelector('kb-network-connections');
const signIn = document.querySelector('kb-operator-sign-in');
const account = document.querySelector('kb-operator-account');
const signedOutPanel = document.getElementById('staff-signed-out');
const signedInPanel = document.getElementById('staff-signed-in');
const staffNote = document.getElementById('staff-note');
const status = document.getElementById('status');
const buttons = document.querySelectorAll('.locale-switch button');
let signedIn = false;

buttons.forEach((b) => b.addEventListener('click', () => {
  document.querySelectorAll('[locale]').forEach((element) => element.setAttribute('locale', b.dataset.locale));
  document.documentElement.lang = b.dataset.locale;
  buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === b)));
}));

function useBackend(base) {
  consoles().forEach((element) => element.setAttribute('api-base', base));
}

function showSignedIn(me) {
  signedIn = true;
  useBackend(KABINET);
  document.querySelectorAll('[data-needs-staff]').forEach((section) => {
    section.hidden = section.dataset.needsStaff === 'owner' && me.role !== 'owner';
  });
  if (account) account.staff = me;
  if (signedOutPanel) signedOutPanel.hidden = true;
  if (signedInPanel) signedInPanel.hidden = false;
  if (staffNote) staffNote.textContent = '';
}

function showSignedOut(note = '') {
  signedIn = false;
  useBackend(DEMO_BACKEND);
  document.querySelectorAll('[data-needs-staff]').forEach((section) => { section.hidden = true; });
  if (account) account.staff = null;
  if (signedInPanel) signedInPanel.hidden = true;
  if (signedOutPanel) signedOutPanel.hidden = false;
  if (staffNote) staffNote.textContent = note;
}

// A staff session that ends while the page is open (30 minutes idle, 12 hours at most, signed out in
// another tab) shows up as a 401 from Kabinet: the consoles go back to the demo backend.
const pageFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const response = await pageFetch(input, init);
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, window.location.href);
  const fromKabinet = url.origin === KABINET && url.pathname.startsWith('/v1/');
  if (signedIn && fromKabinet && response.status === 401) showSignedOut('Your staff session ended: sign in again.');
  return response;
};

signIn?.addEventListener('kb-operator-signed-in', (e) => showSignedIn(e.detail));
account?.addEventListener('kb-operator-signed-out', () => showSignedOut());

// A session from an earlier visit (the cookie is HttpOnly, so ask Kabinet who is signed in).
document.querySelectorAll('[data-needs-staff]').forEach((section) => { section.hidden = true; });
pageFetch('/v1/operator/me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
  .then(async (response) => {
    if (!response.ok) return;
    const me = await response.json();
    if (me.session === 'full') showSignedIn(me);
  })
  .catch(() => {});

// The console announces each new connection; a real admin could log it or notify the team.
networkConsole?.addEventListener('kb-network-connected', (e) => { status.textContent = `Connected: ${e.detail.name} (${e.detail.networkName ?? 'tracker'}).`; });
