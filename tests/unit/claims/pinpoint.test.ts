import { describe, expect, it } from 'vitest';
import { claimLinkLabel, pinpointFromLinkLabel, pinpoints, pinpointText } from '../../../src/claims/pinpoint';

describe('pinpoints', () => {
	const claims = [
		{ block: 'p', blockIndex: 0 },
		{ block: 'p', blockIndex: 0 },
		{ block: 'h2', blockIndex: 1 },
		{ block: 'li', blockIndex: 2 },
		{ block: 'li', blockIndex: 3 },
		{ block: 'li', blockIndex: 3 },
		{ block: 'h3', blockIndex: 4 },
		{ block: 'p', blockIndex: 5 },
	] as const;

	it('should number paragraphs and list items together, headings apart, and sentences within each', () => {
		expect(pinpoints(claims).map(pinpointText)).toEqual([
			'para. 1, sentence 1',
			'para. 1, sentence 2',
			'heading 1, sentence 1',
			'para. 2, sentence 1',
			'para. 3, sentence 1',
			'para. 3, sentence 2',
			'heading 2, sentence 1',
			'para. 4, sentence 1',
		]);
	});

	it('should give every sentence a control name of its own', () => {
		const names = pinpoints(claims).map(claimLinkLabel);
		expect(new Set(names).size).toBe(names.length);
		expect(names[5]).toBe('Link to sentence 2 of para. 3');
	});

	it('should read a pinpoint back from its control name, whatever follows it', () => {
		for (const pinpoint of pinpoints(claims)) {
			expect(pinpointFromLinkLabel(claimLinkLabel(pinpoint))).toEqual(pinpoint);
			expect(pinpointFromLinkLabel(`${claimLinkLabel(pinpoint)}; discussed by 2 other commentaries`)).toEqual(pinpoint);
		}
		expect(pinpointFromLinkLabel('Link to this sentence')).toBeUndefined();
	});
});
