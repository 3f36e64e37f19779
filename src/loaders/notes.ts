/**
 * Loads the editor's notes in `content/notes/` outside Astro (the Markdown
 * plugins run before any collection is available to them), validating each
 * file with the same zod schema the collection uses.
 */
import { basename, join } from 'node:path';
import type { Definition, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseFrontmatter } from './frontmatter.ts';
import { bodyTextProblems } from './body-text.ts';
import { ContentProblems, messageOf } from './content-problems.ts';
import { formatSchemaIssues, type Locate } from './schema-errors.ts';
import { noteSchema, type EditorNote } from '../schemas/note.ts';
import { listPublished } from './published.ts';
import { readContentText } from './read-text.ts';
import { hasVisibleText } from '../schemas/text.ts';
import { refusedUrl } from '../utils/content-urls.ts';
import type { SiteAddressCheck } from './site-addresses.ts';

export interface LoadedNote extends EditorNote {
	/** File name without extension; also the note's anchor id (`note-<id>`). */
	id: string;
	/** Path relative to the project root, for error messages. */
	file: string;
	/** The note's Markdown body. */
	body: string;
	/** The body parsed, once: its checks and its rendering read this tree. */
	tree: Root;
	/** Line of `quote` in the file, for error messages (when known). */
	quoteLine?: number | undefined;
}

/** What the notes refer to, to check every reference. */
export interface NoteReferences {
	/** Article numbers in the registry (default: not checked). */
	articles?: ReadonlySet<number> | undefined;
	/** Whether a site address in a note's body names a page or sentence the site publishes (default: not checked). */
	sitePath?: SiteAddressCheck | undefined;
}

/**
 * Read and validate every note. A note naming a commentary or article that
 * does not exist, an empty note, raw HTML or an unsafe link in its body are
 * errors, not silently dropped notes.
 *
 * @param root
 *   Project root.
 * @param commentarySlugs
 *   Slugs of the published commentaries.
 * @param references
 *   Other collections the notes refer to (optional).
 * @returns
 *   Notes sorted by id.
 * @throws {ContentProblems}
 *   Every problem of every note, one line each: `file:line: field: message`.
 */
export function loadEditorNotes(root: string, commentarySlugs: readonly string[], references?: Readonly<NoteReferences> | null): LoadedNote[] {
	const { notes, problems } = readEditorNotes(root, commentarySlugs, references);
	if (problems.length > 0) throw new ContentProblems(problems);
	return notes;
}

/**
 * Like `loadEditorNotes`, collecting problems instead of throwing.
 *
 * @param root
 *   Project root.
 * @param commentarySlugs
 *   Slugs of the published commentaries.
 * @param references
 *   Other collections the notes refer to (optional).
 * @returns
 *   The valid notes and the problem lines.
 */
export function readEditorNotes(
	root: string,
	commentarySlugs: readonly string[],
	references?: Readonly<NoteReferences> | null,
): { notes: LoadedNote[]; problems: string[] } {
	const dir = join(root, 'content', 'notes');
	const problems: string[] = [];
	const notes: LoadedNote[] = [];
	for (const name of listPublished(dir, '.md')) {
		const file = `content/notes/${name}`;
		let parsed: ReturnType<typeof parseFrontmatter>;
		try {
			parsed = parseFrontmatter(readContentText(join(dir, name), file), file);
		} catch (error) {
			problems.push(...messageOf(error).split('\n'));
			continue;
		}
		const { value, body, locate } = parsed;
		const at = (field: string) => where(file, locate, [field]);
		const result = noteSchema.safeParse(value);
		if (!result.success) {
			problems.push(...formatSchemaIssues(file, result.error, locate));
			continue;
		}
		const note = result.data;
		if (!commentarySlugs.includes(note.commentary)) {
			problems.push(`${at('commentary')}: commentary: no commentary “${note.commentary}” in content/commentaries/ (known: ${commentarySlugs.join(', ')})`);
		}
		const articles = references?.articles;
		if (articles) {
			note.articles.forEach((number, index) => {
				if (!articles.has(number)) problems.push(`${where(file, locate, ['articles', index])}: articles[${index}]: no Article ${number} in content/articles/`);
			});
		}
		if (body.trim() === '') problems.push(`${file}: body: the note has no text below its frontmatter`);
		problems.push(...bodyTextProblems(file, body, bodyLine(parsed) + 1, 'the note'));
		const tree = fromMarkdown(body);
		problems.push(...bodyProblems(file, tree, bodyLine(parsed), references?.sitePath));
		notes.push({ ...note, id: basename(name, '.md'), file, body, tree, quoteLine: locate(['quote']) });
	}
	return { notes: notes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), problems };
}

/** `file:line` for a field, or `file` when its line is unknown. */
function where(file: string, locate: Locate, path: readonly (string | number)[]): string {
	const line = locate(path);
	return line === undefined ? file : `${file}:${line}`;
}

/** Lines before the body in the file: the frontmatter and its two fences. */
function bodyLine(parsed: { frontmatter?: string }): number {
	return parsed.frontmatter === undefined ? 0 : parsed.frontmatter.split('\n').length + 2;
}

/**
 * The node types a note's body may hold (docs/content.md, “Notes”): prose,
 * lists, blockquotes, rules and links. A note is CommonMark without GFM, so a
 * table, a tilde or a task box stays the text it was typed as.
 */
const NOTE_NODE_TYPES: ReadonlySet<string> = new Set([
	'root', 'paragraph', 'text', 'emphasis', 'strong', 'break', 'link', 'linkReference', 'definition', 'list', 'listItem', 'blockquote', 'thematicBreak',
]);

/** Constructs a note may not hold, with why and what to write instead (raw HTML is refused as unsafe). */
const NOTE_REFUSED: Readonly<Partial<Record<Nodes['type'], string>>> = {
	heading: 'a heading is not supported in an editor’s note (the note stands beside a passage of the commentary, and a heading would join the page’s outline); write it as a paragraph (in bold if it must stand out)',
	code: 'code is not supported in an editor’s note; quote the words as text',
	inlineCode: 'code is not supported in an editor’s note; write the words as text',
	image: 'an image is not supported in an editor’s note; describe it in words or link to it',
	imageReference: 'an image is not supported in an editor’s note; describe it in words or link to it',
};

/** The origin relative addresses are read against; never a real host. */
const SITE = 'https://site.invalid';

/**
 * Everything a note's Markdown body may not publish: raw HTML, refused URLs,
 * constructs outside `NOTE_NODE_TYPES`, a link with no visible text, and a
 * site link that is relative (a note is shown on several pages, where it
 * would lead to different places) or names nothing the site publishes.
 *
 * @param file
 *   Path shown in errors.
 * @param tree
 *   The body, parsed.
 * @param offset
 *   Lines above the body in the file.
 * @param sitePath
 *   The site's address check (default: site links are not resolved).
 * @returns
 *   Problem lines.
 */
function bodyProblems(file: string, tree: Root, offset: number, sitePath: SiteAddressCheck | undefined): string[] {
	const problems: string[] = [];
	const definitions = new Map<string, Definition>();
	visit(tree, 'definition', (node) => void definitions.set(node.identifier, node));
	visit(tree, (node: Nodes) => {
		const line = node.position ? `:${node.position.start.line + offset}` : '';
		const report = (reason: string) => void problems.push(`${file}${line}: body: ${reason}`);
		if (node.type === 'html') report(`raw HTML is not allowed (“${node.value.trim().slice(0, 40)}”)`);
		else if (!NOTE_NODE_TYPES.has(node.type)) report(NOTE_REFUSED[node.type] ?? `“${node.type}” is not supported in an editor’s note`);
		if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
			const refused = refusedUrl(node.url, node.type === 'image' ? 'image' : 'link');
			if (refused) report(refused);
		}
		if (node.type === 'link' || node.type === 'linkReference') {
			if (!hasVisibleText(toString(node))) report('a link with no visible text is not allowed (nobody could see or name it); put the words it links inside the brackets');
			const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
			const unresolved = url === undefined || refusedUrl(url, 'link') ? undefined : siteLinkProblem(url, sitePath);
			if (unresolved) report(unresolved);
		}
	});
	return problems;
}

/**
 * Why an allowed link of a note names no place on the site, if it does not.
 *
 * @param url
 *   The link as written.
 * @param sitePath
 *   The site's address check, if known.
 * @returns
 *   The reason, or `undefined` (a link to another site, or one that resolves).
 */
function siteLinkProblem(url: string, sitePath: SiteAddressCheck | undefined): string | undefined {
	const target = new URL(url, `${SITE}/`);
	if (target.origin !== SITE) return undefined;
	if (!url.startsWith('/')) return `link “${url}” is relative; a note is shown on several pages, so a link to the site starts with “/” (/articles/4/, /commentaries/<slug>/#c-…)`;
	const reason = sitePath?.(decodeURIComponent(target.pathname), decodeURIComponent(target.hash.slice(1)));
	return reason === undefined ? undefined : `link “${url}” goes nowhere: ${reason}`;
}

/** Slugs of the commentaries in `content/commentaries/`. */
export function listCommentarySlugs(root: string): string[] {
	return listPublished(join(root, 'content', 'commentaries'), '.md')
		.map((name) => basename(name, '.md'))
		.sort();
}
