import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { checkLedger } from '../claims/ledger.ts';
import type { Ledger } from '../claims/types.ts';

/**
 * Keeps published permalinks working after the text is edited. Every id in
 * the ledger must resolve: to the same claim, or to the successor that
 * approximate matching finds for an edited one. For each edited claim the old
 * id becomes a notice placed just before its successor:
 *
 * ```html
 * <span class="claim-moved" id="c-old" role="note" data-successor="c-new">
 *   This sentence was edited after the link you followed was made. It read: “…”
 * </span><span class="claim" data-claim id="c-new">…</span>
 * ```
 *
 * The notice is hidden until it is the target (`#c-old`), so an old link lands
 * on the new wording with the notice and no script. A ledger id that cannot
 * be re-anchored fails the build, naming the id and how to retire it.
 *
 * Runs after `rehype-claims`, whose claims it reads from `file.data.claims`.
 */
export interface Options {
	/** The published-claims ledger (`content/claims-ledger.json`), already validated. */
	ledger: Ledger;
}

/**
 * @param options
 *   Configuration.
 * @returns
 *   Transform.
 */
export default function rehypeClaimRedirects(options: Readonly<Options>) {
	const { ledger } = options;

	return function transform(tree: Root, file: VFile): undefined {
		const claims = file.data.claims;
		if (!claims || claims.length === 0) return undefined;
		// The same slug rehype-claims hashed into the ids.
		const slug = file.stem?.toLowerCase();
		if (!slug) return undefined;
		const own: Ledger = { version: ledger.version, claims: {} };
		for (const [id, entry] of Object.entries(ledger.claims)) if (entry.commentary === slug) own.claims[id] = entry;
		const check = checkLedger(own, new Map([[slug, claims]]));
		if (check.errors.length > 0) {
			file.fail(`Published permalinks would break:\n${check.errors.join('\n')}`, {
				ruleId: 'ledger',
				source: 'rehype-claim-redirects',
			});
		}
		if (check.redirects.length === 0) return undefined;
		const bySuccessor = new Map<string, typeof check.redirects>();
		for (const redirect of check.redirects) {
			const list = bySuccessor.get(redirect.newId) ?? [];
			list.push(redirect);
			bySuccessor.set(redirect.newId, list);
		}
		visit(tree, 'element', (node, index, parent) => {
			if (!parent || index === undefined || node.properties['dataClaim'] === undefined) return;
			const redirects = bySuccessor.get(String(node.properties['id']));
			if (!redirects) return;
			const notices: ElementContent[] = redirects.map((redirect) => notice(redirect.oldId, redirect.newId, redirect.oldText));
			(parent as Element).children.splice(index, 0, ...notices);
			return index + notices.length + 1;
		});
		return undefined;
	};
}

function notice(oldId: string, newId: string, oldText: string): Element {
	return h('span', { className: ['claim-moved'], id: oldId, role: 'note', dataSuccessor: newId, dataPagefindIgnore: true }, [
		'This sentence was edited after the link you followed was made. It read: ',
		h('q', oldText),
	]);
}
