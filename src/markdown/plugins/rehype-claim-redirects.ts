import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { checkLedger, unpublishedProblems } from '../../claims/ledger.ts';
import type { Ledger, LedgerCheck } from '../../claims/types.ts';
import { currentSlug } from '../../loaders/renames.ts';
import { normaliseClaimText } from '../../claims/normalise.ts';
import { fileScope, type ScopeOptions } from '../scope.ts';

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
 * be re-anchored fails the build, naming the id and how to retire it; so do
 * sentences whose ids the ledger does not hold yet, and retired ids whose
 * sentence is back in the text (both fixed by `npm run ledger`).
 *
 * Runs after `rehype-claims`, whose claims it reads from `file.data.claims`.
 */
export interface Options extends ScopeOptions {
	/** The published-claims ledger (`content/claims-ledger.json`), already validated. */
	ledger: Ledger;
	/**
	 * Recorded renames, old slug → new slug (`content/renames.yaml`): ids
	 * published under the old slug resolve on the renamed commentary (default: none).
	 */
	renames?: ReadonlyMap<string, string> | undefined;
	/** Told each commentary's check, so the build need not check the ledger again (default: nobody). */
	checked?: ((slug: string, check: LedgerCheck) => void) | undefined;
}

/**
 * @param options
 *   Configuration.
 * @returns
 *   Transform.
 */
export default function rehypeClaimRedirects(options: Readonly<Options>) {
	const { ledger } = options;
	const renames = options.renames ?? new Map<string, string>();
	const include = fileScope(options);
	// Each commentary's part of the ledger (under its current slug), split once: scanning the
	// whole ledger for every file would grow with the square of the corpus.
	const byCommentary = new Map<string, Ledger>();
	for (const [id, entry] of Object.entries(ledger.claims)) {
		const current = currentSlug(renames, entry.commentary);
		let own = byCommentary.get(current);
		if (!own) {
			own = { version: ledger.version, claims: {} };
			byCommentary.set(current, own);
		}
		own.claims[id] = { ...entry, commentary: current };
	}

	return function transform(tree: Root, file: VFile): undefined {
		if (!include(file)) return undefined;
		// Every commentary is checked, one without claims too: its published ids must still resolve.
		const claims = file.data.claims ?? [];
		// The same slug rehype-claims hashed into the ids.
		const slug = file.stem?.toLowerCase();
		if (!slug) return undefined;
		const own: Ledger = byCommentary.get(slug) ?? { version: ledger.version, claims: {} };
		const check = checkLedger(own, new Map([[slug, claims]]));
		options.checked?.(slug, check);
		// Every problem at once: one message per lost id, and an empty page.
		const problems = check.errors.map((error) =>
			file.message(`published permalinks would break: ${error}`, { ruleId: 'ledger', source: 'rehype-claim-redirects' }),
		);
		// Ids the ledger does not hold, and retirements the text contradicts: the ledger must be brought up to date first.
		for (const problem of unpublishedProblems(check, own)) problems.push(file.message(problem, { ruleId: 'ledger', source: 'rehype-claim-redirects' }));
		if (claims.length === 0) {
			problems.unshift(file.message('the commentary has no sentences: its reading page would be empty', { ruleId: 'no-claims', source: 'rehype-claim-redirects' }));
		}
		if (problems.length > 0) {
			throw new AggregateError(problems, `Published permalinks would break:\n${problems.map((problem) => problem.reason).join('\n')}`);
		}
		if (check.redirects.length === 0) return undefined;
		const bySuccessor = new Map<string, typeof check.redirects>();
		for (const redirect of check.redirects) {
			const list = bySuccessor.get(redirect.newId) ?? [];
			list.push(redirect);
			bySuccessor.set(redirect.newId, list);
		}
		// Looked up by id: a search of every claim for each redirected one grows with their product (a renamed long commentary redirects every sentence).
		const textOf = new Map(claims.map((claim) => [claim.id, claim.text]));
		visit(tree, 'element', (node, index, parent) => {
			if (!parent || index === undefined || node.properties['dataClaim'] === undefined) return;
			const redirects = bySuccessor.get(String(node.properties['id']));
			if (!redirects) return;
			const text = textOf.get(String(node.properties['id'])) ?? '';
			const notices: Element[] = redirects.map((redirect) =>
				normaliseClaimText(redirect.oldText) === normaliseClaimText(text) ? movedNotice(redirect.oldId, redirect.newId) : notice(redirect.oldId, redirect.newId, redirect.oldText),
			);
			// Each branch sees its own children type: an element fits both.
			if (parent.type === 'root') parent.children.splice(index, 0, ...notices);
			else parent.children.splice(index, 0, ...notices);
			return index + notices.length + 1;
		});
		return undefined;
	};
}

/**
 * The notice for an id whose sentence is unchanged but whose commentary was
 * renamed (`content/renames.yaml`): the id was made from the old slug.
 */
function movedNotice(oldId: string, newId: string): Element {
	return h('span', { className: ['claim-moved'], id: oldId, role: 'note', dataSuccessor: newId, dataPagefindIgnore: true }, [
		'The link you followed was made before this commentary moved to its current address; this is the sentence it points to.',
	]);
}

function notice(oldId: string, newId: string, oldText: string): Element {
	return h('span', { className: ['claim-moved'], id: oldId, role: 'note', dataSuccessor: newId, dataPagefindIgnore: true }, [
		'This sentence was edited after the link you followed was made. It read: ',
		h('q', oldText),
	]);
}
