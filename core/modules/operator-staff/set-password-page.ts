/**
 * `/console/{operatorId}`: where a staff invitation's set-password link opens (the token is in the
 * hash, so it never reaches a log). A plain page in English or Russian: the new password is posted
 * to `POST /v1/operator/password`. Its one inline script and style are allowed by hash only.
 */
import { html, raw } from 'hono/html';
import type { TenantContext } from '../../lib/context.ts';
import { getOperator } from '../operators/service.ts';

const WORDS = {
  en: {
    title: 'Set your console password',
    password: 'New password (at least 10 characters)',
    submit: 'Set password',
    noToken: 'Open this page from the set-password link of your invitation.',
    done: 'Password set. At your first sign-in you will set up an authenticator app.',
    failed: 'The password was not set:',
  },
  ru: {
    title: 'Пароль для консоли',
    password: 'Новый пароль (не короче 10 символов)',
    submit: 'Задать пароль',
    noToken: 'Откройте эту страницу по ссылке из письма-приглашения.',
    done: 'Пароль задан. При первом входе вы подключите приложение-аутентификатор.',
    failed: 'Пароль не задан:',
  },
} as const;

const STYLE =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f5f6f8;color:#1f2937}' +
  'main{max-width:420px;margin:48px auto;padding:0 16px}label{display:block;margin:16px 0 4px}' +
  'input{width:100%;box-sizing:border-box;font:inherit;padding:8px}button{margin-top:16px;font:inherit;padding:8px 16px}' +
  '@media (prefers-color-scheme:dark){body{background:#0f1115;color:#e8eaed}}';

const SCRIPT = `const f=document.getElementById('f'),s=document.getElementById('s'),t=new URLSearchParams(location.hash.slice(1)).get('set-password');
if(!t){f.hidden=true;s.textContent=f.dataset.noToken}
f.addEventListener('submit',async(e)=>{e.preventDefault();s.textContent='';
const r=await fetch('/v1/operator/password',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({operatorId:f.dataset.operator,token:t,password:f.elements.password.value})});
if(r.ok){f.hidden=true;history.replaceState(null,'',location.pathname);s.textContent=f.dataset.done}
else{const p=await r.json().catch(()=>({}));s.textContent=f.dataset.failed+' '+(p.detail||r.status)}});`;

const sha256 = async (text: string) =>
  btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))));

export async function renderSetPasswordPage(ctx: TenantContext, locale: 'en' | 'ru') {
  const operator = await getOperator(ctx);
  const w = WORDS[locale];
  const page = html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title} · ${operator.branding.displayName}</title><style>${raw(STYLE)}</style></head>
<body><main><h1>${w.title}</h1><p>${operator.branding.displayName}</p>
<form id="f" data-operator="${operator.id}" data-no-token="${w.noToken}" data-done="${w.done}" data-failed="${w.failed}">
<label for="password">${w.password}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10">
<button type="submit">${w.submit}</button></form>
<p id="s" role="status" aria-live="polite"></p></main>
<script>${raw(SCRIPT)}</script></body></html>`;
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${await sha256(SCRIPT)}'`,
    `style-src 'sha256-${await sha256(STYLE)}'`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html: String(page), contentSecurityPolicy: policy };
}
