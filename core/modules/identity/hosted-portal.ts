/**
 * The hosted portal page `/portal/{operatorId}`: a minimal page in the operator's colours that
 * runs `<kb-portal auth="cookie">` on this server's own origin. Emailed links (unlock, reset,
 * invitation) open here; operators who do not embed the widgets send partners here.
 */
import { html } from 'hono/html';
import type { AppDeps } from '../../http/deps.ts';
import { getOperator } from '../operators/service.ts';

export async function renderHostedPortal(deps: AppDeps, operatorId: string, locale: 'en' | 'ru'): Promise<string> {
  const operator = await getOperator(deps, operatorId);
  const { branding } = operator;
  const dark = branding.theme === 'dark';
  // Colours are validated as #rrggbb on write, so they are safe inside the style element.
  const page = html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${branding.displayName}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: ${dark ? '#0f1115' : '#f5f6f8'}; color: ${dark ? '#e8eaed' : '#1f2937'}; }
  header { background: ${branding.primaryColor}; color: #fff; padding: 14px 24px; font-weight: 600; font-size: 18px; }
  main { max-width: 1040px; margin: 24px auto; padding: 0 16px; }
  footer { text-align: center; font-size: 13px; opacity: .7; padding: 24px; }
</style></head>
<body><header>${branding.displayName}</header>
<main><kb-portal operator="${operator.id}" auth="cookie" locale="${locale}"></kb-portal></main>
<footer>${branding.supportEmail ? html`<a href="mailto:${branding.supportEmail}" style="color:inherit">${branding.supportEmail}</a>` : ''}</footer>
<script type="module" src="/kabinet.js"></script>
</body></html>`;
  return String(page);
}
