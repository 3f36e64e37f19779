import { describe, expect, it } from 'vitest';
import { bibtexCitation, cslCitation, nameParts, plainCitation, type CitableClaim } from '../../src/lib/cite';

const op: CitableClaim = {
	id: 'c-1a2b3c4d',
	text: 'Bilateral trade increased by nine times and exceeded $34 billion last year.',
	url: 'https://treaty-reader.example/commentaries/bhadrakumar/#c-1a2b3c4d',
	commentary: {
		slug: 'bhadrakumar',
		title: 'Russia and DPRK rustle up an alliance',
		titleSupplied: false,
		authors: [{ name: 'M. K. Bhadrakumar', affiliation: 'Retired diplomat', role: 'author' }],
		outlet: 'Indian Punchline',
		published: { date: '2024-06', circa: true },
		kind: 'op-ed',
		originalUrl: null,
	},
};

const interview: CitableClaim = {
	...op,
	commentary: {
		...op.commentary,
		title: 'Russia–North Korea Rapprochement',
		authors: [
			{ name: 'Andrei Lankov', affiliation: 'Korea Risk Group', role: 'interviewee' },
			{ name: 'Andrew Pruden', affiliation: 'NBR', role: 'interviewer' },
		],
		outlet: 'NBR',
		published: { date: '2024', circa: false },
		kind: 'interview',
	},
};

describe('cite', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../src/lib/cite')).sort()).toEqual([
			'bibtexCitation',
			'cslCitation',
			'nameParts',
			'plainCitation',
		]);
	});

	it.each([
		['M. K. Bhadrakumar', { family: 'Bhadrakumar', given: 'M. K.' }],
		['Rajoli Siddharth Jayaprakash', { family: 'Jayaprakash', given: 'Rajoli Siddharth' }],
		['Rekha J', { literal: 'Rekha J' }],
		['Plato', { literal: 'Plato' }],
	])('should split %s as %j', (name, expected) => {
		expect(nameParts(name)).toEqual(expected);
	});

	it('should give a plain citation with the exact quote and the permalink', () => {
		expect(plainCitation(op)).toBe(
			'Bhadrakumar, M. K. “Russia and DPRK rustle up an alliance”. Indian Punchline, c. June 2024. Quoted: “Bilateral trade increased by nine times and exceeded $34 billion last year.” https://treaty-reader.example/commentaries/bhadrakumar/#c-1a2b3c4d',
		);
	});

	it('should credit an interview to the interviewee and name the interviewer', () => {
		expect(plainCitation(interview)).toMatch(/^Lankov, Andrei\. “Russia–North Korea Rapprochement”\. Interview by Andrew Pruden\. NBR, 2024\./);
	});

	it('should bracket a supplied title', () => {
		expect(plainCitation({ ...op, commentary: { ...op.commentary, titleSupplied: true } })).toContain('[Russia and DPRK rustle up an alliance]');
	});

	it('should write BibTeX with escaped specials and a unique key', () => {
		const bib = bibtexCitation(op);
		expect(bib.startsWith('@online{bhadrakumar2024-c-1a2b3c4d,\n')).toBe(true);
		expect(bib).toContain('author = {Bhadrakumar, M. K.}');
		expect(bib).toContain('\\$34 billion');
		expect(bib).toContain('Date approximate.');
		expect(bib.trim().endsWith('}')).toBe(true);
	});

	it('should keep a name with a final initial literal in BibTeX', () => {
		const bib = bibtexCitation({ ...op, commentary: { ...op.commentary, authors: [{ name: 'Rekha J', affiliation: 'MGU', role: 'author' }] } });
		expect(bib).toContain('author = {{Rekha J}}');
	});

	it('should write CSL-JSON with date parts, the interviewer and the quote', () => {
		const csl = cslCitation(interview);
		expect(csl).toMatchObject({
			id: 'c-1a2b3c4d',
			type: 'interview',
			author: [{ family: 'Lankov', given: 'Andrei' }],
			interviewer: [{ family: 'Pruden', given: 'Andrew' }],
			issued: { 'date-parts': [[2024]] },
			'container-title': 'NBR',
		});
		expect(cslCitation(op)).toMatchObject({ type: 'article', issued: { 'date-parts': [[2024, 6]], circa: true } });
		expect(JSON.parse(JSON.stringify(csl))).toEqual(csl);
	});
});
