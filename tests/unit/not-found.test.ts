import { describe, expect, it } from 'vitest';
import { askedListPage, askedSentenceId, askedTimelineDate } from '../../src/features/sharing/not-found';

const share = (id: string) => `/c/${encodeURIComponent(id)}/`;
const underBase = (id: string) => `/reader/c/${encodeURIComponent(id)}/`;

describe('the sentence id a missing address asked for', () => {
	it('should read a share page address, with or without its trailing slash', () => {
		expect(askedSentenceId('/c/c-0000000000/', share)).toBe('c-0000000000');
		expect(askedSentenceId('/c/c-00000/', share)).toBe('c-00000');
		expect(askedSentenceId('/c/c-0000000000', share)).toBe('c-0000000000');
		expect(askedSentenceId('/reader/c/c-1234567890/', underBase)).toBe('c-1234567890');
	});

	it('should leave every other missing address alone', () => {
		expect(askedSentenceId('/nope/', share)).toBeUndefined();
		expect(askedSentenceId('/c/', share)).toBeUndefined();
		expect(askedSentenceId('/c/a/b/', share)).toBeUndefined();
		expect(askedSentenceId('/c/c-1/', underBase)).toBeUndefined();
	});
});

describe('the list page a missing address asked for', () => {
	it('should read a further page of any paged list, under any base, and lead to the list’s first page', () => {
		expect(askedListPage('/commentaries/page/3/')).toEqual({ page: 3, first: '/commentaries/' });
		expect(askedListPage('/reader/articles/4/page/12/')).toEqual({ page: 12, first: '/reader/articles/4/' });
		expect(askedListPage('/timeline/dates/2024-06-19/page/2')).toEqual({ page: 2, first: '/timeline/dates/2024-06-19/' });
	});

	it('should leave page 1, non-numbers and other missing addresses alone', () => {
		expect(askedListPage('/commentaries/page/1/')).toBeUndefined();
		expect(askedListPage('/commentaries/page/02/')).toBeUndefined();
		expect(askedListPage('/commentaries/page/x/')).toBeUndefined();
		expect(askedListPage('/c/c-0000000000/')).toBeUndefined();
		expect(askedListPage('/page/')).toBeUndefined();
	});
});

describe('the timeline date a missing address asked for', () => {
	it('should read a date’s own page, under any base, and lead to the date on the timeline', () => {
		expect(askedTimelineDate('/timeline/dates/2024-06-19/')).toEqual({ date: '2024-06-19', timeline: '/timeline/#d-2024-06-19' });
		expect(askedTimelineDate('/reader/timeline/dates/2023-09_open')).toEqual({ date: '2023-09_open', timeline: '/reader/timeline/#d-2023-09_open' });
	});

	it('should leave other missing addresses alone', () => {
		expect(askedTimelineDate('/timeline/')).toBeUndefined();
		expect(askedTimelineDate('/timeline/dates/')).toBeUndefined();
		expect(askedTimelineDate('/timeline/dates/2024-06-19/page/3/')).toBeUndefined();
	});
});
