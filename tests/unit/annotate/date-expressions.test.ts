import { describe, expect, it } from 'vitest';
import { createDateRecogniser, findDateExpressions, findRelativeDayWords, parseReferenceDate } from '../../../src/annotate/date-expressions';

/** The expressions found, as `text → iso` pairs (inferred ones marked `~`). */
function found(text: string, referenceDate: string | null = '2024-07-11'): string[] {
	return findDateExpressions(text, { referenceDate }).map((e) => `${e.text} → ${e.inferred ? '~' : ''}${e.iso}`);
}

describe('date-expressions', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/date-expressions')).sort()).toEqual([
			'createDateRecogniser',
			'findDateExpressions',
			'findRelativeDayWords',
			'inferYear',
			'looksAhead',
			'parseReferenceDate',
		]);
	});

	it.each([
		// Full dates in any common order.
		['signed on June 19, 2024 in Pyongyang', ['June 19, 2024 → 2024-06-19']],
		['On June 19, 2024, during a trip', ['June 19, 2024 → 2024-06-19']],
		['21 June 2024, NIICE Commentary 9282', ['21 June 2024 → 2024-06-21']],
		['on 19 June 2024.', ['19 June 2024 → 2024-06-19']],
		['on January 23, 1968, North Korea captured', ['January 23, 1968 → 1968-01-23']],
		['published 2024-06-19.', ['2024-06-19 → 2024-06-19']],
		['on 4 December 2024', ['4 December 2024 → 2024-12-04']],
		['the 19th of June 2024', ['19th of June 2024 → 2024-06-19']],
		['on Sept. 13, 2023', ['Sept. 13, 2023 → 2023-09-13']],
		['on 18–19 June 2024', ['18–19 June 2024 → 2024-06-18/2024-06-19']],
		['Last Updated on July 11, 2024 4:34 pm', ['July 11, 2024 → 2024-07-11']],
		// Month and year.
		['released the crew in December 1968', ['December 1968 → 1968-12']],
		['visit to North Korea in July 2023 and', ['July 2023 → 2023-07']],
		['in September of 2023', ['September of 2023 → 2023-09']],
		// Years used as years.
		['collapse of the Soviet Union in 1991.', ['1991 → 1991']],
		['In 1991, the treaty lapsed', ['1991 → 1991']],
		['this agreement echoes the 1961 treaty that', ['1961 → 1961']],
		['in Russia in 2018.', ['2018 → 2018']],
		['to power in 2000 marked a shift', ['2000 → 2000']],
		['the 1961 and 2000 treaties', ['1961 → 1961', '2000 → 2000']],
		['the 2000 and 2001 Moscow and Pyongyang declarations', ['2000 → 2000', '2001 → 2001']],
		['between the 1961 and 2024 versions is', ['1961 → 1961', '2024 → 2024']],
		['The 2024 Treaty marks a crucial moment', ['2024 → 2024']],
		['its 1961 treaty with China', ['1961 → 1961']],
		['by 2030 at the latest', ['2030 → 2030']],
		['c. 1900 or so', ['1900 → 1900']],
		['in mid-2023 talks resumed', ['2023 → 2023']],
		// "since" opens a range.
		['sanctions on North Korea since 2006.', ['2006 → 2006/..']],
		['under discussion since September 2023.', ['September 2023 → 2023-09/..']],
		['since March 2022', ['March 2022 → 2022-03/..']],
		// Ranges and decades.
		['unlike during 1960–88, Russia', ['1960–88 → 1960/1988']],
		['from 1960-1988', ['1960-1988 → 1960/1988']],
		['between 1960 and 1988 the', ['1960 and 1988 → 1960/1988']],
		['the world of the 1960s equidistance diplomacy', ['1960s → 1960/1969']],
		['in the 1990s', ['1990s → 1990/1999']],
		['from the early 1960s to the late 1980s, playing', ['early 1960s to the late 1980s → 1960/1989']],
	])('should recognise %j', (text, expected) => {
		expect(found(text)).toEqual(expected);
	});

	it.each([
		// Days without a year take the reference year.
		['On June 12, Kim Jong Un', '2024-07-11', ['June 12 → ~2024-06-12']],
		['visit to Pyongyang on June 18 to engage', '2024-06-21', ['June 18 → ~2024-06-18']],
		['signed an agreement on June 19 on the construction', '2024-06', ['June 19 → ~2024-06-19']],
		['on 19 June, Putin', '2024', ['19 June → ~2024-06-19']],
		// Relative expressions.
		['exceeded $34 billion last year.', '2024-06', ['last year → ~2023']],
		['set last year against the backdrop', '2023-09', ['last year → ~2022']],
		['and earlier this year it vetoed', '2024', ['earlier this year → ~2024']],
		['This year, the talks', '2024-03-01', ['This year → ~2024']],
		['Last month the envoy', '2024-01-15', ['Last month → ~2023-12']],
		['Last weekend, coinciding with', '2024-06-20', ['Last weekend → ~2024-06-15/2024-06-16']],
		['Last weekend, coinciding with', '2024-06-16', ['Last weekend → ~2024-06-08/2024-06-09']],
	])('should infer %j from the reference date %s', (text, referenceDate, expected) => {
		expect(found(text, referenceDate)).toEqual(expected);
	});

	it('should explain an inferred value in a note', () => {
		expect(findDateExpressions('On June 12, Kim', { referenceDate: '2024-07-11' })[0]).toEqual({
			start: 3,
			end: 10,
			text: 'June 12',
			iso: '2024-06-12',
			inferred: true,
			approximate: false,
			note: 'Year inferred from the publication date (2024)',
		});
		expect(findDateExpressions('from the early 1960s to the late 1980s')[0]).toMatchObject({ approximate: true, note: expect.stringContaining('whole decades') });
	});

	it.each<[string, string | null, string]>([
		['Last weekend, coinciding', '2024-06', 'a month-only reference cannot place a weekend'],
		['Last month the envoy', '2024', 'a year-only reference cannot place a month'],
		['On June 12, Kim', null, 'no reference date at all'],
		['exceeded $34 billion last year.', null, 'no reference date at all'],
	])('should leave %j unlinked with reference %s (%s)', (text: string, referenceDate: string | null) => {
		expect(found(text, referenceDate)).toEqual([]);
	});

	it.each([
		['exceeded $34 billion last year'.replace(' last year', '')],
		['a $ 5 billion sale of F-35 fighter jets'],
		['pending vacancies for 4.3 million jobs'],
		['its crew of 83 sailors off the coast'],
		['F-16 jets (nuclear-capable)'],
		['since the outbreak of Covid-19 pandemic'],
		['first the vice-ministerial 2+2 dialogue'],
		['the 2-2 dialogue in Beijing'],
		['his first state visit to North Korea in 24 years'],
		['his second in four years'],
		['paid a six-day landmark visit'],
		['Roughly half of the 3 decades of his career'],
		['and 1.5 track dialogues'],
		['these reports are not 100% reliable'],
		['the explicit reference to Article 51 of the UN Charter'],
		['21 June, NIICE Commentary 9282'.replace('21 June, ', '')],
		['Last Updated 4:34 pm'],
		['as seen in Table 1 below'],
		['6 mins read'],
		['the 2000 soldiers on the border'],
		['a force of 2000 troops'],
		['in 2000 years of history'],
		['Resolution 2270 and Resolution 1718'],
		['the last year of the war'],
		['at 1991 prices, 2024'],
		['2024 was a watershed'],
		['Covid-2019 spread'],
	])('should not read %j as a date', (text) => {
		expect(found(text)).toEqual([]);
	});

	it('should never link a day that does not exist', () => {
		expect(found('on February 30, 2024')).toEqual([]);
		expect(found('on 2024-02-30')).toEqual([]);
	});

	it('should share one global Unicode regex with the plugin', () => {
		const { pattern } = createDateRecogniser();
		expect(pattern.flags).toContain('g');
		expect(pattern.flags).toContain('u');
	});

	it.each([
		['2024-07-11', '2024-07-11'],
		['2023-09', '2023-09'],
		['2024', '2024'],
		[2024, '2024'],
		[new Date('2024-06-21T00:00:00Z'), '2024-06-21'],
		['June 2024', undefined],
		['2024-13', undefined],
		[undefined, undefined],
	])('should read the reference date %j as %j', (value, expected) => {
		expect(parseReferenceDate(value)).toBe(expected);
	});

	it.each([
		// A day without a year is the closest such day before (or on) publication.
		['engineers arrived on November 12', '2025-02-10', ['November 12 → ~2024-11-12']],
		['the treaty entered into force on December 4', '2025-01-20', ['December 4 → ~2024-12-04']],
		['MOSCOW, December 5 —', '2024-12-05', ['December 5 → ~2024-12-05']],
		['signed in June', '2025-03-01', ['June → ~2024-06']],
		['left office in January', '2025-03-01', ['January → ~2025-01']],
		['sanctions since March', '2024-06-21', ['March → ~2024-03/..']],
		// Unless the text looks ahead.
		['the ministers will meet on January 15', '2024-12-05', ['January 15 → ~2025-01-15']],
		['talks are expected on April 2', '2025-03-01', ['April 2 → ~2025-04-02']],
		['he will visit Pyongyang on February 14', '2025-01-20', ['February 14 → ~2025-02-14']],
		['The ministers will meet next month', '2024-12-05', ['next month → ~2025-01']],
		['elections next year', '2024-12-05', ['next year → ~2025']],
		// A look ahead in another clause does not count.
		['He will retire, but he arrived on November 12', '2025-02-10', ['November 12 → ~2024-11-12']],
	])('should place %j against the publication date %s', (text, referenceDate, expected) => {
		expect(found(text, referenceDate)).toEqual(expected);
	});

	it.each([['Russia Day'], ['$34 billion'], ['F-35 jets'], ['May I add'], ['the May Day parade'], ['in Mayfair']])(
		'should find no date in %j',
		(text) => {
			expect(found(text, '2024-06-21')).toEqual([]);
		},
	);

	it('should say why a year was taken from before or after the publication date', () => {
		expect(findDateExpressions('arrived on November 12', { referenceDate: '2025-02-10' })[0]?.note).toBe(
			'Year inferred from the publication date (2025-02-10): the last such date before it, in 2024',
		);
		expect(findDateExpressions('will meet on January 15', { referenceDate: '2024-12-05' })[0]?.note).toBe(
			'Year inferred from the publication date (2024-12-05): the text looks ahead, so the first such date after it, in 2025',
		);
	});

	describe('dates relative to publication', () => {
		// 2024-06-21 is a Friday.
		it.each([
			// Weekdays: the most recent such day on or before publication.
			['said on Tuesday that', '2024-06-21', ['Tuesday → ~2024-06-18']],
			['the deal signed Friday', '2024-06-21', ['Friday → ~2024-06-21']],
			['On Monday, Putin flew to Pyongyang', '2024-06-21', ['Monday → ~2024-06-17']],
			['told reporters Saturday', '2024-06-21', ['Saturday → ~2024-06-15']],
			["Wednesday's talks ran late", '2024-06-21', ['Wednesday → ~2024-06-19']],
			['last Friday', '2024-06-21', ['last Friday → ~2024-06-14']],
			// Unless the clause looks ahead.
			['the Duma will vote on Tuesday', '2024-06-21', ['Tuesday → ~2024-06-25']],
			['a meeting is expected Monday', '2024-06-21', ['Monday → ~2024-06-24']],
			['next Friday', '2024-06-21', ['next Friday → ~2024-06-28']],
			// A weekday before its date is part of that date, not another.
			['on Tuesday, June 18, the leaders met', '2024-06-21', ['June 18 → ~2024-06-18']],
			['on Wednesday 19 June', '2024-06-21', ['19 June → ~2024-06-19']],
			// today, yesterday, tomorrow as days.
			['Putin said today that', '2024-06-21', ['today → ~2024-06-21']],
			['Yesterday, the two leaders signed', '2024-06-21', ['Yesterday → ~2024-06-20']],
			['signed yesterday in Pyongyang', '2024-03-01', ['yesterday → ~2024-02-29']],
			['will travel tomorrow', '2024-12-31', ['tomorrow → ~2025-01-01']],
			['as of today, the treaty', '2024-06-21', ['today → ~2024-06-21']],
			// A bare day: this month, or the one before when later than publication.
			['arrived on the 3rd.', '2024-06-21', ['the 3rd → ~2024-06-03']],
			['arrived on the 25th, officials said', '2024-06-21', ['the 25th → ~2024-05-25']],
			['left on the 2nd and returned', '2024-01-01', ['the 2nd → ~2023-12-02']],
			['will sign on the 25th.', '2024-06-21', ['the 25th → ~2024-06-25']],
			['will sign on the 3rd.', '2024-06-21', ['the 3rd → ~2024-07-03']],
			// "of the same month": the month the text named last.
			['ratified on November 11, and signed on the 9th of the same month', '2024-12-05', ['November 11 → ~2024-11-11', 'the 9th → ~2024-11-09']],
			['on 11 November 2023, then on the 9th of the same month', '2024-12-05', ['11 November 2023 → 2023-11-11', 'the 9th → ~2023-11-09']],
			// Day ranges, within and across months, with the year rule of full dates.
			['met on 30 November-1 December', '2024-12-05', ['30 November-1 December → ~2024-11-30/2024-12-01']],
			['met on 30 November-1 December', '2024-06-21', ['30 November-1 December → ~2023-11-30/2023-12-01']],
			['on November 30–December 1, talks', '2024-12-05', ['November 30–December 1 → ~2024-11-30/2024-12-01']],
			['on June 18-19, Putin', '2024-06-21', ['June 18-19 → ~2024-06-18/2024-06-19']],
			['on 18–19 June 2024', '2024-06-21', ['18–19 June 2024 → 2024-06-18/2024-06-19']],
			['on 30 November – 1 December 2023', '2024-06-21', ['30 November – 1 December 2023 → 2023-11-30/2023-12-01']],
			['from 30 December–2 January 2025', '2025-03-01', ['30 December–2 January 2025 → 2024-12-30/2025-01-02']],
			['will meet 28 June–2 July', '2024-06-21', ['28 June–2 July → ~2024-06-28/2024-07-02']],
			// A year or decade inside a compound.
			['the post-2000 order', '2024-06-21', ['2000 → 2000']],
			['pre-1991 arms deliveries', '2024-06-21', ['1991 → 1991']],
			['by mid-2024, shells', '2024-06-21', ['2024 → 2024']],
			['the 1990s-era famine', '2024-06-21', ['1990s → 1990/1999']],
			['a post-1990s drift', '2024-06-21', ['1990s → 1990/1999']],
			['a 1961-era alliance', '2024-06-21', ['1961 → 1961']],
		])('should read %j against the publication date %s', (text, referenceDate, expected) => {
			expect(found(text, referenceDate)).toEqual(expected);
		});

		it.each([
			// Weekdays that are holidays or events, or habits.
			['on Good Friday'],
			['after Super Tuesday'],
			['on Black Friday sales'],
			['prayers on Fridays'],
			// "today" as the present in general, and an outlet.
			['the Russia of today'],
			["today's Russia is isolated"],
			['more than today'],
			['even today the border is closed'],
			['according to Russia Today, the talks'],
			['USA Today reported'],
			// A rank, not a day.
			['on the 3rd floor'],
			['on the 38th parallel'],
			['on the 75th anniversary'],
			['on the 2nd Infantry Division'],
			['on the 31st'.replace('31st', '32nd')],
			['on the 9th of the same month'],
			// A compound that is no year.
			['Covid-2019 spread'],
			['the Su-2000 prototype'],
			['post-2000 troops'.replace('post-2000 troops', 'post-2000 soldiers')],
		])('should leave %j plain', (text) => {
			expect(found(text, '2024-06-21')).toEqual([]);
		});

		it.each([
			['said on Tuesday', '2024-06'],
			['said today', '2024'],
			['arrived on the 3rd.', '2024-06'],
			['on the 31st.', '2024-07-02'],
			['said on Tuesday', null],
		])('should leave %j plain when the publication date %s cannot place it', (text, referenceDate) => {
			expect(found(text, referenceDate)).toEqual([]);
		});

		it('should say how each inferred part was read', () => {
			const [tuesday] = findDateExpressions('said on Tuesday', { referenceDate: '2024-06-21' });
			expect(tuesday).toMatchObject({ inferred: true, note: '“Tuesday” read from the publication date (2024-06-21, a Friday): the last Tuesday on or before it' });
			expect(findDateExpressions('will vote on Tuesday', { referenceDate: '2024-06-21' })[0]?.note).toBe(
				'“Tuesday” read from the publication date (2024-06-21, a Friday): the first Tuesday on or after it (the text looks ahead)',
			);
			expect(findDateExpressions('signed yesterday', { referenceDate: '2024-06-21' })[0]?.note).toBe('“yesterday” read from the publication date (2024-06-21): 2024-06-20');
			expect(findDateExpressions('on the 25th.', { referenceDate: '2024-06-21' })[0]?.note).toBe(
				'Month and year of “the 25th” inferred from the publication date (2024-06-21): the last such day on or before it',
			);
			expect(findDateExpressions('on 30 November-1 December', { referenceDate: '2024-06-21' })[0]).toMatchObject({
				inferred: true,
				note: 'Year inferred from the publication date (2024-06-21): the last such date before it, in 2023',
			});
		});
	});

	it('should list every word that may name a relative day, placed or not', () => {
		expect(findRelativeDayWords("On Monday and today's talks, on the 3rd floor and on the 4th, Fridays").map((word) => word.text)).toEqual([
			'Monday',
			'today',
			'3rd',
			'4th',
		]);
	});

	it.each([
		'On Monday, 30 November-1 December 2023, the early 1960s to the late 1980s, since March 2022 and mid-June',
		'said today; yesterday 2024-06-19; on the 3rd. Last weekend, earlier this year, next Friday, in 1991',
		'Articles 3–5, $34 billion, F-35, 1960–88, between 1960 and 1988, Sept. 13, 2023, inJune, xMonday, 5th',
		"the Russia of today, Tuesday's talks, June 18-19, 18–19 June 2024 and 2000s-era",
		'The 4th and the 1990s; Thursday, Tomorrow, Yesterday, later this month, Early 2024, Late May, the mid-1990s, then 1961',
		'then the thing that Thursday; the 5th; to today; Earlier, earlier; Mid 1990s; Later this year; Fri., Sat and Sun; Wednesday',
		'Monday, Saturday; Oct, Nov., Dec; Apr 1; May; March; Julyx; xJune 3; Junes; Last; Next; Nexts; É 2024; naïve 1999; Jul',
		'',
	])('should find, from every offset, what the one regex finds: %j', (text) => {
		const recogniser = createDateRecogniser({ referenceDate: '2024-06-21' });
		const copy = new RegExp(recogniser.pattern.source, recogniser.pattern.flags);
		const summary = (match: RegExpExecArray | null) => (match ? `${match.index}:${match[0]}` : null);
		for (let from = 0; from <= text.length; from++) {
			copy.lastIndex = from;
			expect(summary(recogniser.find!(text, from)), String(from)).toBe(summary(copy.exec(text)));
		}
	});
});
