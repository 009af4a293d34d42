/**
 * `npm run build`: the widget bundle plus the demo pages in dist/site, for Workers static assets.
 * demo/site/_headers comes along: Workers apply it to these files (CORS on the widget code, the
 * pages' Content-Security-Policy, the cache rules).
 *
 * The widgets' precompressed siblings (kabinet.js.br, .gz: edge/precompress.ts) stay out: Workers
 * static assets would upload each as a file of its own at its own URL, not as an encoding of
 * kabinet.js, and Cloudflare compresses static assets itself (brotli or gzip, by Accept-Encoding).
 *
 * Also the package's SDK (`kabinet/sdk`) in dist/sdk: tsc (core/sdk/tsconfig.build.json) emitted
 * the whole program into dist/sdk-build; the package needs only core/sdk/index.js and index.d.ts,
 * which must import nothing but packages (the route types are expanded in the declarations), so
 * an installed SDK never reaches for the TypeScript sources.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPrecompressedSibling } from './precompress.ts';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
rmSync(root('dist/site'), { recursive: true, force: true });
mkdirSync(root('dist/site'), { recursive: true });
cpSync(root('demo/site'), root('dist/site'), { recursive: true });
cpSync(root('widgets/dist'), root('dist/site'), { recursive: true, filter: (path) => !isPrecompressedSibling(path) });
console.log('dist/site: demo pages + kabinet.js + _headers (no .br/.gz: Cloudflare compresses assets itself)');

rmSync(root('dist/sdk'), { recursive: true, force: true });
mkdirSync(root('dist/sdk'), { recursive: true });
for (const file of ['index.js', 'index.d.ts']) {
  const code = readFileSync(root(`dist/sdk-build/core/sdk/${file}`), 'utf8');
  const relative = /(?:from\s*|import\()\s*["'](\.[^"']*)["']/.exec(code);
  if (relative)
    throw new Error(
      `dist/sdk-build/core/sdk/${file} imports ${relative[1]}: the SDK must import only packages (hono/client)`,
    );
  cpSync(root(`dist/sdk-build/core/sdk/${file}`), root(`dist/sdk/${file}`));
}
rmSync(root('dist/sdk-build'), { recursive: true, force: true });
console.log('dist/sdk: the typed client (index.js + index.d.ts)');
