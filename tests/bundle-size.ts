/**
 * Prints the gzip size of what a page loads first — kabinet.js and the chunks it imports
 * statically — and of each lazy chunk; fails when the first load is over the budget. Also the
 * first load raw and as brotli (quality 11), the encoding Node and Deno send to browsers from the
 * build's .br siblings (edge/precompress.ts); the budget stays on gzip, the weaker of the two.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_BYTES = 60 * 1024;
const dist = fileURLToPath(new URL('../widgets/dist/', import.meta.url));
const gz = (file: string) => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
/** The build's .br sibling (what is sent), or the same compression done here. */
const br = (file: string) =>
  existsSync(`${dist}${file}.br`)
    ? statSync(`${dist}${file}.br`).size
    : brotliCompressSync(readFileSync(`${dist}${file}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const raw = (file: string) => readFileSync(`${dist}${file}`).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Static `import … from "./chunks/x.js"` edges (not `import("…")`, which loads lazily). */
function staticImports(file: string): string[] {
  const code = readFileSync(`${dist}${file}`, 'utf8');
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+)["']/g)].map((m) =>
    new URL(m[1]!, `file:///${file}`).pathname.slice(1),
  );
}

const initial = new Set<string>();
const visit = (file: string) => {
  if (!initial.has(file)) {
    initial.add(file);
    staticImports(file).forEach(visit);
  }
};
visit('kabinet.js');
let chunks: string[] = [];
try {
  chunks = readdirSync(`${dist}chunks`).map((c) => `chunks/${c}`);
} catch {
  /* no chunks */
}
const total = (size: (file: string) => number) => [...initial].reduce((sum, f) => sum + size(f), 0);
const first = total(gz);
const lazy = chunks.filter((c) => !initial.has(c) && c.endsWith('.js'));
console.log(
  `first load: ${kb(first)} gzip (${[...initial].map((f) => `${f} ${kb(gz(f))}`).join(' + ')}); budget ${kb(BUDGET_BYTES)}`,
);
console.log(`first load: ${kb(total(raw))} raw, ${kb(first)} gzip, ${kb(total(br))} brotli (as Node and Deno send it)`);
console.log(`lazy chunks: ${lazy.length ? lazy.map((c) => `${c} ${kb(gz(c))}`).join(', ') : 'none'}`);
if (first > BUDGET_BYTES) {
  console.error(`The first load is over budget by ${kb(first - BUDGET_BYTES)}`);
  process.exit(1);
}
