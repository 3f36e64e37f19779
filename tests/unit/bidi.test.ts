/** Which field values pages isolate: those with a strong right-to-left letter. */
import { describe, expect, it } from 'vitest';
import { hasRightToLeft } from '../../src/utils/bidi.ts';

describe('hasRightToLeft', () => {
	it.each(['הארץ', 'Haaretz (הארץ)', 'الأهرام', 'Al-Ahram «الأهرام»', 'ܫܠܡܐ', 'ދިވެހި'])('should find right-to-left letters in %s', (text) => {
		expect(hasRightToLeft(text)).toBe(true);
	});

	it.each(['Haaretz', '정상회담', '朝俄', 'визит', '21 June 2024', '٢١', '🤝', ''])('should find none in %s', (text) => {
		expect(hasRightToLeft(text)).toBe(false);
	});
});
