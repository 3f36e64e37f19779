import { describe, expect, it } from 'vitest';
import { askedSentenceId } from '../../src/features/sharing/not-found';

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
