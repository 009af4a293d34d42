/**
 * The hosted portal page `/portal/{operatorId}`: a minimal page in the operator's colours that
 * runs `<kb-portal auth="cookie">` on this server's own origin. Emailed links (unlock, reset,
 * invitation) open here; operators who do not embed the widgets send partners here.
 */
import { html, raw } from 'hono/html';
import type { TenantContext } from '../../lib/context.ts';
import { getOperator } from '../operators/service.ts';

export interface HostedPortalPage {
  html: string;
  /** The page's Content-Security-Policy header (see hostedPortalPolicy). */
  contentSecurityPolicy: string;
}

export async function renderHostedPortal(ctx: TenantContext, locale: 'en' | 'ru'): Promise<HostedPortalPage> {
  const operator = await getOperator(ctx);
  const { branding } = operator;
  const dark = branding.theme === 'dark';
  // The portal's own header shows the operator's name in its colours (derived to stay readable), so
  // the page's h1 is for assistive technology only: a visible one repeated the name above the portal.
  const style = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: ${dark ? '#0f1115' : '#f5f6f8'}; color: ${dark ? '#e8eaed' : '#1f2937'}; }
  h1 { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  main { max-width: 1040px; margin: 24px auto; padding: 0 16px; }
  footer { text-align: center; font-size: 13px; opacity: .7; padding: 24px; }
  footer a { color: inherit; }
`;
  const page = html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${branding.displayName}</title>
<style>${raw(style)}</style></head>
<body><header><h1>${branding.displayName}</h1></header>
<main><kb-portal operator="${operator.id}" auth="cookie" locale="${locale}"></kb-portal></main>
<footer>${branding.supportEmail ? html`<a href="mailto:${branding.supportEmail}">${branding.supportEmail}</a>` : ''}</footer>
<script type="module" src="/kabinet.js"></script>
</body></html>`;
  return {
    html: String(page),
    contentSecurityPolicy: await hostedPortalPolicy(operator.allowedOrigins, style, ctx.publicUrl),
  };
}

/**
 * Only the operator's own allowed origins may frame the page (a partner's session lives in it, so
 * anyone else framing it could trick clicks). Scripts and calls stay on this server; the one
 * inline style is allowed by its hash, not by 'unsafe-inline'. Images may also come from
 * KABINET_PUBLIC_URL (the creatives) and any https host (operators' logos and creative CDNs).
 */
export async function hostedPortalPolicy(
  allowedOrigins: readonly string[],
  inlineStyle: string,
  publicUrl: string,
): Promise<string> {
  // Stored origins are validated on write; checked again because they go into a header.
  const framers = allowedOrigins.filter((origin) => URL.canParse(origin) && new URL(origin).origin === origin);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(inlineStyle));
  const styleHash = btoa(String.fromCharCode(...new Uint8Array(digest)));
  const publicOrigin = URL.canParse(publicUrl) ? ` ${new URL(publicUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'sha256-${styleHash}'`,
    "connect-src 'self'",
    `img-src 'self' data: https:${publicOrigin}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${framers.length > 0 ? framers.join(' ') : "'none'"}`,
  ].join('; ');
}
