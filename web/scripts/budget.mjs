// Budget check: the JavaScript a first page load fetches (the entry script and its static imports,
// as index.html references them), gzip-compressed, must stay under 300 KB. Lazy chunks (uPlot) are
// reported but not counted. Writes target/js-budget.json for BENCHMARKS.md.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 300 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
if (initial.length === 0) {
  console.error('budget: index.html references no JavaScript; is the build broken?');
  process.exit(1);
}
const size = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const first = initial.reduce((sum, f) => sum + size(f), 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = all.filter((f) => !initial.includes('assets/' + f)).map((f) => ({ file: f, gzip: size('assets/' + f) }));
const report = { budgetBytes: BUDGET, firstLoadGzipBytes: first, initial, lazy };
mkdirSync(new URL('../target/', import.meta.url), { recursive: true });
writeFileSync(new URL('../target/js-budget.json', import.meta.url), JSON.stringify(report, null, 2));
console.log(`budget: first page load JavaScript ${(first / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB); lazy: ${lazy.map((l) => `${l.file} ${(l.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
if (first >= BUDGET) {
  console.error(`budget: FAILED — ${first} bytes is over the ${BUDGET}-byte budget`);
  process.exit(1);
}
