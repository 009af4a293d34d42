// The Lucky Spin home page: its language buttons set the portal's locale. A file, not an inline
// script, because the demo pages' Content-Security-Policy allows scripts from this origin only.
const portal = document.querySelector('kb-portal');
const buttons = document.querySelectorAll('.locale-switch button');
function select(locale) {
  portal.setAttribute('locale', locale);
  buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.locale === locale)));
}
buttons.forEach((b) => b.addEventListener('click', () => select(b.dataset.locale)));
