// The Lucky Spin "logged-in" page (a file, not inline: the Content-Security-Policy allows no inline scripts).
// This is the operator's own front end: it asks its own backend (never Kabinet directly with a
// secret key) for a client secret and hands it to the portal.
const portal = document.getElementById('portal');
const status = document.getElementById('status');
async function fetchClientSecret() {
  const res = await fetch('/demo/operator-backend/op_demo_luckyspin/embed-secret', { cache: 'no-store' });
  if (!res.ok) throw new Error(`The operator backend answered ${res.status}`);
  const body = await res.json();
  document.getElementById('who').textContent = `Signed in on luckyspin.example as ${body.partner}`;
  status.textContent = `Embed session minted; it expires at ${new Date(body.expiresAt).toLocaleTimeString()} and is renewed before then.`;
  return body.clientSecret;
}
// The portal calls this for its first secret and again before each session ends.
portal.fetchClientSecret = fetchClientSecret;
portal.addEventListener('kb-error', (e) => { status.textContent = `Could not open the partner area: ${e.detail.detail}`; });
