import { describe, expect, it } from 'vitest';
import { linkFromHere } from '../../src/features/sharing/copied-link';
import { DEFAULT_SITE_URL } from '../../src/utils/site-url';

describe('the address a copied permalink carries', () => {
	const local = `${DEFAULT_SITE_URL}/commentaries/x/#c-0123456789`;

	it('should use the address the page was served from when the build only knew the local preview', () => {
		expect(linkFromHere(local, 'https://mirror.example', DEFAULT_SITE_URL)).toBe('https://mirror.example/commentaries/x/#c-0123456789');
		expect(linkFromHere(local, DEFAULT_SITE_URL, DEFAULT_SITE_URL)).toBe(local);
	});

	it('should keep a configured public address wherever the page is served', () => {
		const published = 'https://treaty-reader.example/commentaries/x/#c-0123456789';
		expect(linkFromHere(published, 'http://127.0.0.1:5000', DEFAULT_SITE_URL)).toBe(published);
	});

	it('should keep the build’s address for a page not served over http (a saved file)', () => {
		expect(linkFromHere(local, 'null', DEFAULT_SITE_URL)).toBe(local);
	});
});
