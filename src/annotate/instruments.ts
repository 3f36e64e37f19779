/**
 * Whose article is it? The instruments a text names, read with the words of
 * `content/instruments.yaml`: this treaty ("the treaty", "the
 * Moscow-Pyongyang document", "the Treaty on Comprehensive Strategic
 * Partnership"), another one ("the 1961 treaty", "the UN Charter", "the
 * Warsaw Pact", "the NPT"), or a phrase that could be either ("the
 * much-criticised pact": a word the lists do not know). The article
 * recogniser asks three questions of it: what the phrase after "of" names,
 * which instrument was named last before a citation (in its sentence or the
 * one before), and whether another instrument's name covers a hit.
 *
 * Every list matches without regard to letter case, curly or straight
 * quotes, hyphens (a hyphen, a dash, a space or nothing between the parts of
 * a word) and invisible characters: the text is folded (`matching-text.ts`)
 * and the words compared by their `wordKey`.
 */
import { foldForMatching } from './matching-text.ts';
import { escapeRegex } from './recogniser.ts';
import type { Instruments } from '../schemas/instrument.ts';

/** Whose an instrument is: this treaty's, another's, or not to be decided from its words. */
export type InstrumentSide = 'ours' | 'other' | 'unclear';

/** An instrument named in a text. */
export interface InstrumentMention {
	start: number;
	end: number;
	side: InstrumentSide;
	/** Only a determiner and a noun ("the treaty", "the pact"): it names whatever the text is about. */
	bare: boolean;
	/** The registry id of another instrument named by one of its forms. */
	id?: string;
}

/** The instruments of `content/instruments.yaml`, compiled. */
export interface InstrumentReader {
	/**
	 * Every instrument named in a (folded) text, in order, not overlapping.
	 *
	 * @param text
	 *   Folded text.
	 * @returns
	 *   Mentions.
	 */
	mentions(text: string): InstrumentMention[];
	/**
	 * The instruments named inside a part of a text (read in the whole text once: one reading serves every part).
	 *
	 * @param text
	 *   Folded text.
	 * @param from
	 *   Start of the part.
	 * @param to
	 *   End of the part.
	 * @returns
	 *   Mentions lying wholly inside it, offsets in `text`.
	 */
	mentionsIn(text: string, from: number, to: number): InstrumentMention[];
	/**
	 * The instrument named at the very start of a text (after "of": "the
	 * 1961 treaty", "the sanctions-busting accord").
	 *
	 * @param text
	 *   Folded text starting where the phrase may start.
	 * @returns
	 *   The mention, or `undefined` when no instrument starts there.
	 */
	at(text: string): InstrumentMention | undefined;
	/**
	 * The instrument whose name covers a span ("the US-ROK Mutual Defense
	 * Treaty" covers "Mutual Defense Treaty").
	 *
	 * @param text
	 *   Folded text.
	 * @param start
	 *   Start of the span.
	 * @param end
	 *   End of the span.
	 * @returns
	 *   The covering mention, or `undefined`.
	 */
	covering(text: string, start: number, end: number): InstrumentMention | undefined;
	/**
	 * Whose the words right before a phrase make it, read back to a
	 * determiner, a preposition or punctuation: "Washington's assistance
	 * pledge" and "the US defence commitment" are another's, "Russia's
	 * assistance pledge" ours.
	 *
	 * @param before
	 *   Folded text ending where the phrase starts.
	 * @returns
	 *   `other` when a word names someone else's instrument, else `ours` (no words: `ours`).
	 */
	qualifiedBy(before: string): 'ours' | 'other';
}

/**
 * How a word is compared with the lists: folded, lower case, without dots,
 * hyphens, dashes or spaces ("U.S." = "US", "Soviet-era" = "Soviet era" =
 * "sovietera", "Russia–DPRK" = "russia-dprk").
 *
 * @param word
 *   Word or phrase as written.
 * @returns
 *   Key.
 */
export function wordKey(word: string): string {
	return foldForMatching(word)
		.toLowerCase()
		.replace(/[.\s\u2010-\u2015-]+/gu, '');
}

/** Between the parts of a hyphenated word: a hyphen or dash (with or without spaces), a space, or nothing. */
const PART_JOIN = String.raw`(?:\s*[\u2010-\u2015-]\s*|\s+)?`;
/** Between two words: spaces, or a hyphen or dash. */
const WORD_JOIN = String.raw`(?:\s*[\u2010-\u2015-]\s*|\s+)`;

/**
 * Regex source for a listed name, matching it whatever its hyphens, spaces
 * and dots: "Non-Proliferation Treaty" also matches "Nonproliferation
 * Treaty" and "Non Proliferation Treaty"; an acronym ("NPT", "U.S.") also
 * matches with or without dots ("N.P.T.", "US").
 *
 * @param name
 *   Name as listed.
 * @returns
 *   Regex source (for a case-insensitive Unicode regex).
 */
export function looseNameSource(name: string): string {
	return foldForMatching(name)
		.trim()
		.split(/\s+/u)
		.map((word) =>
			word
				.split(/[\u2010-\u2015-]/u)
				.filter((part) => part !== '')
				.map((part) => {
					const letters = part.replace(/\./gu, '');
					// An acronym: its letters with or without a dot after each.
					if (/^\p{Lu}{2,6}$/u.test(letters)) return [...letters].map((letter) => `${escapeRegex(letter)}\\.?`).join('');
					return escapeRegex(part);
				})
				.join(PART_JOIN),
		)
		.join(WORD_JOIN);
}

/** Determiners (and possessives) that open a noun phrase naming an instrument. */
const DETERMINER = String.raw`(?:the|this|that|these|those|our|its|their|[\p{L}\p{N}][\p{L}\p{N}.\u2010-\u2015-]*'s?)`;
/** Words that end a noun phrase before its noun: no qualifier is one of them. */
const NOT_A_QUALIFIER = String.raw`(?:of|in|on|at|by|with|for|to|from|that|which|who|was|is|are|were|has|had|have|be|been|will|would|under|the|a|an|this|its|their|our)`;
/** A qualifier before the noun: a word, a year, a compound ("Russia–DPRK", "sanctions-busting"). */
const QUALIFIER = String.raw`(?!${NOT_A_QUALIFIER}(?![\p{L}\p{N}]))[\p{L}\p{N}][\p{L}\p{N}.'\u2010-\u2015-]*`;

/** A word that ends the words qualifying a phrase when read backwards. */
const STOP_WORD = new RegExp(`^${NOT_A_QUALIFIER}$|^(?:a|and|or|but|as|than|like|unlike|said|says|its)$`, 'iu');

/** How far before its noun a phrase naming an instrument may start (a determiner and five qualifiers). */
const PHRASE_REACH = 100;

/** How many texts the instrument reader remembers the mentions of: the paragraph and the short texts asked about in it. */
const MENTION_CACHE_SIZE = 4;

/** Where a word starts (not inside a word, a possessive, an acronym's dots or a compound). */
const WORD_START = /(?<![\p{L}\p{N}.'\u2010-\u2015-])[\p{L}\p{N}]/gu;

/** A plural-tolerant noun: "treaty" also matches "treaties", "pact" "pacts". */
function nounSource(noun: string): string {
	const escaped = escapeRegex(noun);
	return noun.endsWith('y') ? `${escapeRegex(noun.slice(0, -1))}(?:y|ies)` : `${escaped}(?:e?s)?`;
}

/**
 * Compile the instruments of `content/instruments.yaml`.
 *
 * @param instruments
 *   The validated file.
 * @returns
 *   Reader.
 */
export function compileInstruments(instruments: Readonly<Instruments>): InstrumentReader {
	const keys = (words: readonly string[]) => new Set(words.map(wordKey));
	const ours = instruments.ours;
	const ourYear = String(ours.year);
	const ourNouns = keys(ours.nouns);
	const otherNouns = keys(instruments.otherNouns);
	// A party named in several words ("North Korea") is read word by word in a phrase, and whole in a compound.
	const partyWords = keys([...ours.parties, ...ours.parties.flatMap((party) => party.split(/\s+/u))]);
	const ourQualifiers = keys([...ours.qualifiers, ...ours.titles.flatMap((title) => title.split(/\s+/u))]);
	const otherQualifiers = keys(instruments.otherQualifiers);
	const ourTitles = ours.titles.map((title) => new RegExp(`^${looseNameSource(title)}`, 'iu'));

	// Names first (longest first), then any noun phrase ending in an instrument noun.
	const named = instruments.others.flatMap((other) => other.forms.map((form) => ({ id: other.id, form, source: looseNameSource(form) })));
	named.sort((a, b) => b.form.length - a.form.length);
	const titles = [...ours.titles].sort((a, b) => b.length - a.length).map(looseNameSource);
	const nouns = [...ourNouns, ...otherNouns].map(nounSource).join('|');
	const namedSource = [
		named.length === 0 ? '' : `(?:the\\s+)?(?<named>${named.map((item) => `(?:${item.source})`).join('|')})`,
		titles.length === 0 ? '' : `(?:the\\s+)?(?<title>${titles.join('|')})`,
	].filter((part) => part !== '');
	const namedAt = namedSource.length === 0 ? undefined : new RegExp(String.raw`(?:${namedSource.join('|')})(?![\p{L}\p{N}])`, 'iuy');
	const phraseAt = new RegExp(
		String.raw`(?<phrase>(?:(?<determiner>${DETERMINER})\s+)?(?<qualifiers>(?:${QUALIFIER}(?:\s*,?\s+)){0,5}?)(?<noun>${nouns}))(?![\p{L}\p{N}])`,
		'iuy',
	);
	// What every mention holds: a noun, or the first word of a name or title. Found first, by a plain alternation
	// of words without a lookbehind (which a regex engine can search for fast), so that the phrase around each is
	// read only there, not tried at every offset of the text.
	const firstWords = [...new Set([...named.map((item) => item.form), ...ours.titles].map((form) => looseNameSource(form.replace(/^the\s+/iu, '').split(/[\s\u2010-\u2015-]+/u)[0] ?? form)))];
	const anchor = new RegExp(`(?:${[nouns, ...firstWords].join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	const nounAt = new RegExp(`(?:${nouns})(?![\\p{L}\\p{N}])`, 'iuy');
	/**
	 * The phrase that ends with the noun at an offset: it starts at most a determiner and five qualifiers
	 * before it, at the farthest word from which the phrase reaches this noun.
	 */
	const phraseAround = (text: string, from: number, start: number, end: number): RegExpExecArray | null => {
		const reach = Math.max(from, start - PHRASE_REACH);
		const starts = [...text.slice(reach, start).matchAll(WORD_START)].map((word) => reach + word.index).slice(-6);
		for (const at of [...starts, start]) {
			phraseAt.lastIndex = at;
			const match = phraseAt.exec(text);
			if (match && match.index + match[0].length === end) return match;
		}
		return null;
	};
	/**
	 * The last few texts read and their mentions: the recogniser asks about one paragraph many times, in turn
	 * with the few words after a citation (`at`), so one remembered text would be read again after each of those.
	 */
	const cached: Array<{ text: string; mentions: InstrumentMention[] }> = [];
	const formIds = new Map(named.map((item) => [wordKey(item.form), item.id]));

	/**
	 * Whose instrument a phrase names, from the words before its noun.
	 *
	 * @returns
	 *   Side, and whether it is bare.
	 */
	const classify = (text: string, match: RegExpExecArray): Pick<InstrumentMention, 'side' | 'bare' | 'id'> => {
		const groups = match.groups ?? {};
		if (groups['named'] !== undefined) {
			const id = formIds.get(wordKey(groups['named'])) ?? named.find((item) => new RegExp(`^(?:${item.source})$`, 'iu').test(groups['named']!))?.id;
			return { side: 'other', bare: false, ...(id === undefined ? {} : { id }) };
		}
		if (groups['title'] !== undefined) return { side: 'ours', bare: false };
		const noun = groups['noun'] ?? '';
		const nounKey = wordKey(noun).replace(/ies$/u, 'y').replace(/(?<=[^s])e?s$/u, '');
		if (otherNouns.has(nounKey) || otherNouns.has(wordKey(noun))) return { side: 'other', bare: false };
		// A capitalised noun with a title after it: "the Treaty of Westphalia" (ours only when it is one of our titles).
		const end = match.index + match[0].length;
		const nounStart = end - noun.length;
		if (/^\p{Lu}/u.test(noun) && /^\s+(?:of|on)\s+(?:the\s+)?\p{Lu}/u.test(text.slice(end))) {
			return { side: ourTitles.some((title) => title.test(text.slice(nounStart))) ? 'ours' : 'other', bare: false };
		}
		const words: string[] = [];
		const determiner = groups['determiner'];
		if (determiner !== undefined && /'s?$/u.test(determiner) && !/^its$/iu.test(determiner)) words.push(determiner.replace(/'s?$/u, ''));
		words.push(...(groups['qualifiers'] ?? '').split(/[\s,]+/u).filter((word) => word !== ''));
		let side: InstrumentSide = 'ours';
		for (const word of words) {
			const verdict = qualifierSide(word);
			if (verdict === 'other') return { side: 'other', bare: false };
			if (verdict === 'unclear') side = 'unclear';
		}
		return { side, bare: words.length === 0 };
	};

	/** What one word before the noun says about whose the instrument is. */
	const qualifierSide = (word: string): InstrumentSide => {
		const key = wordKey(word);
		if (key === 'and' || key === 'or') return 'ours';
		if (/^\d{4}$/u.test(key)) return key === ourYear ? 'ours' : 'other';
		if (otherQualifiers.has(key)) return 'other';
		if (ourQualifiers.has(key) || partyWords.has(key)) return 'ours';
		// A compound of parties and known words ("Russia–DPRK", "Putin-Kim", "Moscow-Pyongyang").
		const parts = foldForMatching(word)
			.split(/[\u2010-\u2015-]/u)
			.filter((part) => part !== '');
		if (parts.length > 1) {
			const sides = parts.map((part) => qualifierSide(part));
			if (sides.includes('other')) return 'other';
			if (sides.every((part) => part === 'ours')) return 'ours';
		}
		// An unknown capitalised word names someone else's instrument ("the Warsaw Pact", "the Minsk agreement").
		return /^\p{Lu}/u.test(word) ? 'other' : 'unclear';
	};

	const mentionOf = (text: string, match: RegExpExecArray): InstrumentMention => ({
		start: match.index,
		end: match.index + match[0].length,
		...classify(text, match),
	});

	return {
		mentions(text) {
			const known = cached.find((entry) => entry.text === text);
			if (known) return known.mentions;
			const found: InstrumentMention[] = [];
			let from = 0;
			anchor.lastIndex = 0;
			for (let word = anchor.exec(text); word; word = anchor.exec(text)) {
				const start = word.index;
				anchor.lastIndex = start + 1;
				if (start < from || /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
				// A name or a title, with "the" before it or not.
				const the = /the\s+$/iu.exec(text.slice(Math.max(from, start - 8), start));
				let match: RegExpExecArray | null = null;
				for (const at of the ? [start - the[0].length, start] : [start]) {
					if (!namedAt || match) break;
					namedAt.lastIndex = at;
					match = namedAt.exec(text);
				}
				if (!match) {
					nounAt.lastIndex = start;
					const noun = nounAt.exec(text);
					if (!noun) continue;
					match = phraseAround(text, from, start, start + noun[0].length);
					if (!match) continue;
				}
				found.push(mentionOf(text, match));
				from = match.index + match[0].length;
				anchor.lastIndex = Math.max(anchor.lastIndex, from);
			}
			if (cached.unshift({ text, mentions: found }) > MENTION_CACHE_SIZE) cached.pop();
			return found;
		},
		mentionsIn(text, from, to) {
			return this.mentions(text).filter((mention) => mention.start >= from && mention.end <= to);
		},
		at(text) {
			return this.mentions(text.slice(0, PHRASE_REACH)).find((mention) => mention.start === 0);
		},
		qualifiedBy(before) {
			// The (up to) three whole words right before the phrase.
			if (!/\s$/u.test(before)) return 'ours';
			const words = before.trimEnd().split(/\s+/u).slice(-3);
			for (let index = words.length - 1; index >= 0; index--) {
				const word = words[index]!;
				// A determiner, a preposition or the end of a clause ends the phrase's qualifiers.
				if (STOP_WORD.test(word) || /[.,;:!?)\]"”]$/u.test(word)) break;
				if (qualifierSide(word.replace(/'s?$/u, '')) === 'other') return 'other';
			}
			return 'ours';
		},
		covering(text, start, end) {
			return this.mentions(text).find((mention) => mention.start <= start && mention.end >= end);
		},
	};
}
