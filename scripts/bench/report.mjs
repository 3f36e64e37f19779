/**
 * The benchmark report as Markdown: the machine, one table of build figures
 * per corpus size, the page weights per type, and the targets beside the
 * measured figures (printed, never enforced), and the related claims'
 * quality and speed (scripts/bench/alignment.mjs).
 */
import { renderAlignment } from './alignment.mjs';

const s = (value, digits = 1) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–');
const kb = (bytes) => (typeof bytes === 'number' ? (bytes / 1000).toFixed(1) : '–');
const kib = (bytes) => (typeof bytes === 'number' ? (bytes / 1024).toFixed(1) : '–');
const mb = (bytes) => (typeof bytes === 'number' ? (bytes / 1e6).toFixed(1) : '–');
const int = (value) => (typeof value === 'number' ? value.toLocaleString('en-GB') : '–');
const label = (size) => (size.size <= 5 ? 'the site (5)' : int(size.size));

/** One Markdown table. */
function table(header, rows) {
	return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/**
 * @param {any} report
 * @returns {string}
 */
export function renderReport(report) {
	const { machine, sizes } = report;
	const out = [];
	// What a card adds to a cold build, from the largest corpus whose cards were drawn: the cold
	// build with cards less the one without, per card drawn.
	const drawnSizes = sizes.filter((size) => size.cold?.cards?.drawn > 0 && size.noCards);
	const measured = drawnSizes.at(-1);
	const perCard = measured ? (measured.cold.seconds - measured.noCards.seconds) / measured.cold.cards.drawn : null;
	const estimateWithCards = (size) => (perCard && size.dist ? size.cold.seconds + size.dist.sharePages * perCard : null);
	const coldLabel = (size) =>
		size.cardsDrawn === false
			? `${s(size.cold?.seconds)} s without cards; with cards ≈ ${s(estimateWithCards(size), 0)} s (estimated: ${int(size.dist?.sharePages)} cards × the ${s((perCard ?? NaN) * 1000, 0)} ms each card added to the cold build of ${label(measured ?? {})})`
			: `${s(size.cold?.seconds)} s`;
	out.push('# Build benchmark');
	out.push('');
	out.push(
		`Generated ${report.generated} by \`npm run bench\` at commit ${machine.commit}, on ${machine.cores} × ${machine.cpu} ` +
			`(available parallelism ${machine.availableParallelism}), ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}, ` +
			`Astro ${machine.astro}, Pagefind ${machine.pagefind}. Load average at start ${machine.loadAverageAtStart.join(', ')}` +
			`${machine.loadAverageAtEnd ? `, at end ${machine.loadAverageAtEnd.join(', ')}` : ''}.`,
	);
	out.push('');
	out.push('Every build is cold (a fresh copy, no caches) except the rebuild, which keeps Astro’s content cache and the share-card cache and follows an edit to one commentary. Times are wall-clock seconds; stages come from the build’s own log lines (scripts/bench/build.mjs). Peak memory is the resident memory of the build’s whole process tree (the build, its card threads and the Pagefind binary), summed and sampled every 250 ms; the largest single process is named below the table.');
	out.push('');
	for (const size of sizes.filter((item) => item.unfinished)) {
		out.push(`**${label(size)}: unfinished.** ${size.unfinished.note}`);
		out.push('');
	}
	out.push('## Builds');
	out.push('');
	out.push(
		table(
			['corpus', 'claims', 'pages', 'cold build', 'content (Markdown)', 'page generation', 'cards after pages', 'search index', 'peak memory (process tree)', 'pages/s (whole build)', 'pages/s (page generation)', 'without cards', 'rebuild after one edit', 'plain site', 'our plugins ÷ plain (content)'],
			sizes.map((size) => [
				label(size),
				int(size.dist?.sharePages),
				int(size.dist?.pages),
				coldLabel(size),
				`${s(size.cold?.stages?.content)} s`,
				`${s(size.cold?.stages?.pages)} s`,
				`${s(size.cold?.stages?.cardsTail)} s`,
				`${s(size.cold?.stages?.search)} s`,
				`${s(size.cold?.peakRssMb, 0)} MB`,
				s((size.dist?.pages ?? NaN) / (size.cold?.seconds ?? NaN), 0),
				s((size.dist?.pages ?? NaN) / (size.cold?.stages?.pages ?? NaN), 0),
				`${s(size.noCards?.seconds)} s`,
				`${s(size.rebuild?.seconds)} s (${s((size.rebuild?.ofCold ?? NaN) * 100, 0)} %)`,
				`${s(size.plain?.seconds)} s`,
				`${s(size.overhead?.content, 2)} ×`,
			]),
		),
	);
	out.push('');
	out.push('Peak memory is the resident memory of the build\'s whole process tree, summed and sampled every 250 ms; the largest process at its own peak:');
	out.push('');
	for (const size of sizes) {
		const largest = size.cold?.peakProcess;
		if (largest) out.push(`- ${label(size)}: ${s(largest.mb, 0)} MB at ${s(largest.atSeconds, 0)} s of ${s(size.cold?.seconds, 0)} s, \`${largest.command}\``);
	}
	out.push('');
	out.push('### The build without cards, by stage (no card threads competing for the cores)');
	out.push('');
	out.push(
		table(
			['corpus', 'build', 'content (Markdown)', 'bundling', 'page generation', 'after pages (search index, headers)', 'search index', 'peak memory', 'pages/s (page generation)'],
			sizes.map((size) => [
				label(size),
				`${s(size.noCards?.seconds)} s`,
				`${s(size.noCards?.stages?.content)} s`,
				`${s(size.noCards?.stages?.vite)} s`,
				`${s(size.noCards?.stages?.pages)} s`,
				`${s(size.noCards?.stages?.afterPages)} s`,
				`${s(size.noCards?.stages?.search)} s`,
				`${s(size.noCards?.peakRssMb, 0)} MB`,
				s((size.dist?.pages ?? NaN) / (size.noCards?.stages?.pages ?? NaN), 0),
			]),
		),
	);
	out.push('');
	out.push('## Share cards');
	out.push('');
	out.push(
		table(
			['corpus', 'cards', 'drawn', 'threads', 'wall per card (pool)', 'per drawing (thread wall)', 'per drawing (thread CPU)', 'median size', 'largest', 'rebuild: drawn / cached'],
			sizes.map((size) => {
				const cards = size.cold?.cards ?? {};
				const again = size.rebuild?.cards ?? {};
				return [
					label(size),
					int(cards.cards),
					int(cards.drawn),
					int(cards.threads),
					`${s((cards.readySeconds * 1000) / Math.max(1, cards.drawn ?? 0))} ms`,
					`${s(cards.msPerDrawing)} ms`,
					`${s(cards.cpuMsPerDrawing)} ms`,
					`${kb(size.dist?.cardBytesMedian)} KB`,
					`${kb(size.dist?.cardBytesMax)} KB`,
					`${int(again.drawn)} / ${int(again.cached)}`,
				];
			}),
		),
	);
	out.push('');
	out.push('## Output');
	out.push('');
	out.push(
		table(
			['corpus', 'files', 'dist/', 'Pagefind bundle', 'Astro data store', 'ledger', 'memory without cards', 'memory of the plain site'],
			sizes.map((size) => [
				label(size),
				int(size.dist?.files),
				`${mb(size.dist?.bytes)} MB`,
				`${mb(size.dist?.pagefindBytes)} MB in ${int(size.dist?.pagefindFiles)} files`,
				`${mb(size.dataStoreBytes)} MB`,
				`${s(size.ledgerSeconds)} s`,
				`${s(size.noCards?.peakRssMb, 0)} MB`,
				`${s(size.plain?.peakRssMb, 0)} MB`,
			]),
		),
	);
	out.push('');
	for (const size of sizes.filter((item) => item.dist?.perKind && item.dist.sharePages > 0)) {
		const sentences = size.dist.sharePages;
		out.push(`### What \`dist/\` holds per sentence, ${label(size)} (${int(sentences)} sentences; bytes, not disk blocks)`);
		out.push('');
		out.push(
			table(
				['what', 'files', 'MB', 'KiB per sentence'],
				[
					...Object.entries(size.dist.perKind).map(([kind, entry]) => [kind, int(entry.files), mb(entry.bytes), kib(entry.bytes / sentences)]),
					['all of `dist/`', int(size.dist.files), mb(size.dist.bytes), kib(size.dist.bytes / sentences)],
				],
			),
		);
		out.push('');
	}
	for (const size of sizes) {
		out.push(`### Page weight, ${label(size)} (gzipped; CSS and JS each page loads, on-demand imports not counted)`);
		out.push('');
		out.push(
			table(
				['page type', 'pages', 'HTML median', 'HTML max', 'CSS', 'JS'],
				Object.entries(size.dist?.perType ?? {}).map(([type, entry]) => [
					type,
					int(entry.pages),
					`${kb(entry.htmlGzMedian)} KB`,
					`${kb(entry.htmlGzMax)} KB`,
					`${kb(entry.cssGz)} KB`,
					`${kb(entry.jsGz)} KB`,
				]),
			),
		);
		out.push('');
	}
	out.push('## The Markdown pipeline alone (CPU per commentary, outside Astro)');
	out.push('');
	for (const size of sizes) {
		const pipeline = size.pipeline;
		if (!pipeline) continue;
		out.push(
			`- ${label(size)} (${int(pipeline.docs)} commentaries sampled${pipeline.rounds ? `, medians of ${int(pipeline.rounds)} interleaved rounds` : ''}): plain ${s(pipeline.plainMsPerDoc)} ms, ours ${s(pipeline.oursMsPerDoc)} ms (${s(pipeline.ratio, 2)} ×); ` +
				(pipeline.floorMsPerDoc === undefined
					? ''
					: `the floor of our output with no plugin running (our parser, our finished trees to HTML) ${s(pipeline.floorMsPerDoc)} ms (${s(pipeline.floorRatio, 2)} ×); `) +
				`cumulative as each plugin is added: ${pipeline.steps.map((step) => `${step.plugin} ${s(step.msPerDoc)}`).join(', ')}`,
		);
	}
	out.push('');
	out.push('## Search in Chromium');
	out.push('');
	for (const size of sizes) {
		const search = size.search ?? { todo: 'not measured' };
		out.push(
			`- ${label(size)}: ${
				search.todo ??
				`first search (“${search.firstQuery}”, from a reading page) ${kb(search.firstBytes)} KB; a later search (“${search.laterQuery}”) ${kb(search.laterBytes)} KB in ${int(search.laterRequests)} requests; ` +
					`keystroke to rendered results with the index warm: median ${s(search.warmMedianMs, 0)} ms, max ${s(search.warmMaxMs, 0)} ms (scripts/search-budget.mjs)`
			}`,
		);
	}
	out.push('');
	out.push('## Against the targets');
	out.push('');
	const small = sizes.find((size) => size.size === 100);
	const large = sizes.find((size) => size.size === 1000);
	const target = (name, goal, figure, met) => [name, goal, figure, met === null ? '–' : met ? 'met' : 'not met'];
	const rows = [];
	if (large?.cold) {
		const largeWithCards = large.cardsDrawn === false ? estimateWithCards(large) : large.cold.seconds;
		rows.push(target('1,000 cold, with cards', '≤ 300 s', large.cardsDrawn === false ? `≈ ${s(largeWithCards, 0)} s (estimated, see above)` : `${s(largeWithCards)} s`, largeWithCards <= 300));
		rows.push(target('1,000 peak memory (whole process tree)', '< 3 GB', `${s(large.cold?.peakRssMb, 0)} MB`, large.cold?.peakRssMb !== null ? large.cold?.peakRssMb < 3000 : null));
		if (large.noCards) rows.push(target('1,000 cold, without cards', '≤ 120 s', `${s(large.noCards.seconds)} s`, large.noCards.seconds <= 120));
		if (large.rebuild) {
			const note = large.cardsDrawn === false ? ' (both without cards)' : '';
			rows.push(target(`rebuild after one edit of 1,000${note}`, '≤ 35 % of cold', `${s(large.rebuild.ofCold * 100, 0)} %`, large.rebuild.ofCold <= 0.35));
		}
		if (large.dist?.sharePages) {
			const perSentence = large.dist.bytes / large.dist.sharePages / 1024;
			rows.push(target('1,000 `dist/` per sentence', '≤ 30 KiB', `${s(perSentence)} KiB`, perSentence <= 30));
		}
		if (small?.cold) {
			const growth = large.cold.seconds / small.cold.seconds;
			const kind = large.cardsDrawn === false || small.cardsDrawn === false ? 'cold builds without cards' : 'cold builds';
			rows.push(target(`growth 100 → 1,000 (${kind})`, '≤ 11 ×', `${s(growth, 2)} ×`, growth <= 11));
		}
	}
	const cardSize = [large, small, sizes[0]].find((size) => size?.cold?.cards?.drawn > 0);
	if (cardSize?.cold.cards) {
		const { cards } = cardSize.cold;
		// The pool draws beside page generation on the same two cores, so its wall time is bounded by the pages.
		const wall = (cards.readySeconds * 1000) / Math.max(1, cards.drawn);
		rows.push(target(`a card, CPU per drawing in a card thread (${label(cardSize)})`, '≤ 5 ms', `${s(cards.cpuMsPerDrawing)} ms (pool wall time per card, beside page generation: ${s(wall)} ms)`, cards.cpuMsPerDrawing <= 5));
		rows.push(target(`a card, median size (${label(cardSize)})`, '≤ 20 KB', `${kb(cardSize.dist?.cardBytesMedian)} KB (largest ${kb(cardSize.dist?.cardBytesMax)} KB)`, cardSize.dist?.cardBytesMedian <= 20000));
	}
	for (const size of sizes) {
		if (size.overhead?.content) rows.push(target(`our plugins ÷ plain, Astro's content stage (${label(size)})`, '≤ 1.3 ×', `${s(size.overhead?.content, 2)} ×`, size.overhead?.content <= 1.3));
		if (size.pipeline) rows.push(target(`our plugins ÷ plain, the pipeline alone (${label(size)})`, '≤ 1.5 ×', `${s(size.pipeline.ratio, 2)} ×${size.pipeline.floorRatio === undefined ? '' : ` (the output alone, no plugin running: ${s(size.pipeline.floorRatio, 2)} ×)`}`, size.pipeline.ratio <= 1.5));
	}
	const reading = sizes[0]?.dist?.perType?.reading;
	if (reading) rows.push(target('JS on reading pages (gzipped)', '≤ 10 KB', `${kb(reading.jsGz)} KB`, reading.jsGz <= 10000));
	for (const size of sizes.filter((each) => each.search && !each.search.todo)) {
		rows.push(target(`first search transferred (${label(size)})`, '≤ 150 KB', `${kb(size.search.firstBytes)} KB`, size.search.firstBytes <= 150000));
	}
	const published = report.alignment?.quality?.find((row) => row.perCommentary === report.alignment.published);
	if (published) {
		rows.push(target('related claims: precision on the labelled pairs', '≥ 0.9', published.precision.toFixed(3), published.precision >= 0.9));
		rows.push(target('related claims: recall on the labelled pairs', '≥ 0.6', published.recall.toFixed(3), published.recall >= 0.6));
	}
	out.push(table(['target', 'goal', 'measured', ''], rows));
	out.push('');
	if (report.alignment) out.push(renderAlignment(report.alignment));
	return `${out.join('\n')}\n`;
}
