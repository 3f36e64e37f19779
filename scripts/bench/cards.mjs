/**
 * What drawing a share card costs: draws the cards of real sentences (every
 * live sentence of the permalink ledger, with its commentary's credit and
 * outlet, as the share pages ask for them) in this thread, and prints the
 * CPU milliseconds per card and the cards' sizes. The first `--warm` cards
 * are drawn before timing, as a worker of the build has drawn some before
 * most of its cards.
 *
 *   npx node scripts/bench/cards.mjs [--count 300] [--warm 20] [--out /tmp/cards]
 *
 * With `--out`, the cards are also written there (`<id>.png`) to be looked at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { creditLine } from '../../src/utils/credit.ts';
import { formatPublished } from '../../src/utils/format-date.ts';
import { drawShareCard } from '../../src/features/cards/share-card-image.ts';
import { parseFrontmatter } from '../../src/loaders/frontmatter.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '300' }, warm: { type: 'string', default: '20' }, out: { type: 'string' } } });
const count = Number(values.count);
const warm = Number(values.warm);
const root = new URL('../../', import.meta.url);

/** The card a commentary's share pages show, but for the quote (a role left out is `author`, as the schema says). */
const frame = new Map();
function frameOf(slug) {
	if (!frame.has(slug)) {
		const file = `content/commentaries/${slug}.md`;
		const { value: data } = parseFrontmatter(readFileSync(new URL(file, root), 'utf8'), file);
		frame.set(slug, { credit: creditLine(data.authors.map((author) => ({ role: 'author', ...author }))).replace(/^By /, ''), source: `${data.outlet}, ${formatPublished(data.published)}`, site: 'Treaty Reader' });
	}
	return frame.get(slug);
}

const ledger = JSON.parse(readFileSync(new URL('content/claims-ledger.json', root), 'utf8'));
const live = Object.entries(ledger.claims).filter(([, claim]) => claim.status === 'live');
const cards = Array.from({ length: warm + count }, (_, index) => {
	const [id, claim] = live[index % live.length];
	return { id, card: { quote: claim.text, ...frameOf(claim.commentary) } };
});

const cpuMs = () => {
	const { user, system } = process.threadCpuUsage();
	return (user + system) / 1000;
};
for (const { card } of cards.slice(0, warm)) drawShareCard(card);
const sizes = [];
const times = [];
if (values.out) mkdirSync(values.out, { recursive: true });
for (const { id, card } of cards.slice(warm)) {
	const before = cpuMs();
	const png = drawShareCard(card);
	times.push(cpuMs() - before);
	sizes.push(png.length);
	if (values.out) writeFileSync(join(values.out, `${id}.png`), png);
}

const sorted = (list) => [...list].sort((a, b) => a - b);
const at = (list, q) => sorted(list)[Math.min(list.length - 1, Math.floor(q * list.length))];
const mean = (list) => list.reduce((sum, x) => sum + x, 0) / list.length;
console.log(`${count} cards (${live.length} distinct sentences), after ${warm} to warm up`);
console.log(`CPU ms per card: mean ${mean(times).toFixed(2)}, median ${at(times, 0.5).toFixed(2)}, p95 ${at(times, 0.95).toFixed(2)}, max ${Math.max(...times).toFixed(2)}`);
console.log(`KB per card: median ${(at(sizes, 0.5) / 1024).toFixed(1)}, mean ${(mean(sizes) / 1024).toFixed(1)}, largest ${(Math.max(...sizes) / 1024).toFixed(1)}, smallest ${(Math.min(...sizes) / 1024).toFixed(1)}`);
