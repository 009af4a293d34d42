/** Prints the gzip size of the widget bundle and fails above the budget for this stage. */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_BYTES = 60 * 1024;
const dist = fileURLToPath(new URL('../widgets/dist/', import.meta.url));
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const entry = gz(`${dist}kabinet.js`);
let chunks: string[] = [];
try { chunks = readdirSync(`${dist}chunks`); } catch { /* no lazy chunks yet */ }
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`kabinet.js: ${kb(entry)} gzip (budget ${kb(BUDGET_BYTES)}); lazy chunks: ${chunks.length ? chunks.map((c) => `${c} ${kb(gz(`${dist}chunks/${c}`))}`).join(', ') : 'none'}`);
if (entry > BUDGET_BYTES) {
  console.error(`kabinet.js is over budget by ${kb(entry - BUDGET_BYTES)}`);
  process.exit(1);
}
