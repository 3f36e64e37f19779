import { describe, expect, it } from 'vitest';
import { compileActors, createActorRecogniser, createActorScanner, findActorMentions, namedActors, type ActorSource } from '../../../src/annotate/actor-matcher';
import { scan } from '../../../src/annotate/recogniser';

/** A small registry with every trap of the five texts. */
const actors: ActorSource[] = [
	{
		id: 'russia',
		forms: ['Russia', { text: 'Russian', type: 'adjective' }, { text: 'Moscow', type: 'metonym' }, { text: 'the Kremlin', type: 'metonym' }],
		notForms: ['Russia Day', 'Russian Far East', 'Moscow and Pyongyang declarations'],
	},
	{
		id: 'north-korea',
		forms: [
			'North Korea',
			'Democratic People’s Republic of Korea',
			{ text: 'DPRK', type: 'abbreviation' },
			{ text: 'North Korean', type: 'adjective' },
			{ text: 'Pyongyang', type: 'metonym' },
			{ text: 'the North', type: 'metonym' },
		],
		notForms: ['the North Star', 'Korean Peninsula'],
	},
	{ id: 'south-korea', forms: ['South Korea', 'Republic of Korea', { text: 'ROK', type: 'abbreviation' }] },
	{ id: 'united-states', forms: ['United States', { text: 'US', type: 'abbreviation' }, { text: 'U.S.', type: 'abbreviation' }] },
	{ id: 'japan', forms: ['Japan'] },
	{ id: 'mgu-korea-center', forms: ['Korea Center'], notForms: [] },
	{ id: 'kim-jong-un', kind: 'person', forms: ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un', { text: 'Kim', type: 'short' }] },
	{ id: 'kim-jong-il', kind: 'person', forms: ['Kim Jong il', { text: 'Kim', type: 'short' }] },
	{ id: 'kim-il-sung', kind: 'person', forms: ['Kim Il Sung'] },
	{ id: 'jake-sullivan', kind: 'person', forms: ['Jake Sullivan', { text: 'Jack Sullivan', type: 'misspelling', correct: 'Jake Sullivan' }] },
	{ id: 'vladimir-putin', kind: 'person', forms: ['Vladimir Putin', 'Putin'] },
];
const matcher = compileActors(actors);

/** Hits as `text → id (form)`. */
function found(text: string, named?: ReadonlySet<string>): string[] {
	return findActorMentions(text, matcher, named).map((hit) => `${text.slice(hit.start, hit.end)} → ${hit.data.actor} (${hit.data.type}${hit.data.correct ? `: ${hit.data.correct}` : ''})`);
}

describe('actor-matcher', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/actor-matcher')).sort()).toEqual([
			'compileActors',
			'createActorRecogniser',
			'createActorScanner',
			'findActorMentions',
			'namedActors',
		]);
	});

	it.each([
		['Russia and North Korea', ['Russia → russia (name)', 'North Korea → north-korea (name)']],
		['Russian foreign policy', ['Russian → russia (adjective)']],
		['North Korean workers', ['North Korean → north-korea (adjective)']],
		['ties with Pyongyang', ['Pyongyang → north-korea (metonym)']],
		['the DPRK', ['DPRK → north-korea (abbreviation)']],
		// Hyphens are boundaries.
		['the Russia-DPRK Treaty', ['Russia → russia (name)', 'DPRK → north-korea (abbreviation)']],
		['the U.S.-ROK-Japan trilateral', ['U.S. → united-states (abbreviation)', 'ROK → south-korea (abbreviation)', 'Japan → japan (name)']],
		['US-led sanctions', ['US → united-states (abbreviation)']],
		['US-supplied weaponry', ['US → united-states (abbreviation)']],
		['Moscow-Pyongyang relations', ['Moscow → russia (metonym)', 'Pyongyang → north-korea (metonym)']],
		// Possessives stay inside the link text.
		['Russia’s ammunition', ['Russia’s → russia (name)']],
		["Russia's strained relations", ["Russia's → russia (name)"]],
		['the US’ global strategy', ['US’ → united-states (abbreviation)']],
		['the Kremlin’s support', ['the Kremlin’s → russia (metonym)']],
		['The Kremlin said', ['The Kremlin → russia (metonym)']],
		// Longest first across the registry.
		['the Democratic People’s Republic of Korea (DPRK)', ['Democratic People’s Republic of Korea → north-korea (name)', 'DPRK → north-korea (abbreviation)']],
		['the Republic of Korea (ROK)', ['Republic of Korea → south-korea (name)', 'ROK → south-korea (abbreviation)']],
		['Project Fellow at the Korea Center', ['Korea Center → mgu-korea-center (name)']],
		['as the North continues', ['the North → north-korea (metonym)']],
		// A longer form that starts a word later wins over a leftmost shorter one.
		['Kim Jong Un, the North Korean leader, wrote', ['Kim Jong Un → kim-jong-un (name)', 'North Korean → north-korea (adjective)']],
		['the North Korean leaders understand', ['North Korean → north-korea (adjective)']],
		// Misspellings link to the right person.
		['the US National Security Advisor Jack Sullivan showed', ['US → united-states (abbreviation)', 'Jack Sullivan → jake-sullivan (misspelling: Jake Sullivan)']],
		// Case-sensitive, whole words.
		['us and them', []],
		['Russians', []],
		['Prussia', []],
		['RussiaToday', []],
	])('should find %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['for Russia Day', []],
		['the Russian Far East', []],
		['the 2000 and 2001 Moscow and Pyongyang declarations', []],
		['the North Star of bilateral ties', []],
		['on the Korean Peninsula', []],
	])('should link nothing inside the look-alike %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		['Kim Jong-Un visited. Kim’s invite and Kim left.', ['Kim Jong-Un → kim-jong-un (name)', 'Kim’s → kim-jong-un (short)', 'Kim → kim-jong-un (short)']],
		['Kim left.', []],
		['Kim Jong Un met Kim Jong il. Kim spoke.', ['Kim Jong Un → kim-jong-un (name)', 'Kim Jong il → kim-jong-il (name)']],
		['Kim Dae-jung won it; Kim Jong Un leads it.', ['Kim Jong Un → kim-jong-un (name)']],
		['Kim Il-Sung founded it; Kim Jong Un leads it.', ['Kim Il-Sung → kim-il-sung (name)', 'Kim Jong Un → kim-jong-un (name)']],
		['Kim Il Sung founded it; Kim spoke.', ['Kim Il Sung → kim-il-sung (name)']],
	])('should resolve short forms in %j only against actors named in full', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it('should resolve short forms against actors named elsewhere in the document', () => {
		expect(found('Kim spoke.', new Set(['kim-jong-un']))).toEqual(['Kim → kim-jong-un (short)']);
		expect(found('Kim spoke.', new Set(['kim-jong-un', 'kim-jong-il']))).toEqual([]);
		expect([...namedActors(matcher, ['Kim Jong-un met', 'Putin and Kim'])].sort()).toEqual(['kim-jong-un', 'vladimir-putin']);
	});

	describe('createActorScanner', () => {
		/** A document's texts, some with the words before them in their sentence (context only). */
		const texts = [
			{ value: 'Kim spoke first; the North Star shone over Pyongyang.', before: '' },
			{ value: ' met Kim Jong-un, and the Kremlin said Kim agreed.', before: 'In Moscow, Putin' },
			{ value: 'Korean leader met the UN Charter drafters.', before: 'the North ' },
			{ value: 'Kim Il Sung and Kim; Jack Sullivan of the U.S.', before: '' },
		];

		it('should find what naming the document’s actors and then scanning each text with its context finds', () => {
			const named = namedActors(matcher, texts.map((text) => text.value));
			const reference = texts.map((text) => scan(createActorRecogniser(matcher, named), text.value, text.before));
			expect(createActorScanner(matcher)(texts)).toEqual(reference);
			expect(reference.flat().some((hit) => hit.data.type === 'short')).toBe(true);
		});

		it('should read a text with no context before it once', () => {
			let calls = 0;
			const counted = { ...matcher, find: (input: string, from: number) => (calls++, matcher.find(input, from)) };
			const alone = texts.filter((text) => text.before === '');
			for (const text of alone) scan(createActorRecogniser(counted), text.value);
			const single = calls;
			calls = 0;
			createActorScanner(counted)(alone);
			expect(calls).toBe(single);
		});
	});

	it('should never let a short form name anyone when no set is given', () => {
		expect(scan(createActorRecogniser(matcher), 'Kim spoke; Kim Jong Un too.').map((hit) => hit.data.actor)).toEqual(['kim-jong-un']);
	});

	it('should refuse a non-short form shared by two actors', () => {
		expect(() => compileActors([{ id: 'a', forms: ['Korea'] }, { id: 'b', forms: ['Korea'] }])).toThrow('Surface form “Korea” is given to both “a” and “b”');
	});

	it('should let a form win over another actor’s look-alike of the same text', () => {
		const m = compileActors([
			{ id: 'north-korea', forms: ['Korea'], notForms: ['Korea Center'] },
			{ id: 'centre', forms: ['Korea Center'] },
		]);
		expect(findActorMentions('at the Korea Center', m).map((hit) => hit.data.actor)).toEqual(['centre']);
	});

	it('should match nothing with an empty registry', () => {
		expect(findActorMentions('Russia', compileActors([]))).toEqual([]);
	});

	it('should escape regex characters in forms', () => {
		const m = compileActors([{ id: 'us', forms: ['U.S.'] }]);
		expect(findActorMentions('the UXSX and the U.S. too', m).map((hit) => hit.start)).toEqual([17]);
	});

	it.each([
		['Kim Jong-Un said', ['Kim Jong-Un → kim-jong-un (name)']],
		['KIM JONG UN said', ['KIM JONG UN → kim-jong-un (name)']],
		['Kim Jong-Il and Kim Jong Il', ['Kim Jong-Il → kim-jong-il (name)', 'Kim Jong Il → kim-jong-il (name)']],
		['Kim Il-Sung, Kim il sung', ['Kim Il-Sung → kim-il-sung (name)', 'Kim il sung → kim-il-sung (name)']],
		['Kim Jong\u00a0Un’s visit', ['Kim Jong\u00a0Un’s → kim-jong-un (name)']],
	])('should match a personal name written with other hyphens, spaces or case: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it('should not let a place or an organisation vary like a personal name', () => {
		expect(found('south korea and SOUTH KOREA')).toEqual([]);
	});

	it.each([
		["the Democratic People's Republic of Korea", ["Democratic People's Republic of Korea → north-korea (name)"]],
		['Pyongyang\u2019s and Pyongyang\u02bcs', ['Pyongyang\u2019s → north-korea (metonym)', 'Pyongyang\u02bcs → north-korea (metonym)']],
		['Pyong\u00adyang and Pyong\u200byang', ['Pyong\u00adyang → north-korea (metonym)', 'Pyong\u200byang → north-korea (metonym)']],
		['Russia\u00a0Day', []],
	])('should read curly and straight apostrophes alike and skip invisible characters: %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it('should refuse two people whose names differ only by hyphens, spaces or case', () => {
		expect(() =>
			compileActors([
				{ id: 'a', kind: 'person', forms: ['Kim Jong Il'] },
				{ id: 'b', kind: 'person', forms: ['Kim Jong-il'] },
			]),
		).toThrow(/differ only by hyphens, spaces or case/);
	});
});

describe('the combined matcher (forms split by first character)', () => {
	/** What the one regex over every form finds from `from`, as the scanner reads it. */
	const byOneRegex = (pattern: RegExp, text: string, from: number) => {
		const copy = new RegExp(pattern.source, pattern.flags);
		copy.lastIndex = from;
		return summary(copy.exec(text));
	};
	/** What the one regex finds starting exactly at `index`. */
	const byOneRegexAt = (pattern: RegExp, text: string, index: number) => {
		const sticky = new RegExp(pattern.source, 'uy');
		sticky.lastIndex = index;
		return summary(sticky.exec(text));
	};
	const summary = (match: RegExpExecArray | null | undefined) =>
		match ? { index: match.index, text: match[0], form: match.groups?.['form'], possessive: match.groups?.['possessive'] } : null;

	const texts = [
		'the North Korean leader met the North and North Korea’s envoy',
		"The Kremlin's view; the Kremlin, THE KREMLIN",
		'Russia Day, Russia-DPRK, Russians, xRussia, Russia2, U.S.-ROK-Japan and US’ global reach',
		'Korea Center, Korean Peninsula, the North Star, Russian Far East',
		'Moscow and Pyongyang declarations; Moscow and Pyongyang',
		'Kim Jong-un, KIM JONG UN, kim  jong - un, Kim Il-Sung, Kim, Kim Dae-jung',
		"Democratic People's Republic of Korea and the Democratic People's Republic",
		'',
	];

	it.each(texts)('should find, from every offset, what the one regex finds: %j', (text) => {
		for (let from = 0; from <= text.length; from++) {
			expect(summary(matcher.find(text, from))).toEqual(byOneRegex(matcher.pattern, text, from));
			expect(summary(matcher.matchAt(text, from))).toEqual(byOneRegexAt(matcher.pattern, text, from));
		}
	});

	it('should prefer the longest form at a word start, whole words only', () => {
		expect(summary(matcher.find('North Korean troops', 0))).toMatchObject({ index: 0, form: 'North Korean' });
		expect(summary(matcher.find('North Korea’s troops'.replace('’', "'"), 0))).toMatchObject({ index: 0, form: 'North Korea', possessive: "'s" });
		expect(summary(matcher.find('Russians and Russia', 0))).toMatchObject({ index: 13, form: 'Russia' });
		expect(summary(matcher.find('the North Star', 0))).toMatchObject({ index: 0, form: 'the North Star' });
		expect(matcher.find('NorthKorea', 0)).toBeNull();
	});

	it('should find what the one regex finds in every form of a larger registry', () => {
		const many = compileActors(
			Array.from({ length: 300 }, (_, index) => ({
				id: `actor-${index}`,
				kind: index % 3 === 0 ? ('person' as const) : ('organisation' as const),
				forms: [`${['Al', 'Ba', 'Ca', 'al', 'Bo'][index % 5]}pha${index} Beta`, `Al${'p'.repeat(index % 4)}ha`.concat(String(index))],
			})),
		);
		const text = 'Alpha1 and alpha1, Bapha1 Beta, ALPHA3 BETA, alpha6-beta, Alppha5, Bopha4 Beta and Alpha12 Beta.';
		for (let from = 0; from <= text.length; from++) {
			expect(summary(many.find(text, from))).toEqual(byOneRegex(many.pattern, text, from));
		}
	});

	it('should find what the one regex finds where forms start outside the Basic Multilingual Plane, are one letter long or change length in capitals', () => {
		const unusual = compileActors([
			{ id: 'fraktur-union', kind: 'organisation', forms: ['𝔘nion Front', '𝔘'] },
			{ id: 'emoji-desk', kind: 'organisation', forms: ['😀 Desk'] },
			{ id: 'x-group', kind: 'organisation', forms: ['X', 'Xylo Group'] },
			{ id: 'hans-weiss', kind: 'person', forms: ['Hans Weiß', 'Weiß'] },
			{ id: 'the-north', kind: 'organisation', forms: ['the North Bloc'] },
		]);
		const text = '𝔘nion Front and 𝔘 met 😀 Desk; 𝔘nity, X, Xylo Group, Xylophone; hans weiß, HANS WEISS, Weiß’s, weis; The North Bloc, the north bloc, then 😀𝔘 X';
		// Offsets between characters only: inside a surrogate pair a `u` regex starts from the pair's first half.
		const offsets = [...Array(text.length + 1).keys()].filter((from) => !/[\udc00-\udfff]/.test(text.charAt(from)) || !/[\ud800-\udbff]/.test(text.charAt(from - 1)));
		expect(offsets.length).toBeLessThan(text.length);
		for (const from of offsets) {
			expect(summary(unusual.find(text, from))).toEqual(byOneRegex(unusual.pattern, text, from));
			expect(summary(unusual.matchAt(text, from))).toEqual(byOneRegexAt(unusual.pattern, text, from));
		}
	});

	it('should match nothing for an empty registry', () => {
		expect(compileActors([]).find('Russia', 0)).toBeNull();
	});
});

describe('spellings derived from the registry', () => {
	/** Organisations, states and instruments as the registry lists them: each form once, in one house style. */
	const registry = compileActors([
		{ id: 'united-nations', kind: 'organisation', forms: ['United Nations', { text: 'UN', type: 'abbreviation' }] },
		{ id: 'unsc', kind: 'organisation', forms: ['UN Security Council', 'United Nations Security Council', { text: 'UNSC', type: 'abbreviation' }] },
		{ id: 'nato', kind: 'organisation', forms: [{ text: 'NATO', type: 'abbreviation' }, 'North Atlantic Treaty Organization'] },
		{ id: 'sco', kind: 'organisation', forms: ['Shanghai Cooperation Organisation'] },
		{ id: 'un-charter', kind: 'document', forms: ['UN Charter', 'Charter of the United Nations'] },
		{ id: 'npt', kind: 'document', forms: ['Non-Proliferation Treaty', { text: 'NPT', type: 'abbreviation' }] },
		{ id: 'united-states', kind: 'state', forms: ['United States', { text: 'US', type: 'abbreviation' }, { text: 'U.S.A.', type: 'abbreviation' }] },
		{ id: 'north-korea', kind: 'state', forms: ["Democratic People's Republic of Korea", { text: 'D.P.R.K.', type: 'abbreviation' }] },
		{ id: 'who', kind: 'organisation', forms: [{ text: 'WHO', type: 'abbreviation' }, { text: 'CARE', type: 'abbreviation' }], notForms: ['Care'] },
		{ id: 'kcna', kind: 'outlet', forms: [{ text: 'KCNA', type: 'abbreviation' }] },
		{ id: 'pyotr-ivanov', kind: 'person', forms: ['Pyotr Ivanov', { text: 'PI', type: 'abbreviation' }] },
	]);
	/** Hits as `text → id (form)`. */
	const hits = (text: string) => findActorMentions(text, registry).map((hit) => `${text.slice(hit.start, hit.end)} → ${hit.data.actor} (${hit.data.type})`);

	it.each([
		// An acronym solid or dotted, whichever the registry lists.
		['the U.N. said', ['U.N. → united-nations (abbreviation)']],
		['the U.S. and the US', ['U.S. → united-states (abbreviation)', 'US → united-states (abbreviation)']],
		['the USA', ['USA → united-states (abbreviation)']],
		['the N.A.T.O. allies', ['N.A.T.O. → nato (abbreviation)']],
		['the DPRK and the D.P.R.K.', ['DPRK → north-korea (abbreviation)', 'D.P.R.K. → north-korea (abbreviation)']],
		['the U.N.S.C. and the UNSC', ['U.N.S.C. → unsc (abbreviation)', 'UNSC → unsc (abbreviation)']],
		['the U.N.’s envoy', ['U.N.’s → united-nations (abbreviation)']],
		// Four letters or more: also in title case.
		['Nato allies and Kcna', ['Nato → nato (abbreviation)', 'Kcna → kcna (abbreviation)']],
		["Nato's summit", ["Nato's → nato (abbreviation)"]],
		// A dotted acronym inside a longer form.
		['the U.N. Security Council voted', ['U.N. Security Council → unsc (name)']],
		['the U.N. Charter', ['U.N. Charter → un-charter (name)']],
		// Full formal names, -ization or -isation.
		['the North Atlantic Treaty Organisation', ['North Atlantic Treaty Organisation → nato (name)']],
		['the Shanghai Cooperation Organization', ['Shanghai Cooperation Organization → sco (name)']],
		['the United Nations Security Council', ['United Nations Security Council → unsc (name)']],
		["The Democratic People’s Republic of Korea", ["Democratic People’s Republic of Korea → north-korea (name)"]],
		// An instrument named after an organisation is the instrument, or nothing.
		['the Charter of the United Nations', ['Charter of the United Nations → un-charter (name)']],
		['the UN Charter’s Article 51', ['UN Charter’s → un-charter (name)']],
		['the NPT and the Non-Proliferation Treaty', ['NPT → npt (abbreviation)', 'Non-Proliferation Treaty → npt (name)']],
		['the UN Convention on the Law of the Sea', []],
		['the Statute of the United Nations tribunal', []],
		['UN Security Council Resolution 2270', []],
		['the Declaration of the UN on', []],
		// Lower case is no title: the organisation acts.
		['UN Security Council resolutions bar it', ['UN Security Council → unsc (name)']],
		['the UN convention was signed', ['UN → united-nations (abbreviation)']],
		['the Secretary-General of the United Nations', ['United Nations → united-nations (name)']],
	])('should find %j', (text, expected) => {
		expect(hits(text)).toEqual(expected);
	});

	it.each([
		// Two or three letters never vary in case: "us", "Us", "un", "Who" are words.
		['let us talk; Us and them; un jour', []],
		['Who knows? The who and the Who', []],
		['u.s. and u.n.', []],
		// Lower case never: "nato" is no house style, and a word would be.
		['nato and kcna', []],
		// A variant the actor lists as a look-alike is not generated.
		['Care for the wounded', []],
		// People's initials are not acronyms of theirs.
		['P.I. and Pi', []],
	])('should leave %j plain', (text, expected) => {
		expect(hits(text)).toEqual(expected);
	});

	it('should give a variant two actors would derive to neither', () => {
		const shared = compileActors([
			{ id: 'a', kind: 'organisation', forms: [{ text: 'AB', type: 'abbreviation' }] },
			{ id: 'b', kind: 'organisation', forms: [{ text: 'A.B.', type: 'abbreviation' }] },
		]);
		expect(findActorMentions('AB and A.B.', shared).map((hit) => hit.data.actor)).toEqual(['a', 'b']);
		const clash = compileActors([
			{ id: 'a', kind: 'organisation', forms: [{ text: 'ABCD', type: 'abbreviation' }] },
			{ id: 'b', kind: 'organisation', forms: [{ text: 'A.B.C.D.', type: 'abbreviation' }, { text: 'Abcd', type: 'abbreviation' }] },
		]);
		expect(findActorMentions('ABCD, A.B.C.D., Abcd', clash).map((hit) => hit.data.actor)).toEqual(['a', 'b', 'b']);
	});
});

describe('look-alikes in any letter case and hyphenation', () => {
	const registry = compileActors([
		{
			id: 'russia',
			kind: 'state',
			forms: ['Russia', { text: 'Russian', type: 'adjective' }, { text: 'Moscow', type: 'metonym' }],
			notForms: ['Russian Far East', 'Moscow and Pyongyang declarations'],
			exactNotForms: ['Russia Today'],
		},
		{ id: 'north-korea', kind: 'state', forms: [{ text: 'Pyongyang', type: 'metonym' }, { text: 'the North', type: 'metonym' }], notForms: ['the North Atlantic'] },
		{ id: 'nato', kind: 'organisation', forms: ['North Atlantic Treaty Organization'] },
	]);
	/** Hits as `text → id`. */
	const hits = (text: string) => findActorMentions(text, registry).map((hit) => `${text.slice(hit.start, hit.end)} → ${hit.data.actor}`);

	it.each([
		['the Russian far east', []],
		['the Russian Far-East', []],
		['the RUSSIAN FAR EAST', []],
		['The Moscow and Pyongyang Declarations', []],
		['Article 5 of the North Atlantic Treaty', []],
		['according to Russia Today, officials', []],
		// Exact look-alikes keep their case: "Russia today" is Russia.
		['Russia today is isolated', ['Russia → russia']],
		// A longer form still wins over a look-alike inside it.
		['the North Atlantic Treaty Organization', ['North Atlantic Treaty Organization → nato']],
		['the Russian east and Moscow', ['Russian → russia', 'Moscow → russia']],
	])('should read %j', (text, expected) => {
		expect(hits(text)).toEqual(expected);
	});
});

