import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { eachElement } from './each-element.ts';
import { formatIsoRange } from '../../utils/format-date.ts';
import { articlePreviewText } from '../../utils/article-subject.ts';
import type { Actor } from '../../schemas/actor.ts';
import type { Article } from '../../schemas/article.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

/**
 * Gives every mention a short description of what it points to, without
 * leaving the page and without JavaScript: each mention link gets
 * `aria-describedby` naming a hidden element that holds the preview
 * (the article's subject and how its number is known, an inferred subject
 * marked as such; the actor's description; the date in words and whether it
 * was inferred). Screen readers announce it with the
 * link; the reading page's script shows the same text as a tooltip on hover
 * or focus.
 *
 * ```html
 * <a data-mention="actor" data-ref="russia" aria-describedby="pv-actor-russia">Moscow</a>
 * …
 * <div hidden class="mention-previews"><span id="pv-actor-russia">Russia: treaty party…</span></div>
 * ```
 */
export interface Options extends ScopeOptions {
	articles: readonly (Pick<Article, 'number' | 'status' | 'title'> & Partial<Pick<Article, 'inference'>>)[];
	actors: readonly (Pick<Actor, 'name' | 'description'> & { id: string })[];
}

/**
 * @param options
 *   The registries.
 * @returns
 *   Transform.
 */
export default function rehypeMentionPreviews(options: Readonly<Options>) {
	const articles = new Map(options.articles.map((a) => [String(a.number), a]));
	const actors = new Map(options.actors.map((a) => [a.id, a]));
	const include = fileScope(options);

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		const previews = new Map<string, string>();
		const notes = new Map<string, string>();
		/** Record a preview once per page; its text is worked out only the first time its id is met. */
		const add = (id: string, text: () => string) => {
			if (!previews.has(id)) previews.set(id, text());
			return id;
		};
		const noteId = (text: string) => {
			let id = notes.get(text);
			if (!id) {
				id = `pv-note-${notes.size + 1}`;
				notes.set(text, id);
				previews.set(id, text);
			}
			return id;
		};

		eachElement(tree, (node: Element) => {
			const kind = node.properties['dataMention'];
			const ref = node.properties['dataRef'];
			if (node.tagName !== 'a' || typeof kind !== 'string' || typeof ref !== 'string') return;
			const ids: string[] = [];
			if (kind === 'article') {
				const article = articles.get(ref);
				if (!article) file.fail(`Mention of unknown article ${ref}`, { source: 'rehype-mention-previews', ruleId: 'unknown-ref' });
				ids.push(add(`pv-article-${ref}`, () => articlePreviewText(article)));
				if (node.properties['dataImplicit'] !== undefined) {
					ids.push(add('pv-implicit', () => 'Cited by its subject, not by number: the link is the editors’ reading.'));
				}
			} else if (kind === 'actor') {
				const actor = actors.get(ref);
				if (!actor) file.fail(`Mention of unknown actor ${ref}`, { source: 'rehype-mention-previews', ruleId: 'unknown-ref' });
				ids.push(add(`pv-actor-${ref}`, () => `${actor.name}: ${actor.description}`));
				const correct = node.properties['dataCorrect'];
				if (typeof correct === 'string') ids.push(noteId(`Misspelled in the original; the correct spelling is ${correct}.`));
			} else if (kind === 'date') {
				ids.push(add(`pv-date-${ref.replace(/[^0-9a-z-]/gi, '_')}`, () => `Date: ${formatIsoRange(ref)}.`));
				const note = node.properties['dataNote'];
				if (typeof note === 'string' && note) ids.push(noteId(note));
				// Every inferred value says so, even one whose recogniser gave no reason.
				else if (node.properties['dataInferred'] !== undefined) ids.push(noteId('Inferred from the publication date, not written in full.'));
			}
			node.properties['ariaDescribedBy'] = ids;
		});

		if (previews.size > 0) {
			tree.children.push(
				h(
					'div',
					{ hidden: true, className: ['mention-previews'], dataPagefindIgnore: true },
					[...previews].map(([id, text]) => h('span', { id }, text)),
				),
			);
		}
		return undefined;
	};
}
