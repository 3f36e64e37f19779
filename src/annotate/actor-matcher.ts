/**
 * Actor mentions: every surface form of every actor in the registry, matched
 * by one case-sensitive regex, longest form first across the registry, whole
 * words with Unicode-aware boundaries (a hyphen is a boundary, so
 * `Russia-DPRK` and `U.S.-ROK-Japan` yield their parts).
 *
 * - Possessives (`Russia’s`, `Russia's`, `US’ global`) are recognised without
 *   being listed and stay inside the link text.
 * - A `notForms` string ("Russia Day") consumes its span: nothing in it is linked.
 * - A `short` form (a bare "Kim") is linked only when exactly one actor with
 *   that short form is named in full somewhere in the same document, and never
 *   when a capitalised word follows it (it is then part of another name:
 *   "Kim Il-Sung", "Kim Dae-jung").
 */
import type { z } from 'astro/zod';
import type { actorSchema, formTypeSchema } from '../schemas/actor';
import { foldForMatching } from './matching-text.ts';
import { escapeRegex, scan, type Hit, type Recogniser } from './recogniser.ts';

/** How a surface form names its actor. */
export type FormType = z.infer<typeof formTypeSchema>;

/** The part of an actor record the matcher reads (schema input shape: defaults may be omitted). */
export type ActorSource = { readonly id: string } & Pick<z.input<typeof actorSchema>, 'forms' | 'notForms'> &
	Partial<Pick<z.input<typeof actorSchema>, 'kind' | 'exactNotForms'>>;

/** One form of one actor. */
export interface FormEntry {
	actor: string;
	type: FormType;
	/** Correct spelling, for a misspelling. */
	correct?: string;
}

/** What one actor hit stands for. */
export interface ActorHit extends FormEntry {
	/** The form as listed in the registry (possessive and case of a leading "The" aside). */
	form: string;
}

/** Compiled registry: one regex and the table behind it. */
export interface ActorMatcher {
	/** Global, Unicode, case-sensitive regex over every form and not-form. */
	pattern: RegExp;
	/**
	 * The first match of `pattern` at or after `from`, as its global `exec`
	 * finds it, but trying at each word start only the forms that begin with
	 * its character.
	 */
	find(input: string, from: number): RegExpExecArray | null;
	/** The match of `pattern` starting exactly at `index`, if any (the same dispatch). */
	matchAt(input: string, index: number): RegExpExecArray | undefined;
	/**
	 * @param text
	 *   A matched form (without possessive).
	 * @returns
	 *   The actors it may name (several only for a shared `short` form), or
	 *   `undefined` for a not-form.
	 */
	lookup(text: string): readonly FormEntry[] | undefined;
	/** Ids of the actors of kind `organisation` (named inside an instrument's title, they are not linked). */
	organisations: ReadonlySet<string>;
}

/**
 * Compile the registry into one matcher.
 *
 * @param actors
 *   Actor records with their ids.
 * @returns
 *   Matcher.
 * @throws
 *   When two actors share a form that is not `short`: linking it would be a guess.
 */
export function compileActors(actors: ReadonlyArray<ActorSource>): ActorMatcher {
	const forms = new Map<string, FormEntry[]>();
	/** Look-alikes matched exactly. */
	const notForms = new Set<string>();
	/** Look-alikes matched in any case and hyphenation, by key (see `personNameKey`). */
	const notFormKeys = new Set<string>();
	const personNames = new Map<string, FormEntry>();
	for (const actor of actors) {
		for (const form of actor.forms) {
			const entry: FormEntry =
				typeof form === 'string'
					? { actor: actor.id, type: 'name' }
					: { actor: actor.id, type: form.type ?? 'name', ...(form.correct ? { correct: form.correct } : {}) };
			const text = foldForMatching(typeof form === 'string' ? form : form.text);
			if (actor.kind === 'person' && entry.type === 'name' && /\s|-/u.test(text)) addPersonName(personNames, text, entry);
			const list = forms.get(text) ?? [];
			if (list.some((other) => other.actor === actor.id)) continue;
			const clash = list.find((other) => other.type !== 'short' || entry.type !== 'short');
			if (clash) {
				throw new Error(`Surface form “${text}” is given to both “${clash.actor}” and “${actor.id}”; only short forms may be shared`);
			}
			list.push(entry);
			forms.set(text, list);
		}
		for (const text of actor.notForms ?? []) notFormKeys.add(personNameKey(foldForMatching(text)));
		for (const text of actor.exactNotForms ?? []) notForms.add(foldForMatching(text));
	}
	// A string that is some actor's form ("Korea Center") is that actor's, even
	// if another actor lists it as a look-alike.
	// (A look-alike by key needs no such step: `lookup` reads the forms first.)
	for (const text of forms.keys()) notForms.delete(text);
	addGeneratedVariants(actors, forms, notForms, notFormKeys);

	const literal = [...forms.keys(), ...notForms].map((text) => ({
		length: text.length,
		text,
		source: text.startsWith('the ') ? `[Tt]he ${escapeRegex(text.slice(4))}` : escapeRegex(text),
		first: text.startsWith('the ') ? ['T', 't'] : firstCharacters(text),
		next: literalNextCharacters(text),
	}));
	const variants = [...new Set([...personNames.keys(), ...notFormKeys])].map((key) => ({
		length: key.length,
		text: key,
		source: personNamePattern(key),
		first: firstCharacters(key, true),
		next: personNameNextCharacters(key),
	}));
	const all = [...literal, ...variants].sort((a, b) => b.length - a.length || a.text.localeCompare(b.text));
	const pattern = new RegExp(formsPattern(all), 'gu');

	// The same pattern split by the character a form starts with, in the same order: at a word
	// start only the forms that can begin there are tried, not every form of the registry.
	const buckets = new Map<string, typeof all>();
	for (const alternative of all) {
		for (const character of alternative.first) buckets.set(character, [...(buckets.get(character) ?? []), alternative]);
	}
	const stickies = new Map([...buckets].map(([character, alternatives]) => [character.codePointAt(0), new RegExp(formsPattern(alternatives), 'uy')]));
	// What the characters after the first must be for any form of the bucket to match: a word such as "the" or
	// "said" that no form continues is passed over without running the bucket's pattern (the same matches).
	const followers = new Map([...buckets].map(([character, alternatives]) => [character.codePointAt(0), bucketFollowers(alternatives)]));
	// The character first, then the one after it as some form of its bucket goes on, then whether a letter or
	// digit comes before it: the engine skips to the few characters forms start with and looks behind only where
	// a form can go on ("the", "said" and most other words stop at the second character), the same positions
	// `matchAt` would accept.
	const wordStarts = new RegExp(
		String.raw`(?:${[...buckets.keys()].map((character) => wordStartSource(character, followers.get(character.codePointAt(0))![0])).join('|')})(?<![\p{L}\p{N}].)`,
		'gu',
	);
	/** The match starting at `index`, from the forms that begin with its character. */
	const matchAt = (input: string, index: number): RegExpExecArray | undefined => {
		const first = input.codePointAt(index);
		const sticky = stickies.get(first);
		if (!sticky) return undefined;
		const after = followers.get(first)!;
		for (let position = 0; position < after.length; position++) {
			if (!after[position]!.has(input.charCodeAt(index + 1 + position))) return undefined;
		}
		sticky.lastIndex = index;
		return sticky.exec(input) ?? undefined;
	};

	return {
		pattern,
		find(input, from) {
			if (buckets.size === 0) return null;
			wordStarts.lastIndex = from;
			// `test` rather than `exec`: most word starts are passed over, and each `exec` would make an array.
			while (wordStarts.test(input)) {
				// The character matched is one code point, two code units when outside the Basic Multilingual Plane.
				const end = wordStarts.lastIndex;
				const match = matchAt(input, end - (isLowSurrogate(input.charCodeAt(end - 1)) && end >= 2 && isHighSurrogate(input.charCodeAt(end - 2)) ? 2 : 1));
				if (match) return match;
			}
			return null;
		},
		matchAt,
		organisations: new Set(actors.filter((actor) => actor.kind === 'organisation').map((actor) => actor.id)),
		lookup(text) {
			const canonical = text.startsWith('The ') && !forms.has(text) && !notForms.has(text) ? `t${text.slice(1)}` : text;
			if (notForms.has(canonical)) return undefined;
			const found = forms.get(canonical);
			if (found) return found;
			if (notFormKeys.has(personNameKey(text))) return undefined;
			const person = personNames.get(personNameKey(text));
			return person ? [person] : undefined;
		},
	};
}

/**
 * Add the spellings a rule derives from the registry's own forms (see
 * `formVariants`) to the form table. A listed form always wins: a variant that
 * is already some actor's form, or that an actor lists in `notForms`, is not
 * added, and a variant two actors would both get is given to neither (linking
 * it would be a guess).
 *
 * @param actors
 *   Actor records.
 * @param forms
 *   Folded form → entries (the listed forms; variants are added to it).
 * @param notForms
 *   Folded look-alikes matched exactly.
 * @param notFormKeys
 *   Keys of look-alikes matched in any case and hyphenation.
 * @returns
 *   Nothing.
 */
function addGeneratedVariants(
	actors: ReadonlyArray<ActorSource>,
	forms: Map<string, FormEntry[]>,
	notForms: ReadonlySet<string>,
	notFormKeys: ReadonlySet<string>,
): undefined {
	const acronyms = new Set<string>();
	for (const [text, entries] of forms) {
		if (entries.some((entry) => entry.type === 'abbreviation') && isAcronym(text)) acronyms.add(text.replaceAll('.', ''));
	}
	const people = new Set(actors.filter((actor) => actor.kind === 'person').map((actor) => actor.id));
	const generated = new Map<string, FormEntry | null>();
	for (const [text, entries] of forms) {
		for (const entry of entries) {
			if (people.has(entry.actor) || entry.type === 'short' || entry.type === 'misspelling') continue;
			for (const variant of formVariants(text, acronyms)) {
				if (forms.has(variant) || notForms.has(variant) || notFormKeys.has(personNameKey(variant))) continue;
				const other = generated.get(variant);
				generated.set(variant, other === undefined || other?.actor === entry.actor ? { actor: entry.actor, type: entry.type } : null);
			}
		}
	}
	for (const [variant, entry] of generated) if (entry) forms.set(variant, [entry]);
	return undefined;
}

/**
 * Whether a form is an acronym: two or more capital letters, written solid
 * ("NATO") or with a dot after each letter ("U.S.").
 *
 * @param text
 *   Folded form.
 * @returns
 *   Whether it is one.
 */
function isAcronym(text: string): boolean {
	return /^\p{Lu}{2,}$/u.test(text) || /^(?:\p{Lu}\.){2,}$/u.test(text);
}

/**
 * The spellings of an organisation's, state's or document's form that house
 * styles differ on, derived by rule (a person's name varies by the rule in
 * `personNamePattern` instead):
 *
 * - an acronym written solid or dotted: "UN" ↔ "U.N.", "NATO" ↔ "N.A.T.O.",
 *   "D.P.R.K." ↔ "DPRK", also inside a longer form ("U.N. Security Council",
 *   "U.N. Charter") when the registry has that acronym as an abbreviation;
 * - an acronym of four or more letters in title case, as British papers write
 *   an acronym said as a word ("Nato"). Never for two or three letters, where
 *   the title or lower case is a common word ("Us", "us", "Un", "Who"), and
 *   never in lower case;
 * - "-ization" ↔ "-isation" ("North Atlantic Treaty Organisation").
 *
 * @param text
 *   Folded form.
 * @param acronyms
 *   Solid spellings of every acronym the registry lists as an abbreviation.
 * @returns
 *   Variants (without `text` itself).
 */
function formVariants(text: string, acronyms: ReadonlySet<string>): string[] {
	const variants = new Set<string>();
	if (isAcronym(text)) {
		const solid = text.replaceAll('.', '');
		variants.add(solid);
		variants.add(dotted(solid));
		if (solid.length >= 4) variants.add(`${solid.charAt(0)}${solid.slice(1).toLowerCase()}`);
	} else {
		const dottedTokens = text.replace(/(?<![\p{L}\p{N}.])\p{Lu}{2,}(?![\p{L}\p{N}.])/gu, (token) => (acronyms.has(token) ? dotted(token) : token));
		variants.add(dottedTokens);
		for (const spelling of [text, dottedTokens]) {
			variants.add(spelling.replace(/(?<=\p{L}i)([zs])(?=ation(?![\p{L}]))/gu, (letter) => (letter === 'z' ? 's' : 'z')));
		}
	}
	variants.delete(text);
	return [...variants];
}

/**
 * An acronym with a dot after each letter.
 *
 * @param solid
 *   Acronym written solid ("NATO").
 * @returns
 *   Dotted ("N.A.T.O.").
 */
function dotted(solid: string): string {
	return [...solid].map((letter) => `${letter}.`).join('');
}

/**
 * The regex source of the whole actor pattern over some forms, in their
 * order: whole words, a possessive kept inside the match.
 *
 * @param alternatives
 *   Forms as regex sources, in the order they are to be tried.
 * @returns
 *   Regex source.
 */
function formsPattern(alternatives: ReadonlyArray<{ source: string }>): string {
	// Nothing to find: a pattern that never matches keeps the plugin uniform.
	const body = alternatives.length === 0 ? '(?!)' : alternatives.map((alternative) => alternative.source).join('|');
	return String.raw`(?<![\p{L}\p{N}])(?<form>${body})(?<possessive>'s|(?<=[sS])'(?=\s+\p{Ll}))?(?![\p{L}\p{N}])`;
}

/**
 * The characters a form's match can start with.
 *
 * @param text
 *   Form (folded), or a personal name's key.
 * @param anyCase
 *   Whether the form matches in any letter case (a personal name: see `personNamePattern`).
 * @returns
 *   Characters (code points).
 * @throws
 *   For an empty form, which would match anywhere.
 */
function firstCharacters(text: string, anyCase = false): string[] {
	const first = text.codePointAt(0);
	if (first === undefined) throw new Error('An actor form is empty');
	const character = String.fromCodePoint(first);
	return anyCase ? [...new Set([character, ...character.toUpperCase()])] : [character];
}

/** Whether a UTF-16 code unit is the first half of a surrogate pair. */
function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}

/** Whether a UTF-16 code unit is the second half of a surrogate pair. */
function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}

/** How many characters after a form's first one are read before its pattern runs. */
const FOLLOWER_REACH = 4;

/**
 * The characters (UTF-16 code units) a literal form's match has after its
 * first character, position by position, up to `FOLLOWER_REACH` or the end of
 * the form. A literal matches itself exactly, apart from the first letter of
 * a form that starts with "the " (either case), which is the first character.
 *
 * @param text
 *   Form (folded).
 * @returns
 *   For each position after the first, the code units that may stand there.
 */
function literalNextCharacters(text: string): Array<Set<number>> {
	const next: Array<Set<number>> = [];
	for (let position = 1; position <= FOLLOWER_REACH && position < text.length; position++) next.push(new Set([text.charCodeAt(position)]));
	return next;
}

/**
 * The characters (UTF-16 code units) a personal name's match has after its
 * first character (see `personNamePattern`): each letter in either case, up
 * to the first space of the key (where any run of spaces or a hyphen may
 * stand) or `FOLLOWER_REACH`.
 *
 * @param key
 *   Personal name's key.
 * @returns
 *   For each position after the first, the code units that may stand there.
 */
function personNameNextCharacters(key: string): Array<Set<number>> {
	// A letter outside the Basic Multilingual Plane spans two code units: the positions would not line up.
	if ([...key].length !== key.length) return [];
	const next: Array<Set<number>> = [];
	for (let position = 1; position <= FOLLOWER_REACH && position < key.length; position++) {
		const character = key.charAt(position);
		if (character === ' ') break;
		const upper = character.toUpperCase();
		// `personNamePattern` writes `[${character}${upper}]`: a class of each of those characters.
		next.push(new Set([character, ...upper].map((unit) => unit.charCodeAt(0))));
	}
	return next;
}

/**
 * What must follow a bucket's first character for any of its forms to match:
 * at each position after the first, every character some form allows there,
 * as far as every form says (a shorter or freer form ends the list).
 *
 * @param alternatives
 *   The forms that begin with one character, each with its `next` characters.
 * @returns
 *   For each position after the first, the code units that may stand there.
 */
function bucketFollowers(alternatives: ReadonlyArray<{ next: ReadonlyArray<ReadonlySet<number>> }>): Array<Set<number>> {
	const reach = Math.min(...alternatives.map((alternative) => alternative.next.length));
	const followers: Array<Set<number>> = [];
	for (let position = 0; position < reach; position++) followers.push(new Set(alternatives.flatMap((alternative) => [...alternative.next[position]!])));
	return followers;
}

/**
 * Where forms beginning with one character can start, as regex source (`u`
 * flag): the character, then, as a look-ahead, the characters the forms allow
 * right after it. Without the look-ahead where the positions would not line up
 * with code units as `matchAt` reads them (a character or a follower outside
 * the Basic Multilingual Plane), or where no follower is known.
 *
 * @param character
 *   First character of the bucket's forms.
 * @param second
 *   Code units that may follow it (`bucketFollowers`, first position), if known.
 * @returns
 *   Regex source.
 */
function wordStartSource(character: string, second: ReadonlySet<number> | undefined): string {
	const escaped = escapeRegex(character);
	if (!second || second.size === 0 || character.length !== 1 || [...second].some((unit) => unit >= 0xd800 && unit <= 0xdfff)) return escaped;
	return `${escaped}(?=[${[...second].map((unit) => `\\u{${unit.toString(16)}}`).join('')}])`;
}

/**
 * The key under which spellings of a personal name that differ only by
 * hyphens, spaces or letter case are one: "Kim Jong Il", "Kim Jong-il",
 * "KIM JONG IL" → `kim jong il`.
 *
 * @param text
 *   Name as written (folded).
 * @returns
 *   Key.
 */
function personNameKey(text: string): string {
	return text.toLowerCase().replace(/\s*-\s*|\s+/gu, ' ');
}

/**
 * Record a person's multi-word name under its key.
 *
 * @param names
 *   Key → entry.
 * @param text
 *   Name as listed (folded).
 * @param entry
 *   Its actor and form type.
 * @returns
 *   Nothing.
 * @throws
 *   When two people's names differ only by hyphens, spaces or case.
 */
function addPersonName(names: Map<string, FormEntry>, text: string, entry: FormEntry): undefined {
	const key = personNameKey(text);
	const other = names.get(key);
	if (other && other.actor !== entry.actor) {
		throw new Error(`Personal names of “${other.actor}” and “${entry.actor}” differ only by hyphens, spaces or case (“${text}”)`);
	}
	names.set(key, entry);
	return undefined;
}

/**
 * Regex source matching every spelling of a personal name that differs from
 * it only by letter case or by a hyphen or space between its parts.
 *
 * @param key
 *   The name's key (`kim jong il`).
 * @returns
 *   Regex source.
 */
function personNamePattern(key: string): string {
	return key
		.split(' ')
		.map((part) =>
			[...part]
				.map((character) => {
					const upper = character.toUpperCase();
					return upper === character ? escapeRegex(character) : `[${character}${upper}]`;
				})
				.join(''),
		)
		.join(String.raw`(?:\s*-\s*|\s+)`);
}

/**
 * What a match of the actor pattern stands for before the document is known:
 * the actor when the form decides it, or the candidates a short (or shared)
 * form may name, one of which the document's full names pick.
 */
interface PendingActorHit {
	/** The form as matched (without possessive). */
	form: string;
	/** The one entry the form names, or the candidates of a short or shared form. */
	entries: readonly FormEntry[];
	/** Whether the form stands inside an instrument's title (then an organisation is not linked). */
	insideTitle: boolean;
}

/**
 * The actor recogniser with short forms left open: it finds and consumes
 * exactly what the recogniser for any set of named actors does (which actors
 * a document names changes what a short form links to, never where scanning
 * goes), so one scan serves both the document-wide decision and the links.
 * @param matcher
 *   Compiled registry.
 * @returns
 *   Recogniser whose hits are resolved by `resolveActorHits`.
 */
function pendingActorRecogniser(matcher: ActorMatcher): Recogniser<PendingActorHit> {
	const at = matcher.matchAt;
	return {
		pattern: matcher.pattern,
		find: matcher.find,
		interpret(input, index, match, found) {
			// `find` returns the pattern's match at `index` (the same dispatch as `matchAt`): its groups need no second run.
			const form = (found ?? at(input, index))?.groups?.['form'];
			if (form === undefined) return false;
			const entries = matcher.lookup(form);
			const end = index + match.length;
			// Leftmost is not always right: in “the North Korean leader” the form “the North” starts
			// first, but “North Korean”, starting a word later, runs past it. Give way to a form that
			// starts inside this match and ends after it; scanning resumes one character later.
			for (let start = index + 1; start < end; start++) {
				if (!/[\s\u00a0]/u.test(input.charAt(start - 1))) continue;
				const other = at(input, start);
				const otherForm = other?.groups?.['form'];
				if (otherForm !== undefined && start + other![0].length > end && matcher.lookup(otherForm)) return false;
			}
			// A not-form: consumed, nothing inside linked.
			if (!entries || entries.length === 0) return [];
			const open = entries.length > 1 || entries[0]?.type === 'short';
			// "Kim Il-Sung": a short form followed by a capitalised word is part of another name.
			if (open && /^[\s\u00a0-]\p{Lu}/u.test(input.slice(index + form.length))) return [];
			// "the Charter of the United Nations", "the UN Convention on …": the title names an instrument, not the
			// organisation; a registered instrument is matched whole (longest form first), any other stays text.
			const insideTitle = entries.some((entry) => matcher.organisations.has(entry.actor)) && isInsideInstrumentTitle(input, index, end);
			if (!open && insideTitle) return [];
			return [{ start: index, end, data: { form, entries, insideTitle } }];
		},
	};
}

/**
 * The links among pending hits: a short or shared form only when exactly one
 * of its actors is named in full in the document, an organisation never inside
 * an instrument's title.
 * @param hits
 *   Pending hits, in order.
 * @param matcher
 *   Compiled registry.
 * @param named
 *   Actors named by a non-short form in the document (default: none).
 * @returns
 *   Hits in order.
 */
function resolveActorHits(hits: ReadonlyArray<Hit<PendingActorHit>>, matcher: ActorMatcher, named?: ReadonlySet<string> | null): Array<Hit<ActorHit>> {
	const resolved: Array<Hit<ActorHit>> = [];
	for (const { start, end, data } of hits) {
		let entry = data.entries[0];
		if (data.entries.length > 1 || entry?.type === 'short') {
			const candidates = data.entries.filter((candidate) => named?.has(candidate.actor));
			if (candidates.length !== 1) continue;
			entry = candidates[0];
			if (entry && matcher.organisations.has(entry.actor) && data.insideTitle) continue;
		}
		if (entry) resolved.push({ start, end, data: { ...entry, form: data.form } });
	}
	return resolved;
}

/**
 * The actor recogniser for one document.
 * @param matcher
 *   Compiled registry.
 * @param named
 *   Actors named by a non-short form somewhere in the document (see
 *   `namedActors`); short forms resolve against it (default: none, so no short
 *   form is linked).
 * @returns
 *   Recogniser.
 */
export function createActorRecogniser(matcher: ActorMatcher, named?: ReadonlySet<string> | null): Recogniser<ActorHit> {
	const pending = pendingActorRecogniser(matcher);
	return {
		pattern: pending.pattern,
		find: pending.find,
		interpret(input, index, match, found) {
			const hits = pending.interpret(input, index, match, found);
			return hits === false ? false : resolveActorHits(hits, matcher, named);
		},
	};
}

/**
 * Every actor mention in the texts of one document, each text read once:
 * which actors the texts name in full (what a bare short form may refer to,
 * as `namedActors` decides) and the links, from one scan of each text where
 * it has no context before it (the first text of a block, mostly).
 * @param matcher
 *   Compiled registry.
 * @returns
 *   Function from the document's texts, in order (each with the words before
 *   it in its sentence, read as context: see `scan`), to each text's hits.
 */
export function createActorScanner(matcher: ActorMatcher): (texts: ReadonlyArray<{ value: string; before: string }>) => Array<Array<Hit<ActorHit>>> {
	const pending = pendingActorRecogniser(matcher);
	return (texts) => {
		const alone = texts.map((text) => scan(pending, text.value));
		const named = namedIn(alone);
		return texts.map((text, index) => resolveActorHits(text.before === '' ? alone[index]! : scan(pending, text.value, text.before), matcher, named));
	};
}

/**
 * The actors that pending hits name by a form that decides them (not a short or shared form).
 * @param scans
 *   Pending hits of each text.
 * @returns
 *   Actor ids.
 */
function namedIn(scans: Iterable<ReadonlyArray<Hit<PendingActorHit>>>): Set<string> {
	const ids = new Set<string>();
	for (const hits of scans) {
		for (const { data } of hits) {
			const entry = data.entries[0];
			if (data.entries.length === 1 && entry && entry.type !== 'short') ids.add(entry.actor);
		}
	}
	return ids;
}

/** Nouns that head an instrument's title, capitalised as titles write them. */
const INSTRUMENT_NOUN = String.raw`(?:Charter|Conventions?|Covenants?|Statutes?|Treaty|Treaties|Protocols?|Declarations?|Resolutions?)`;
/** An instrument noun right after a form: "the UN Convention on the Law of the Sea". */
const INSTRUMENT_AFTER = new RegExp(String.raw`^(?:'s)?[\s-]+${INSTRUMENT_NOUN}(?![\p{L}])`, 'u');
/** An instrument noun and "of" right before a form: "the Charter of the United Nations". */
const INSTRUMENT_BEFORE = new RegExp(String.raw`(?<![\p{L}])${INSTRUMENT_NOUN}\s+of\s+(?:the\s+)?$`, 'u');

/**
 * Whether a form stands inside the title of an instrument: a capitalised
 * instrument noun right after it ("UN Charter", "NATO Treaty", "UN Security
 * Council Resolution 2270") or "<Noun> of (the)" right before it ("Charter of
 * the United Nations"). Lower-case nouns are not titles: "UN sanctions
 * resolutions" names the organisation.
 *
 * @param input
 *   Scanned text.
 * @param start
 *   Where the form starts.
 * @param end
 *   Where it ends (after any possessive).
 * @returns
 *   Whether the form is part of a title.
 */
function isInsideInstrumentTitle(input: string, start: number, end: number): boolean {
	return INSTRUMENT_AFTER.test(input.slice(end, end + 16)) || INSTRUMENT_BEFORE.test(input.slice(Math.max(0, start - 24), start));
}

/**
 * Actors named by a non-short form in any of the texts: what a short form may
 * refer to.
 *
 * @param matcher
 *   Compiled registry.
 * @param texts
 *   Every annotatable text of the document.
 * @returns
 *   Actor ids.
 */
export function namedActors(matcher: ActorMatcher, texts: Iterable<string>): Set<string> {
	const pending = pendingActorRecogniser(matcher);
	return namedIn([...texts].map((text) => scan(pending, text)));
}

/**
 * Every actor mention in one string (pure). Short forms resolve against the
 * actors the same string names in full, unless `named` is given.
 *
 * @param text
 *   Text to scan.
 * @param matcher
 *   Compiled registry.
 * @param named
 *   Actors named elsewhere in the document (default: those named in `text`).
 * @returns
 *   Hits in order.
 */
export function findActorMentions(text: string, matcher: ActorMatcher, named?: ReadonlySet<string> | null): Array<Hit<ActorHit>> {
	return scan(createActorRecogniser(matcher, named ?? namedActors(matcher, [text])), text);
}
