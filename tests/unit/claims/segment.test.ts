import { describe, expect, it } from 'vitest';
import { defaultNonTerminalRules, segmentSentences, splitSentences } from '../../../src/claims/segment.ts';

describe('segment', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/claims/segment.ts')).sort()).toEqual([
			'defaultNonTerminalRules',
			'segmentSentences',
			'splitSentences',
		]);
	});

	// Real sentences from the five commentaries (content/sources/*.txt), plus the exceptions they need.
	it.each<[string, string, string[]]>([
		[
			'a title before a name',
			'Therefore, if China were to become seriously unhappy about the relationship between Russia and the DPRK, a couple of phone calls from Comrade Xi Jinping to Mr. Putin could solve the problem instantly. It is unclear whether North Korean leaders understand.',
			[
				'Therefore, if China were to become seriously unhappy about the relationship between Russia and the DPRK, a couple of phone calls from Comrade Xi Jinping to Mr. Putin could solve the problem instantly.',
				'It is unclear whether North Korean leaders understand.',
			],
		],
		[
			'Dr. after a real sentence end',
			'Andrei Nikolaevich Lankov is Director of the Korea Risk Group, the parent company of NK News and NK Pro. Dr. Lankov is a scholar of Asia and a specialist in Korean studies.',
			[
				'Andrei Nikolaevich Lankov is Director of the Korea Risk Group, the parent company of NK News and NK Pro.',
				'Dr. Lankov is a scholar of Asia and a specialist in Korean studies.',
			],
		],
		[
			'initials',
			'M. K. Bhadrakumar was a career diplomat by profession. Roughly half of the 3 decades of his diplomatic career was devoted to assignments.',
			['M. K. Bhadrakumar was a career diplomat by profession.', 'Roughly half of the 3 decades of his diplomatic career was devoted to assignments.'],
		],
		['initials alone', 'M. K. Bhadrakumar', ['M. K. Bhadrakumar']],
		[
			'U.S. before a lowercase word',
			'How might Russia’s increased support shape North Korea’s policies and approaches to the Republic of Korea (ROK) and the U.S. military presence on the Korean Peninsula? The real impact will likely not come from the treaty.',
			[
				'How might Russia’s increased support shape North Korea’s policies and approaches to the Republic of Korea (ROK) and the U.S. military presence on the Korean Peninsula?',
				'The real impact will likely not come from the treaty.',
			],
		],
		[
			'U.S. before a hyphen',
			'From a U.S. policy perspective, what role might the U.S.-ROK-Japan trilateral partnership have in addressing concerns? Will this stronger relationship encourage action?',
			[
				'From a U.S. policy perspective, what role might the U.S.-ROK-Japan trilateral partnership have in addressing concerns?',
				'Will this stronger relationship encourage action?',
			],
		],
		['U.N. before a capitalised word', 'The matter went to the U.N. Security Council in May. It failed.', ['The matter went to the U.N. Security Council in May.', 'It failed.']],
		[
			'the documented cost of the country rule',
			'He flew back to the U.S. Then he resigned.',
			['He flew back to the U.S. Then he resigned.'],
		],
		[
			'i.e., inside parentheses before the full stop',
			'Key tenets of the new pact include a commitment to oppose “unilateral compulsory measures” (i.e., sanctions). In what ways might Russia’s increased support shape policy?',
			[
				'Key tenets of the new pact include a commitment to oppose “unilateral compulsory measures” (i.e., sanctions).',
				'In what ways might Russia’s increased support shape policy?',
			],
		],
		[
			'i.e., before a quotation',
			'Of course, such support was delivered only when the South Korean nationalist Left (i.e., “progressives”) were in power. Now, due to sanctions, South Korea is unable to play such a role.',
			[
				'Of course, such support was delivered only when the South Korean nationalist Left (i.e., “progressives”) were in power.',
				'Now, due to sanctions, South Korea is unable to play such a role.',
			],
		],
		['e.g. before a capital', 'Some partners, e.g. Vietnam, stayed quiet. Others did not.', ['Some partners, e.g. Vietnam, stayed quiet.', 'Others did not.']],
		['vs.', 'It was Moscow vs. Washington again. Nobody blinked.', ['It was Moscow vs. Washington again.', 'Nobody blinked.']],
		['No. before a number', 'See Resolution No. 2397 of the Council. It bans exports.', ['See Resolution No. 2397 of the Council.', 'It bans exports.']],
		['a sentence that ends in No.', 'The answer was No. Then talks resumed.', ['The answer was No.', 'Then talks resumed.']],
		['Art. before a number', 'Art. 4 of the treaty is the core. Art. 8 adds more.', ['Art. 4 of the treaty is the core.', 'Art. 8 adds more.']],
		['St. before a name', 'He spoke in St. Petersburg in June. Kim listened.', ['He spoke in St. Petersburg in June.', 'Kim listened.']],
		['Mrs. and Ms.', 'Mrs. Lee met Ms. Park. They talked.', ['Mrs. Lee met Ms. Park.', 'They talked.']],
		[
			'a decimal',
			'Due to high labour demand in Russia and pending vacancies for 4.3 million jobs in 2023, it desperately needs labour from North Korea. Since the war in Ukraine, the number of North Korean workers in Russia has been increasing.',
			[
				'Due to high labour demand in Russia and pending vacancies for 4.3 million jobs in 2023, it desperately needs labour from North Korea.',
				'Since the war in Ukraine, the number of North Korean workers in Russia has been increasing.',
			],
		],
		[
			'a spaced currency amount',
			'In fact, Kim’s visit coincided with the US green-lighting a $ 5 billion sale of F-35 fighter jets to Seoul. As such, the fragile regional security architecture could get further frayed.',
			[
				'In fact, Kim’s visit coincided with the US green-lighting a $ 5 billion sale of F-35 fighter jets to Seoul.',
				'As such, the fragile regional security architecture could get further frayed.',
			],
		],
		[
			'1.5 track',
			'They also agreed to strengthen communication through diplomatic security 2+2 dialogues, and 1.5 track dialogues “to enhance political mutual trust.” Clearly, China and South Korea are stakeholders.',
			[
				'They also agreed to strengthen communication through diplomatic security 2+2 dialogues, and 1.5 track dialogues “to enhance political mutual trust.”',
				'Clearly, China and South Korea are stakeholders.',
			],
		],
		[
			'a closing single quote stays with its sentence',
			'Following the meeting, Kim Jong Un called it a ‘great event’ and said that ‘the conclusion of the treaty puts the relations of the two countries on a new higher stage.’ For Moscow, this treaty is the manifestation of the evolution of Russian foreign policy.',
			[
				'Following the meeting, Kim Jong Un called it a ‘great event’ and said that ‘the conclusion of the treaty puts the relations of the two countries on a new higher stage.’',
				'For Moscow, this treaty is the manifestation of the evolution of Russian foreign policy.',
			],
		],
		[
			'a closing double quote stays with its sentence',
			'Putin himself called the Treaty “a truly breakthrough document… a fundamental document that will form the basis of our relations for the long term.” But the brouhaha in the media apart, there is vast unutilised economic potential.',
			[
				'Putin himself called the Treaty “a truly breakthrough document… a fundamental document that will form the basis of our relations for the long term.”',
				'But the brouhaha in the media apart, there is vast unutilised economic potential.',
			],
		],
		[
			'questions split',
			'The pertinent questions, therefore, are what are the key drivers of bilateral ties? What could be its potential impact on regional strategic architecture? And could be the limits of this relationship?',
			[
				'The pertinent questions, therefore, are what are the key drivers of bilateral ties?',
				'What could be its potential impact on regional strategic architecture?',
				'And could be the limits of this relationship?',
			],
		],
		[
			'a colon does not split',
			'Before this agreement, both Pyongyang and Russia had denied two things: North Korean workers working in Russia, and Moscow importing ammunition from North Korea. Now, Article 14 of the treaty includes a framework for labour mobility.',
			[
				'Before this agreement, both Pyongyang and Russia had denied two things: North Korean workers working in Russia, and Moscow importing ammunition from North Korea.',
				'Now, Article 14 of the treaty includes a framework for labour mobility.',
			],
		],
		[
			'parenthesised years and an em dash',
			'However, this time the strategy will not be very successful because, unlike during 1960–88, Russia is a junior partner to China. Therefore, they act.',
			['However, this time the strategy will not be very successful because, unlike during 1960–88, Russia is a junior partner to China.', 'Therefore, they act.'],
		],
		[
			'a sentence inside a quotation splits',
			'“This is not about geography. It’s about common sense.”;',
			['“This is not about geography.', 'It’s about common sense.”;'],
		],
		['World War I. ends a sentence', 'The order dates from World War I. Then it changed.', ['The order dates from World War I.', 'Then it changed.']],
		['Plan B. ends a sentence', 'Moscow had a Plan B. It worked.', ['Moscow had a Plan B.', 'It worked.']],
		['an initial inside a name', 'Vladimir V. Putin arrived. Kim waited.', ['Vladimir V. Putin arrived.', 'Kim waited.']],
		['a headline without a full stop', 'Drivers of Ties', ['Drivers of Ties']],
		[
			'newlines inside a paragraph',
			'Over the years, relations have had highs\nand lows. However, the ascension of Vladimir Putin\nmarked a shift.',
			['Over the years, relations have had highs\nand lows.', 'However, the ascension of Vladimir Putin\nmarked a shift.'],
		],
	])('should segment %s', (_name, text, expected) => {
		expect(splitSentences(text)).toEqual(expected);
	});

	it('should return trimmed ranges that exclude surrounding whitespace', () => {
		expect(segmentSentences('  One. Two.  ')).toEqual([
			{ start: 2, end: 6 },
			{ start: 7, end: 11 },
		]);
	});

	it('should return nothing for blank text', () => {
		expect(segmentSentences(' \n ')).toEqual([]);
	});

	it('should attach a piece without words to the sentence before it', () => {
		expect(splitSentences('He left. ” )')).toEqual(['He left. ” )']);
	});

	it('should move a break that falls inside an atomic range to its end', () => {
		const text = 'He said “This is not about geography. It’s about common sense.” Then he left.';
		// The quotation is one link: the break inside it moves to its end.
		const start = text.indexOf('“');
		const end = text.indexOf('”') + 1;
		expect(splitSentences(text, { atomic: [[start, end]] })).toEqual([
			'He said “This is not about geography. It’s about common sense.”',
			'Then he left.',
		]);
		expect(splitSentences(text)).toHaveLength(3);
	});

	it('should let the caller replace the exception list', () => {
		expect(splitSentences('Mr. Putin came.', { rules: [] })).toEqual(['Mr.', 'Putin came.']);
	});

	it('should document every rule', () => {
		for (const rule of defaultNonTerminalRules) {
			expect(rule.name).toMatch(/^[a-z-]+$/);
			expect(rule.why.length).toBeGreaterThan(20);
			// Anchored at the end: `…$`, or `$(?<=…)` (the end first, then what comes before it).
			expect(rule.before.source.endsWith('$') || /^\$\(\?<=.*\)$/.test(rule.before.source)).toBe(true);
		}
	});

	it('should read the end of the text with `$(?<=…)` exactly as with `…$`', () => {
		// Every prefix of text full of abbreviations, initials and titles, each rule in both forms.
		const text =
			'Mr. Putin met Dr. Kim. The U.S. and the U.N. Security Council, i.e. the West, vs. the DPRK. See Art. 4 and No. 5. ' +
			'M. K. Bhadrakumar wrote it. World War I. Plan B. Section C. Sen. Smith. E. G. Lee and e.g. others. USA. U.S.S.R. approx. 5. ';
		const plain = (pattern: RegExp) => new RegExp(`${pattern.source.replace(/^\$\(\?<=(.*)\)$/su, '$1')}$`, pattern.flags);
		let compared = 0;
		for (const rule of defaultNonTerminalRules) {
			for (const pattern of [rule.before, rule.unless].filter((value): value is RegExp => value !== undefined)) {
				const reference = plain(pattern);
				expect(reference.source).not.toBe(pattern.source);
				for (let end = 0; end <= text.length; end++) {
					expect(pattern.test(text.slice(0, end)), `${rule.name} at ${end}`).toBe(reference.test(text.slice(0, end)));
					compared++;
				}
			}
		}
		expect(compared).toBeGreaterThan(1000);
	});
});
