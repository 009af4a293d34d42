/**
 * `npm run build`: the widget bundle plus the demo pages in dist/site, for Workers static assets.
 * demo/site/_headers comes along: Workers apply it to these files (CORS on the widget code, the
 * pages' Content-Security-Policy).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
rmSync(root('dist/site'), { recursive: true, force: true });
mkdirSync(root('dist/site'), { recursive: true });
cpSync(root('demo/site'), root('dist/site'), { recursive: true });
cpSync(root('widgets/dist'), root('dist/site'), { recursive: true });
console.log('dist/site: demo pages + kabinet.js + _headers');
