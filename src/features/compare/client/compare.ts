/**
 * The compare view's client script (loaded by the compare pages only).
 *
 * - Shows the column chooser; a choice builds the view from the published
 *   data (`/compare/data/*.json`) without a reload, and the address follows
 *   (`/compare/?c=a,b,c`), so back, forward and reload give the same view.
 * - Choosing a topic (rail, or a mention in the text) turns every column to
 *   its first claim about it, marks every claim about it, and offers previous
 *   and next per column; the topic is the address's fragment (`#t-article-4`),
 *   the same anchor the page has without JavaScript.
 * - Hovering or focusing a mention marks the claims of the other columns that
 *   mention the same thing.
 *
 * Styles only through classes (strict CSP); scrolling through `scrollTo` and
 * `scrollIntoView`.
 */
import { routes } from '../../../utils/routes.ts';
import {
	claimSegments,
	claimTopics,
	columnBlocks,
	notesByClaim,
	parseSelection,
	stepPosition,
	topicAnchor,
	topicRail,
	type CompareCommentaryData,
	type CompareIndexData,
	type CompareNote,
} from '../model.ts';

/** Marks the element the script has taken over (and lets tests tell it ran). */
const LIVE = 'is-live';

let indexData: Promise<CompareIndexData> | undefined;
const commentaryData = new Map<string, Promise<CompareCommentaryData>>();

/** Fetch JSON, failing loudly on an HTTP error. */
async function fetchJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/** The index (commentaries and topics), fetched once. */
function loadIndex(): Promise<CompareIndexData> {
	indexData ??= fetchJson<CompareIndexData>(routes.compareData('index'));
	return indexData;
}

/** One commentary's data, fetched once. */
function loadCommentary(slug: string): Promise<CompareCommentaryData> {
	let data = commentaryData.get(slug);
	if (!data) {
		data = fetchJson<CompareCommentaryData>(routes.compareData(slug));
		commentaryData.set(slug, data);
	}
	return data;
}

type Child = Node | string | null | undefined | false;

/**
 * Create an element with attributes (`class` included) and children; text is
 * always set as text, never parsed as HTML.
 */
function el(tag: string, attributes: Record<string, string | undefined> = {}, children: readonly Child[] = []): HTMLElement {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
	for (const child of children) if (child) element.append(child);
	return element;
}

/** `Roy 3, Rekha J none`: the counts for screen readers. */
function countsText(index: CompareIndexData, slugs: readonly string[], counts: readonly number[]): string {
	return counts.map((count, i) => `${shortName(index, slugs[i]!)} ${count === 0 ? 'none' : count}`).join(', ');
}

function shortName(index: CompareIndexData, slug: string): string {
	return index.commentaries.find((c) => c.slug === slug)?.short ?? slug;
}

/** `A and B`, `A, B and C`. */
function joinNames(names: readonly string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The note beside a claim, as `CompareNote.astro` renders it. */
function renderNote(note: CompareNote): HTMLElement {
	return el('div', { class: 'editor-note cmp-note', role: 'note', 'data-note': note.id }, [
		el('p', { class: 'editor-note-label' }, ['Editor’s note', el('span', { class: 'editor-note-kind' }, [`: ${note.kind}`])]),
		...note.paragraphs.map((paragraph) => el('p', {}, [paragraph])),
		el('p', { class: 'editor-note-sources' }, [
			note.sources.length === 1 ? 'Source: ' : 'Sources: ',
			...note.sources.flatMap((source, i) => [
				i > 0 ? '; ' : null,
				source.url ? el('a', { href: source.url, rel: 'external noopener' }, [source.label]) : source.label,
			]),
		]),
	]);
}

/**
 * Build the view for a selection, as `CompareView.astro` renders a pair (the
 * rows per topic are left out: with the script, the columns do that work).
 */
function renderView(index: CompareIndexData, columns: readonly CompareCommentaryData[]): HTMLElement {
	const slugs = columns.map((c) => c.slug);
	const rail = topicRail(columns);
	const n = columns.length;
	const sharedTitle = (shared: number) =>
		shared === 1 ? 'In one only' : shared === n ? (shared === 2 ? 'In both' : `In all ${shared}`) : `In ${shared}`;
	const railList = el('div', { class: 'cmp-rail-list' });
	for (let shared = n; shared >= 1; shared--) {
		const topics = rail.filter((topic) => topic.shared === shared);
		if (topics.length === 0) continue;
		railList.append(
			el('h3', { class: 'cmp-rail-group' }, [`${sharedTitle(shared)} `, el('span', { class: 'count' }, [`(${topics.length})`])]),
			el(
				'ul',
				{ class: 'cmp-topics' },
				topics.map((topic) =>
					el('li', {}, [
						el('a', { href: `#${topicAnchor(topic.key)}`, 'data-topic': topic.key, class: `cmp-topic-link kind-${topic.kind}` }, [
							el('span', { class: 'cmp-topic-label' }, [index.topics[topic.key]?.label ?? topic.ref]),
							el(
								'span',
								{ class: 'cmp-counts', 'aria-hidden': 'true' },
								topic.counts.map((count) => el('span', { class: count === 0 ? 'cmp-count is-zero' : 'cmp-count' }, [count === 0 ? '–' : String(count)])),
							),
							el('span', { class: 'visually-hidden' }, [`: ${countsText(index, slugs, topic.counts)}`]),
						]),
					]),
				),
			),
		);
	}
	const cols = columns.map((column, i) => {
		const info = index.commentaries.find((c) => c.slug === column.slug)!;
		const notes = notesByClaim(column.notes);
		const placed = new Set<string>();
		const headingId = `col-${column.slug}`;
		const text = el('div', { class: 'cmp-text' });
		for (const block of columnBlocks(column.claims)) {
			const paragraph = el('p', { class: block.block.startsWith('h') ? 'cmp-block cmp-heading' : 'cmp-block' });
			block.claims.forEach((claim, position) => {
				if (position > 0) paragraph.append(' ');
				paragraph.append(
					el(
						'span',
						{ class: notes.has(claim.id) ? 'cmp-claim cmp-noted' : 'cmp-claim', id: claim.id, 'data-topics': claimTopics(claim).join(' ') },
						claimSegments(claim).map((segment) =>
							segment.topic
								? el('a', { class: 'cmp-m', href: `#${topicAnchor(segment.topic)}`, 'data-topic': segment.topic }, [segment.text])
								: segment.text,
						),
					),
				);
			});
			text.append(paragraph);
			for (const claim of block.claims) {
				for (const note of notes.get(claim.id) ?? []) {
					if (placed.has(note.id)) continue;
					placed.add(note.id);
					text.append(renderNote(note));
				}
			}
		}
		return el('section', { class: i === 0 ? 'cmp-col is-shown' : 'cmp-col', 'data-slug': column.slug, 'data-column': String(i), 'data-short': info.short, 'aria-labelledby': headingId }, [
			el('header', { class: 'cmp-col-head' }, [
				el('h2', { id: headingId }, [
					el('a', { href: routes.commentary(column.slug) }, [info.label]),
					el('span', { class: 'column-sub muted' }, [info.outlet]),
				]),
				stepControls(info.short),
			]),
			text,
		]);
	});
	return el('div', { class: `cmp cols-${n}`, 'data-compare-view': '', 'data-slugs': slugs.join(',') }, [
		el(
			'div',
			{ class: 'cmp-show', role: 'group', 'aria-label': 'Column to show', 'data-compare-show': '' },
			slugs.map((slug, i) =>
				el('button', { type: 'button', class: 'cmp-show-button', 'data-show': String(i), 'aria-pressed': i === 0 ? 'true' : 'false' }, [
					shortName(index, slug),
				]),
			),
		),
		el('div', { class: 'cmp-main' }, [
			el('nav', { class: 'cmp-rail', 'aria-labelledby': 'cmp-rail-title' }, [
				el('h2', { id: 'cmp-rail-title' }, ['Topics ', el('span', { class: 'count' }, [`(${rail.length})`])]),
				el('p', { class: 'cmp-rail-key muted', 'aria-hidden': 'true' }, [`Claims per column: ${slugs.map((s) => shortName(index, s)).join(' · ')}`]),
				railList,
			]),
			el('p', { class: 'visually-hidden', role: 'status', 'data-compare-status': '' }),
			el('div', { class: 'cmp-cols' }, cols),
		]),
	]);
}

/** Previous / position / next for one column, hidden until a topic is chosen. */
function stepControls(short: string): HTMLElement {
	return el('div', { class: 'cmp-step', 'data-compare-step': '', hidden: '' }, [
		el('button', { type: 'button', class: 'cmp-step-button', 'data-step': '-1' }, [
			el('span', { 'aria-hidden': 'true' }, ['↑ ']),
			'Previous',
			el('span', { class: 'visually-hidden' }, [` in ${short}`]),
		]),
		el('span', { class: 'cmp-pos', 'data-compare-pos': '' }),
		el('button', { type: 'button', class: 'cmp-step-button', 'data-step': '1' }, [
			'Next',
			el('span', { class: 'visually-hidden' }, [` in ${short}`]),
			el('span', { 'aria-hidden': 'true' }, [' ↓']),
		]),
	]);
}

/** The claims of a column about a topic, in reading order. */
function claimsIn(column: Element, key: string): HTMLElement[] {
	return [...column.querySelectorAll<HTMLElement>('.cmp-claim')].filter((claim) => (claim.dataset['topics'] ?? '').split(' ').includes(key));
}

/** Whether an element scrolls its own content (the columns on wide screens). */
function scrollsItself(element: HTMLElement): boolean {
	return element.scrollHeight > element.clientHeight + 1 && getComputedStyle(element).overflowY !== 'visible';
}

/** Bring a claim into view in its column: inside the column where it scrolls, in the page otherwise. */
function reveal(claim: HTMLElement): void {
	const text = claim.closest<HTMLElement>('.cmp-text');
	if (text && scrollsItself(text)) {
		const top = claim.getBoundingClientRect().top - text.getBoundingClientRect().top + text.scrollTop;
		text.scrollTo({ top: Math.max(0, top - 16) });
	} else if (claim.closest('.cmp-col')?.matches('.is-shown') || !claim.closest('.cmp.is-tabbed')) {
		claim.scrollIntoView({ block: 'center' });
	}
}

/** The live view: topic state and the behaviour bound to one rendered view. */
class CompareView {
	readonly root: HTMLElement;
	readonly columns: HTMLElement[];
	topic: string | undefined;
	positions: number[] = [];
	labels: Record<string, string>;

	constructor(root: HTMLElement, labels: Record<string, string>) {
		this.root = root;
		this.labels = labels;
		this.columns = [...root.querySelectorAll<HTMLElement>('.cmp-col')];
		root.classList.add(LIVE);
	}

	/** Choose a topic (or none): marks, positions, step controls, status, address. */
	choose(key: string | undefined, options: { updateAddress: boolean; scroll: boolean }): void {
		this.topic = key;
		for (const marked of this.root.querySelectorAll('.is-hit, .is-current')) marked.classList.remove('is-hit', 'is-current');
		for (const link of this.root.querySelectorAll('.cmp-topic-link[aria-current]')) link.removeAttribute('aria-current');
		this.positions = this.columns.map(() => -1);
		if (key) {
			const link = this.root.querySelector(`.cmp-topic-link[data-topic="${CSS.escape(key)}"]`);
			link?.setAttribute('aria-current', 'true');
			this.columns.forEach((column, i) => {
				const claims = claimsIn(column, key);
				for (const claim of claims) claim.classList.add('is-hit');
				this.positions[i] = claims.length > 0 ? 0 : -1;
			});
		}
		this.columns.forEach((column, i) => this.updateColumn(column, i, options.scroll));
		const status = this.root.querySelector('[data-compare-status]');
		if (status) {
			status.textContent = key
				? `${this.labels[key] ?? key}: ${this.columns
						.map((column) => `${column.dataset['short'] ?? ''} ${claimsIn(column, key).length || 'none'}`)
						.join(', ')}`
				: '';
		}
		if (options.updateAddress) {
			const url = new URL(location.href);
			url.hash = key ? topicAnchor(key) : '';
			history.replaceState(history.state, '', url);
		}
	}

	/** Show one column's position and step controls, and scroll it to its current claim. */
	updateColumn(column: HTMLElement, i: number, scroll: boolean): void {
		const controls = column.querySelector<HTMLElement>('[data-compare-step]');
		const pos = column.querySelector<HTMLElement>('[data-compare-pos]');
		if (!controls || !pos) return;
		if (!this.topic) {
			controls.hidden = true;
			return;
		}
		controls.hidden = false;
		const claims = claimsIn(column, this.topic);
		const at = this.positions[i] ?? -1;
		pos.textContent = claims.length === 0 ? 'Not discussed' : `${at + 1} of ${claims.length}`;
		column.classList.toggle('is-silent', claims.length === 0);
		const [previous, next] = [...controls.querySelectorAll<HTMLButtonElement>('[data-step]')];
		if (previous) previous.disabled = at <= 0;
		if (next) next.disabled = at < 0 || at >= claims.length - 1;
		for (const claim of column.querySelectorAll('.is-current')) claim.classList.remove('is-current');
		const current = claims[at];
		if (current) {
			current.classList.add('is-current');
			if (scroll) reveal(current);
		}
	}

	/** Move one column to its previous or next claim about the topic. */
	step(column: HTMLElement, direction: 1 | -1): void {
		if (!this.topic) return;
		const i = this.columns.indexOf(column);
		this.positions[i] = stepPosition(claimsIn(column, this.topic).length, this.positions[i] ?? -1, direction);
		this.updateColumn(column, i, true);
		const pos = column.querySelector('[data-compare-pos]')?.textContent ?? '';
		const status = this.root.querySelector('[data-compare-status]');
		if (status) status.textContent = pos;
	}

	/** Mark (or unmark) the claims of the other columns that mention a topic. */
	relate(key: string | undefined, from: Element | null): void {
		for (const marked of this.root.querySelectorAll('.is-related')) marked.classList.remove('is-related');
		if (!key) return;
		for (const column of this.columns) {
			if (column === from) continue;
			for (const claim of claimsIn(column, key)) claim.classList.add('is-related');
		}
	}

	/** On phones: show one column at a time. */
	show(index: number): void {
		this.root.classList.add('is-tabbed');
		this.columns.forEach((column, i) => column.classList.toggle('is-shown', i === index));
		for (const button of this.root.querySelectorAll<HTMLElement>('[data-show]')) {
			button.setAttribute('aria-pressed', String(button.dataset['show'] === String(index)));
		}
		const current = this.columns[index]?.querySelector<HTMLElement>('.is-current');
		if (current) reveal(current);
	}
}

/** The topic a fragment names, when the view has it. */
function topicFromHash(root: HTMLElement): string | undefined {
	const id = decodeURIComponent(location.hash.slice(1));
	if (!id.startsWith('t-')) return undefined;
	const link = [...root.querySelectorAll<HTMLElement>('.cmp-topic-link')].find((a) => topicAnchor(a.dataset['topic'] ?? '') === id);
	return link?.dataset['topic'];
}

/** Start the page: chooser, delegated events, and the view the address asks for. */
async function start(): Promise<void> {
	const page = document.querySelector<HTMLElement>('.cmp-page');
	const mount = page?.querySelector<HTMLElement>('[data-compare-mount]');
	const chooser = page?.querySelector<HTMLFormElement>('[data-compare-chooser]');
	if (!page || !mount || !chooser) return;
	const title = page.querySelector<HTMLElement>('[data-compare-title]');
	const error = chooser.querySelector<HTMLElement>('[data-compare-error]');
	const selects = [...chooser.querySelectorAll<HTMLSelectElement>('select[data-column]')];
	let view: CompareView | undefined;
	const labelsOf = (index: CompareIndexData) => Object.fromEntries(Object.entries(index.topics).map(([key, info]) => [key, info.label]));

	const existing = mount.querySelector<HTMLElement>('[data-compare-view]');
	chooser.hidden = false;

	/** Put a selection on screen (from data), and optionally push its address. */
	/** The address (without fragment) the view shows, to tell a new comparison from a topic change. */
	let address = location.pathname + location.search;
	const display = async (slugs: readonly string[], push: boolean): Promise<void> => {
		const index = await loadIndex();
		const columns = await Promise.all(slugs.map(loadCommentary));
		const root = renderView(index, columns);
		mount.replaceChildren(root);
		view = new CompareView(root, labelsOf(index));
		const names = joinNames(slugs.map((slug) => shortName(index, slug)));
		if (title) title.textContent = `Compare ${names}`;
		document.title = document.title.replace(/^[^·]*·/, `Compare ${names} ·`);
		page.classList.add('has-view');
		selects.forEach((select, i) => (select.value = slugs[i] ?? ''));
		if (push) {
			history.pushState({ compare: [...slugs] }, '', routes.compareSelection(slugs));
			address = location.pathname + location.search;
		}
		view.choose(topicFromHash(root), { updateAddress: false, scroll: true });
	};

	/** Read the address: `?c=` builds a view; otherwise the pre-rendered one (if any) comes alive. */
	const fromAddress = async (): Promise<void> => {
		const requested = new URLSearchParams(location.search).getAll('c');
		if (requested.length > 0) {
			const index = await loadIndex();
			const slugs = parseSelection(requested, index.commentaries.map((c) => c.slug));
			if (slugs.length >= 2) return display(slugs, false);
			if (error) error.textContent = 'The address names fewer than two known commentaries: choose two or three above.';
			return;
		}
		if (existing && !view) {
			const index = await loadIndex();
			view = new CompareView(existing, labelsOf(index));
			const topic = topicFromHash(existing);
			view.choose(topic, { updateAddress: false, scroll: Boolean(topic) });
			if (topic) existing.scrollIntoView({ block: 'start' });
		}
	};

	chooser.addEventListener('submit', (event) => {
		event.preventDefault();
		const slugs = [...new Set(selects.map((select) => select.value).filter(Boolean))];
		if (slugs.length < 2) {
			if (error) error.textContent = 'Choose two different commentaries (a third is optional).';
			return;
		}
		if (error) error.textContent = '';
		void display(slugs, true);
	});
	chooser.querySelector('[data-compare-swap]')?.addEventListener('click', () => {
		const [first, second] = selects;
		if (!first || !second) return;
		[first.value, second.value] = [second.value, first.value];
		chooser.requestSubmit();
	});

	mount.addEventListener('click', (event) => {
		const target = event.target as Element;
		if (!view) return;
		const topicLink = target.closest<HTMLElement>('a[data-topic]');
		if (topicLink) {
			event.preventDefault();
			view.choose(topicLink.dataset['topic'], { updateAddress: true, scroll: true });
			return;
		}
		const step = target.closest<HTMLElement>('[data-step]');
		const column = step?.closest<HTMLElement>('.cmp-col');
		if (step && column) {
			view.step(column, step.dataset['step'] === '-1' ? -1 : 1);
			return;
		}
		const show = target.closest<HTMLElement>('[data-show]');
		if (show) view.show(Number(show.dataset['show']));
	});
	const relate = (event: Event) => {
		const mention = (event.target as Element).closest?.<HTMLElement>('.cmp-m');
		if (!view || !mention) return;
		view.relate(mention.dataset['topic'], mention.closest('.cmp-col'));
	};
	const unrelate = (event: Event) => {
		if (view && (event.target as Element).closest?.('.cmp-m')) view.relate(undefined, null);
	};
	mount.addEventListener('mouseover', relate);
	mount.addEventListener('focusin', relate);
	mount.addEventListener('mouseout', unrelate);
	mount.addEventListener('focusout', unrelate);
	// Back and Forward between comparisons; a fragment change alone (a topic, the skip link) is the hashchange's.
	window.addEventListener('popstate', () => {
		const now = location.pathname + location.search;
		if (now === address) return;
		address = now;
		if (new URLSearchParams(location.search).has('c')) void fromAddress();
		else location.reload();
	});
	window.addEventListener('hashchange', () => {
		if (view) view.choose(topicFromHash(view.root), { updateAddress: false, scroll: true });
	});

	await fromAddress();
}

void start();
