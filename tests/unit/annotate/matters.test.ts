/**
 * The matter matcher (`src/annotate/matters.ts`): which matters a sentence is
 * about, by phrase rules, `with`, `except`, spellings and articles. Made-up
 * matters and sentences, one table row per behaviour, traps included.
 */
import { describe, expect, it } from 'vitest';
import { compileMatters, compileSpellings, foldedWords, type MatterDefinition } from '../../../src/annotate/matters.ts';

const SPELLINGS = compileSpellings({ defense: 'defence', labor: 'labour', laborer: 'labourer' });

const MATTERS: MatterDefinition[] = [
	{
		id: 'mutual-assistance',
		articles: [4],
		rules: [{ phrases: ['mutual defence', 'armed attack', 'come to the aid'] }],
		except: ['armed attack on Ukraine'],
	},
	{
		id: 'labour',
		articles: [],
		rules: [{ phrases: ['workers', 'labourer', 'labour'], with: ['Russia', 'Far East'] }],
	},
	{ id: 'old-treaty', articles: [], rules: [{ phrases: ['1961 treaty'] }] },
	{ id: 'box', articles: [], rules: [{ phrases: ['ammunition box', 'us'] }] },
	{ id: 'kim', articles: [], rules: [{ phrases: ["Kim's visit"] }] },
];

const matcher = compileMatters(MATTERS, SPELLINGS);

/** [sentence, article refs, expected matter ids, what it shows] */
const CASES: readonly (readonly [string, readonly (string | number)[], readonly string[], string])[] = [
	['They signed a mutual defence pact.', [], ['mutual-assistance'], 'a phrase inside a sentence'],
	['They signed a MUTUAL DEFENCE pact.', [], ['mutual-assistance'], 'letter case is ignored'],
	['They signed a mutual-defence pact.', [], ['mutual-assistance'], 'a hyphen joins a phrase’s words'],
	['They signed a mutual\ndefence pact.', [], ['mutual-assistance'], 'so does a line break'],
	['They signed a mutual  \t defence pact.', [], ['mutual-assistance'], 'so does any run of spaces'],
	['It is mutual, defence is another thing.', [], [], 'trap: a comma between the words breaks the phrase'],
	['They signed a mutual defense pact.', [], ['mutual-assistance'], 'a US spelling is folded to the table’s form'],
	['Both mutual defenses were signed.', [], ['mutual-assistance'], 'a plural of a folded spelling'],
	['Mutual defences matter.', [], ['mutual-assistance'], 'a trailing -s on the last word'],
	['Armed attacks were feared.', [], ['mutual-assistance'], 'plural of a two-word phrase'],
	['They feared an armed attacker.', [], [], 'trap: a longer word is not the phrase (whole words)'],
	['An unarmed attack was feared.', [], [], 'trap: the phrase inside a longer word does not match'],
	['Mutual defenceless states.', [], [], 'trap: no ending other than a plural'],
	['Russia will come to the aid of Pyongyang.', [], ['mutual-assistance'], 'a phrase of several short words'],
	['The armed attack on Ukraine began in 2022.', [], [], 'except: a match inside an except phrase does not count'],
	['The armed attack on Ukraine began, and any armed attack on Russia would be answered.', [], ['mutual-assistance'], 'except cancels only the match it holds'],
	['Workers from the North go to Russia.', [], ['labour'], 'with: both parts in one sentence, any order'],
	['Russia needs workers.', [], ['labour'], 'with: the other order'],
	['North Korean workers earn hard currency.', [], [], 'trap: a phrase without its `with` part'],
	['Laborers head to the Far East.', [], ['labour'], 'a plural of a US spelling, and a two-word `with`'],
	['Labor shortages in Russia.', [], ['labour'], 'a US spelling folded'],
	['Russia’s workers are few.', [], ['labour'], 'a possessive of a `with` phrase (curly apostrophe)'],
	["Russia's workers are few.", [], ['labour'], 'the straight apostrophe alike'],
	['The 1961 treaty was never revoked.', [], ['old-treaty'], 'digits are words'],
	['The 19610 treaty is not a thing.', [], [], 'trap: digits are whole words too'],
	['Boxes of ammunition boxes arrived.', [], ['box'], 'a plural -es after x'],
	['He uses it.', [], [], 'trap: a word shorter than three letters has no plural (“uses” is not “us”)'],
	['We use it.', [], [], 'trap: nor is “use”'],
	['It helps us.', [], ['box'], 'a short phrase as a whole word'],
	['Kim’s visit to Vladivostok.', [], ['kim'], 'a phrase with a curly apostrophe, written straight'],
	['It said nothing about defence.', [4], ['mutual-assistance'], 'a mentioned article puts a claim in its matter'],
	['It said nothing about defence.', ['4'], ['mutual-assistance'], 'an article ref as the mentions record it'],
	['It said nothing about defence.', [5], [], 'another article does not'],
	['Russia sent workers after the mutual defence pact.', [], ['mutual-assistance', 'labour'], 'several matters, in the order given'],
];

describe('matter matcher', () => {
	it.each(CASES.map(([text, articles, expected, why]) => ({ text, articles, expected, why })))('$why: “$text” → $expected', ({ text, articles, expected }) => {
		expect(matcher.mattersOf(text, articles)).toEqual(expected);
	});

	it('should fold words as phrases and texts are read: lowercase, apostrophes alike, spellings folded', () => {
		expect(foldedWords('The DPRK’s Defense-Labor', SPELLINGS)).toEqual(['the', "dprk's", 'defence', 'labour']);
	});

	it('should refuse an except phrase that cancels nothing, naming the matter', () => {
		expect(() => compileMatters([{ id: 'odd', articles: [], rules: [{ phrases: ['armed attack'] }], except: ['Article 51'] }], SPELLINGS)).toThrow(
			/^odd: the except phrase “article 51” holds none of the matter's phrases/,
		);
	});

	it('should refuse a spellings table that chains or maps a word to itself', () => {
		expect(() => compileSpellings({ defense: 'defence', defence: 'defense2' })).toThrow(/both a variant and a standard spelling/);
		expect(() => compileSpellings({ labour: 'labour' })).toThrow(/mapped to itself/);
	});
});
