// The operator console page (a file, not inline: the Content-Security-Policy allows no inline scripts).
const networkConsole = document.querySelector('kb-network-connections');
const consoles = document.querySelectorAll('kb-network-connections, kb-operator-reports, kb-plans-console, kb-bills-console, kb-qualifications-console, kb-cash-outs-console, kb-partners-console, kb-contacts-console, kb-news-console, kb-documents-console');
const status = document.getElementById('status');
const buttons = document.querySelectorAll('.locale-switch button');
buttons.forEach((b) => b.addEventListener('click', () => {
  consoles.forEach((element) => element.setAttribute('locale', b.dataset.locale));
  document.documentElement.lang = b.dataset.locale;
  buttons.forEach((other) => other.setAttribute('aria-pressed', String(other === b)));
}));
// The console announces each new connection; a real admin could log it or notify the team.
networkConsole.addEventListener('kb-network-connected', (e) => { status.textContent = `Connected: ${e.detail.name} (${e.detail.networkName ?? 'tracker'}).`; });
