/**
 * The compare view's client script (loaded by the compare pages only).
 *
 * - Shows the column chooser; a choice assembles the view without a reload
 *   from parts the build rendered with the pre-rendered pages' components
 *   (`/compare/parts/*.htm`, parsed and adopted, never markup built here), and
 *   the address follows (`/compare/?c=a,b,c`), so back, forward and reload
 *   give the same view. A pre-rendered view stays in place; the script only
 *   wires it.
 * - Choosing a topic (rail, or a mention in the text) turns every column to
 *   its first claim about it, marks every claim about it, and offers previous
 *   and next per column; the topic is the address's fragment (`#t-article-4`),
 *   the same anchor the page has without JavaScript.
 * - Hovering or focusing a mention marks the claims of the other columns that
 *   mention the same thing.
 * - A claim related to claims of the other columns (`data-related`: claims of
 *   other commentaries about the same matter) shows its control, named with
 *   their count; hovering the claim or focusing in it marks them, and the
 *   control turns each other column to one of them in turn (on a phone, to
 *   the other column), saying which in the status region. With a topic
 *   chosen, its claims that pair with a claim about it in another column are
 *   marked too.
 *
 * Styles only through classes (strict CSP). The page is the one thing that
 * scrolls (the columns grow with it): claims are brought into view with
 * `scrollTo`, below the columns' headings that stick at the top.
 */
import { joinNames } from '../../../utils/credit.ts';
import { routes } from '../../../utils/routes.ts';
import { decodeSearchCommentaries } from '../../search/vocabulary-file.ts';
import {
	countLabel,
	countsText,
	pairedClaimIds,
	pairedStatus,
	parseSelection,
	railGroups,
	railKey,
	rankTopics,
	relatedInColumns,
	relatedLabel,
	relatedStatus,
	revealTop,
	rovingPosition,
	stepPosition,
	topicAnchor,
} from '../model.ts';

/** Marks the element the script has taken over (and lets tests tell it ran). */
const LIVE = 'is-live';

/** The parts around the columns (`/compare/parts/view.htm`). */
const VIEW_PARTS = 'view';

const partsDocuments = new Map<string, Promise<Document>>();

/** Fetch a parts file and parse it (as an inert document: nothing in it runs or loads). */
async function fetchParts(name: string): Promise<Document> {
	const url = routes.compareParts(name);
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** A parts file (the view's, or a commentary's), fetched once. */
function loadParts(name: string): Promise<Document> {
	let parts = partsDocuments.get(name);
	if (!parts) {
		parts = fetchParts(name);
		partsDocuments.set(name, parts);
	}
	return parts;
}

/**
 * Copies, owned by this page, of the elements of a part (what its wrapper
 * holds, not the wrapper): copies, because one parts file serves every view.
 */
function adopt(parts: Document, selector: string): HTMLElement[] {
	const wrapper = parts.querySelector(selector);
	if (!wrapper) throw new Error(`Compare parts: nothing matches ${selector}`);
	return [...wrapper.children].map((element) => document.importNode(element, true)).filter((element) => element instanceof HTMLElement);
}

/** The one element of a part. */
function adoptOne(parts: Document, selector: string): HTMLElement {
	const [element] = adopt(parts, selector);
	if (!element) throw new Error(`Compare parts: ${selector} is empty`);
	return element;
}

/** An element the view must have. */
function find(parent: ParentNode, selector: string): HTMLElement {
	const element = parent.querySelector(selector);
	if (!(element instanceof HTMLElement)) throw new Error(`Compare view: no ${selector}`);
	return element;
}

/** A commentary's count on a topic's rail entry (the dash when it does not discuss it). */
function adoptCount(parts: Document, key: string): HTMLElement {
	const own = `[data-compare-part="count"][data-topic="${CSS.escape(key)}"]`;
	return adoptOne(parts, parts.querySelector(own) ? own : '[data-compare-part="count"][data-topic=""]');
}

/**
 * Assemble a view from published parts, in the order and with the content
 * `CompareView.astro` gives a pre-rendered one (without the rows by topic,
 * which serve reading without the script).
 *
 * @param view
 *   The parts around the columns.
 * @param columns
 *   Each chosen commentary's parts, in column order.
 * @returns
 *   The view, not yet in the page.
 */
function assemble(view: Document, columns: readonly Document[]): HTMLElement {
	const root = adoptOne(view, '[data-compare-part="view"]');
	root.querySelector('[data-compare-aligned]')?.remove();
	const sections = columns.map((parts) => adoptOne(parts, '[data-compare-part="column"]'));
	const buttons = columns.map((parts) => adoptOne(parts, '[data-compare-part="show"]'));
	// Position is the only thing a part cannot know: each was rendered as the first column.
	sections.forEach((section, index) => {
		section.dataset['column'] = String(index);
		section.classList.toggle('is-shown', index === 0);
	});
	buttons.forEach((button, index) => {
		button.dataset['show'] = String(index);
		button.setAttribute('aria-pressed', String(index === 0));
	});
	const shorts = sections.map((section) => section.dataset['short'] ?? '');
	root.classList.replace('cols-0', `cols-${columns.length}`);
	root.dataset['slugs'] = sections.map((section) => section.dataset['slug'] ?? '').join(',');
	find(root, '[data-compare-show]').append(...buttons);
	find(root, '.cmp-cols').append(...sections);
	const rail = rankTopics(
		sections.map((section) => [...section.querySelectorAll<HTMLElement>('.cmp-claim')].map((claim) => topicsOf(claim))),
	);
	find(root, '#cmp-rail-title .count').textContent = countLabel(rail.length);
	find(root, '.cmp-rail-key').textContent = railKey(shorts);
	const list = find(root, '.cmp-rail-list');
	for (const group of railGroups(rail, columns.length)) {
		const [heading, topics] = adopt(view, `[data-compare-part="group"][data-columns="${columns.length}"][data-shared="${group.shared}"]`);
		if (!heading || !topics) throw new Error(`Compare parts: no group of ${group.shared} in ${columns.length}`);
		find(heading, '.count').textContent = countLabel(group.topics.length);
		for (const topic of group.topics) {
			const entry = adoptOne(view, `[data-compare-part="topic"][data-topic="${CSS.escape(topic.key)}"]`);
			find(entry, '.cmp-counts').append(...columns.map((parts) => adoptCount(parts, topic.key)));
			find(entry, '.cmp-counts + .visually-hidden').textContent = `: ${countsText(shorts, topic.counts)}`;
			topics.append(entry);
		}
		list.append(heading, topics);
	}
	return root;
}

/** The topic keys a claim is about (`data-topics`, as `CompareClaim.astro` writes them). */
function topicsOf(claim: HTMLElement): string[] {
	return (claim.dataset['topics'] ?? '').split(' ').filter(Boolean);
}

/** The ids of a claim's related claims, best first (`data-related`, as `CompareClaim.astro` writes them). */
function relatedOf(claim: HTMLElement): string[] {
	return (claim.dataset['related'] ?? '').split(' ').filter(Boolean);
}

/** Whether an element is laid out (a phone hides every column but one). */
function isRendered(element: HTMLElement): boolean {
	return element.getClientRects().length > 0;
}

/** The claims of a column about a topic, in reading order. */
function claimsIn(column: Element, key: string): HTMLElement[] {
	return [...column.querySelectorAll<HTMLElement>('.cmp-claim')].filter((claim) => topicsOf(claim).includes(key));
}

/** Room kept above a claim brought into view, below what sticks at the top of the screen. */
const REVEAL_MARGIN = 16;

/**
 * How far down the screen what sticks at its top reaches over a claim: its
 * column's heading (and, on a phone, the column switch above it).
 */
function stuckHeight(claim: HTMLElement): number {
	const head = claim.closest('.cmp-col')?.querySelector<HTMLElement>('.cmp-col-head');
	if (!head) return 0;
	const style = getComputedStyle(head);
	return style.position === 'sticky' ? (Number.parseFloat(style.top) || 0) + head.getBoundingClientRect().height : 0;
}

/**
 * Bring claims into view by scrolling the page (the one thing that scrolls):
 * as many of them as one screen holds, below their columns' headings. Claims
 * of columns not shown (a phone shows one) are left alone.
 */
function reveal(claims: readonly HTMLElement[]): void {
	const shown = claims.filter(isRendered);
	const stuck = Math.max(0, ...shown.map(stuckHeight)) + REVEAL_MARGIN;
	const top = revealTop(
		shown.map((claim) => claim.getBoundingClientRect().top + window.scrollY),
		window.innerHeight - stuck - REVEAL_MARGIN,
	);
	if (top !== undefined) window.scrollTo({ top: Math.max(0, top - stuck) });
}

/** A column's related-claims controls shown, in reading order. */
function shownControls(column: HTMLElement): HTMLElement[] {
	return [...column.querySelectorAll<HTMLElement>('.cmp-rel:not([hidden])')];
}

/** The live view: topic state and the behaviour bound to one rendered view. */
class CompareView {
	readonly root: HTMLElement;
	readonly columns: HTMLElement[];
	/** Every claim shown, by id, with its column's index. */
	readonly claims = new Map<string, { claim: HTMLElement; column: number }>();
	/** Each claim's column index, by id (what {@link relatedInColumns} looks claims up in). */
	readonly columnOf = new Map<string, number>();
	/** How often each claim's related-claims control was used: which of its related claims each column shows next. */
	readonly turns = new Map<string, number>();
	topic: string | undefined;
	positions: number[] = [];

	constructor(root: HTMLElement) {
		this.root = root;
		this.columns = [...root.querySelectorAll<HTMLElement>('.cmp-col')];
		this.columns.forEach((column, index) => {
			for (const claim of column.querySelectorAll<HTMLElement>('.cmp-claim')) {
				this.claims.set(claim.id, { claim, column: index });
				this.columnOf.set(claim.id, index);
			}
		});
		this.showRelatedControls();
		root.classList.add(LIVE);
	}

	/** A claim's related claims in the other columns shown, by column. */
	relatedShown(claimId: string): Map<number, string[]> {
		const at = this.claims.get(claimId);
		return at ? relatedInColumns(relatedOf(at.claim), this.columnOf, at.column) : new Map();
	}

	/**
	 * Show the related-claims control of each claim related to claims of the
	 * other columns, named with their count (the others stay hidden: what they
	 * relate to is not shown).
	 */
	showRelatedControls(): void {
		for (const control of this.root.querySelectorAll<HTMLButtonElement>('.cmp-rel')) {
			const count = [...this.relatedShown(control.dataset['claim'] ?? '').values()].reduce((sum, ids) => sum + ids.length, 0);
			control.hidden = count === 0;
			if (count > 0) control.setAttribute('aria-label', relatedLabel(count, this.columns.length));
		}
		for (const column of this.columns) {
			const controls = shownControls(column);
			controls.forEach((control, index) => (control.tabIndex = index === 0 ? 0 : -1));
		}
	}

	/**
	 * Make a related-claims control its column's Tab stop (each column's
	 * controls are one stop, the arrow keys moving within), so Tab returns
	 * to the control last used.
	 */
	rove(control: HTMLElement): void {
		const column = control.closest<HTMLElement>('.cmp-col');
		if (!column) return;
		for (const other of shownControls(column)) other.tabIndex = other === control ? 0 : -1;
	}

	/** Move the focus among a column's related-claims controls with the arrow keys, Home and End; whether the key was used. */
	roveWithKey(control: HTMLElement, key: string): boolean {
		const column = control.closest<HTMLElement>('.cmp-col');
		if (!column) return false;
		const controls = shownControls(column);
		const position = rovingPosition(controls.length, controls.indexOf(control), key);
		const next = position === undefined ? undefined : controls[position];
		if (!next) return false;
		this.rove(next);
		next.focus();
		return true;
	}

	/** The claim an element stands in (its mentions and its related-claims control stand in it). */
	claimOf(element: Element | null): HTMLElement | undefined {
		return element?.closest<HTMLElement>('.cmp-claim') ?? undefined;
	}

	/** Mark the related claims of a claim in the other columns (none: unmark them). */
	markRelated(claim: HTMLElement | undefined): void {
		for (const marked of this.root.querySelectorAll('.is-same-matter')) marked.classList.remove('is-same-matter');
		if (!claim) return;
		for (const ids of this.relatedShown(claim.id).values()) {
			for (const id of ids) this.claims.get(id)?.claim.classList.add('is-same-matter');
		}
	}

	/**
	 * Turn each other column to one of a claim's related claims there (the
	 * next one each time the control is used), and say which. On a phone,
	 * where the other columns are not shown, show the first of them instead,
	 * at its related claim, and move the focus to that claim's own control.
	 */
	turnToRelated(control: HTMLElement): void {
		const claimId = control.dataset['claim'] ?? '';
		const byColumn = this.relatedShown(claimId);
		if (byColumn.size === 0) return;
		const turn = this.turns.get(claimId) ?? 0;
		this.turns.set(claimId, turn + 1);
		const shown: { short: string; position: number; count: number; text: string }[] = [];
		let hiddenTarget: { column: number; claim: HTMLElement } | undefined;
		const targets: HTMLElement[] = [];
		for (const [column, ids] of byColumn) {
			const position = turn % ids.length;
			const target = this.claims.get(ids[position] ?? '')?.claim;
			const section = this.columns[column];
			if (!target || !section) continue;
			if (isRendered(section)) targets.push(target);
			else hiddenTarget ??= { column, claim: target };
			shown.push({ short: section.dataset['short'] ?? '', position, count: ids.length, text: target.textContent ?? '' });
		}
		reveal(targets);
		const status = this.root.querySelector('[data-compare-status]');
		if (status) status.textContent = relatedStatus(shown);
		if (hiddenTarget) {
			this.show(hiddenTarget.column);
			reveal([hiddenTarget.claim]);
			hiddenTarget.claim.querySelector<HTMLElement>('.cmp-rel:not([hidden])')?.focus({ preventScroll: true });
		}
		// After the focus moved (which marks the related claims of the claim it lands in): the claim the control was used on.
		this.markRelated(this.claims.get(claimId)?.claim);
	}

	/** Choose a topic (or none): marks, positions, step controls, status, address. */
	choose(key: string | undefined, options: { updateAddress: boolean; scroll: boolean }): void {
		this.topic = key;
		for (const marked of this.root.querySelectorAll('.is-hit, .is-current, .is-paired')) marked.classList.remove('is-hit', 'is-current', 'is-paired');
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
		// The topic's claims that pair with a claim about it in another column.
		const paired = key
			? pairedClaimIds(
					[...this.claims].map(([id, { claim, column }]) => ({ id, column, topics: topicsOf(claim), related: relatedOf(claim) })),
					key,
				)
			: [];
		for (const id of paired) this.claims.get(id)?.claim.classList.add('is-paired');
		const current = this.columns.map((column, i) => this.updateColumn(column, i)).filter((claim): claim is HTMLElement => claim !== undefined);
		// As many columns' first claims about it as one screen holds.
		if (options.scroll) reveal(current);
		const status = this.root.querySelector('[data-compare-status]');
		if (status) {
			status.textContent = key
				? `${this.label(key)}: ${this.columns
						.map((column) => `${column.dataset['short'] ?? ''} ${claimsIn(column, key).length || 'none'}`)
						.join(', ')}${pairedStatus(paired.length)}`
				: '';
		}
		if (options.updateAddress) {
			const url = new URL(location.href);
			url.hash = key ? topicAnchor(key) : '';
			history.replaceState(history.state, '', url);
		}
	}

	/** A topic's name, as its rail entry gives it. */
	label(key: string): string {
		return this.root.querySelector(`.cmp-topic-link[data-topic="${CSS.escape(key)}"] .cmp-topic-label`)?.textContent ?? key;
	}

	/** Show one column's position and step controls, and mark its current claim (returned, when it has one). */
	updateColumn(column: HTMLElement, i: number): HTMLElement | undefined {
		const controls = column.querySelector<HTMLElement>('[data-compare-step]');
		const pos = column.querySelector<HTMLElement>('[data-compare-pos]');
		if (!controls || !pos) return undefined;
		if (!this.topic) {
			controls.hidden = true;
			return undefined;
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
		current?.classList.add('is-current');
		return current;
	}

	/** Move one column to its previous or next claim about the topic. */
	step(column: HTMLElement, direction: 1 | -1): void {
		if (!this.topic) return;
		const i = this.columns.indexOf(column);
		this.positions[i] = stepPosition(claimsIn(column, this.topic).length, this.positions[i] ?? -1, direction);
		const current = this.updateColumn(column, i);
		if (current) reveal([current]);
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
		if (current) reveal([current]);
	}
}

/** The topic a fragment names, when the view has it. */
function topicFromHash(root: HTMLElement): string | undefined {
	const id = decodeURIComponent(location.hash.slice(1));
	if (!id.startsWith('t-')) return undefined;
	const link = [...root.querySelectorAll<HTMLElement>('.cmp-topic-link')].find((a) => topicAnchor(a.dataset['topic'] ?? '') === id);
	return link?.dataset['topic'];
}

/**
 * Beyond a few dozen commentaries the selects list only the columns chosen
 * (CompareChooser.astro): fill in every commentary from the labels file the
 * form names, keeping each select's choice.
 */
async function fillChooser(chooser: HTMLFormElement, selects: readonly HTMLSelectElement[]): Promise<void> {
	const url = chooser.dataset['compareLabels'];
	if (!url) return;
	const response = await fetch(url);
	if (!response.ok) throw new Error(`Compare chooser: ${url} answered ${response.status}`);
	const labels = decodeSearchCommentaries(await response.text());
	for (const select of selects) {
		const value = select.value;
		const none = [...select.options].filter((option) => option.value === '');
		select.replaceChildren(...none, ...labels.map((label) => new Option(`${label.author}: ${label.title}`, label.slug)));
		select.value = value;
	}
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
	await fillChooser(chooser, selects);
	// The chooser offers every commentary: its options are the slugs an address may name.
	const known = [...(selects[0]?.options ?? [])].map((option) => option.value).filter(Boolean);

	const existing = mount.querySelector<HTMLElement>('[data-compare-view]');
	// Shown in the room kept for it (CompareChooser.astro): nothing moves.
	chooser.setAttribute('data-ready', '');

	/** The address (without fragment) the view shows, to tell a new comparison from a topic change. */
	let address = location.pathname + location.search;
	/** Put a selection on screen (assembled from its parts), and optionally push its address. */
	const display = async (slugs: readonly string[], push: boolean): Promise<void> => {
		// Named at once (each option reads its commentary's short name), so a title that takes another line moves the page before it first shows, not after.
		const names = joinNames(slugs.map((slug) => selects[0]?.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(slug)}"]`)?.text ?? slug));
		if (title) title.textContent = `Compare ${names}`;
		document.title = document.title.replace(/^[^·]*·/, `Compare ${names} ·`);
		const [around, ...columns] = await Promise.all([loadParts(VIEW_PARTS), ...slugs.map(loadParts)]);
		if (!around) return;
		const root = assemble(around, columns);
		mount.replaceChildren(root);
		view = new CompareView(root);
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
			const slugs = parseSelection(requested, known);
			if (slugs.length >= 2) return display(slugs, false);
			if (error) error.textContent = 'The address names fewer than two known commentaries: choose two or three above.';
			return;
		}
		if (existing && !view) {
			view = new CompareView(existing);
			const topic = topicFromHash(existing);
			view.choose(topic, { updateAddress: false, scroll: Boolean(topic) });
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
		const target = event.target;
		if (!view || !(target instanceof Element)) return;
		const control = target.closest<HTMLElement>('.cmp-rel');
		if (control) {
			view.turnToRelated(control);
			return;
		}
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
		const mention = event.target instanceof Element ? event.target.closest<HTMLElement>('.cmp-m') : null;
		if (!view || !mention) return;
		view.relate(mention.dataset['topic'], mention.closest('.cmp-col'));
	};
	const unrelate = (event: Event) => {
		if (view && event.target instanceof Element && event.target.closest('.cmp-m')) view.relate(undefined, null);
	};
	mount.addEventListener('mouseover', relate);
	mount.addEventListener('focusin', relate);
	mount.addEventListener('mouseout', unrelate);
	mount.addEventListener('focusout', unrelate);
	// A claim's related claims: marked while the pointer is on the claim or the focus in it (or on its control).
	mount.addEventListener('mouseover', (event) => {
		const claim = view && event.target instanceof Element ? view.claimOf(event.target) : undefined;
		if (view && claim) view.markRelated(claim);
	});
	mount.addEventListener('mouseout', (event) => {
		// Leaving the claim, the marks go back to those of the claim the focus is in, if any.
		if (view && event.target instanceof Element && view.claimOf(event.target)) view.markRelated(view.claimOf(document.activeElement));
	});
	mount.addEventListener('focusin', (event) => {
		if (view && event.target instanceof Element) view.markRelated(view.claimOf(event.target));
		if (view && event.target instanceof HTMLElement && event.target.matches('.cmp-rel')) view.rove(event.target);
	});
	// Each column's related-claims controls are one Tab stop: the arrow keys, Home and End move within them.
	mount.addEventListener('keydown', (event) => {
		const control = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('.cmp-rel') : null;
		if (!view || !control || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
		if (view.roveWithKey(control, event.key)) event.preventDefault();
	});
	mount.addEventListener('focusout', (event) => {
		if (view) view.markRelated(view.claimOf(event.relatedTarget instanceof Element ? event.relatedTarget : null));
	});
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
