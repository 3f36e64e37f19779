import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInstruments, looseNameSource, wordKey } from '../../../src/annotate/instruments';
import { loadRegistry } from '../../../src/loaders/registry';

const { instruments } = loadRegistry(join(import.meta.dirname, '../../..'));
if (!instruments) throw new Error('content/instruments.yaml is missing');
const reader = compileInstruments(instruments);

/** Each instrument a text names, as `words → side` (`*` bare, `#id` a registry name). */
function named(text: string): string[] {
	return reader.mentions(text).map((m) => `${text.slice(m.start, m.end)} → ${m.side}${m.bare ? '*' : ''}${m.id ? ` #${m.id}` : ''}`);
}

describe('instruments', () => {
	it('should expose the public api', async () => {
		expect(Object.keys(await import('../../../src/annotate/instruments')).sort()).toEqual(['compileInstruments', 'looseNameSource', 'wordKey']);
	});

	it.each([
		['U.S.', 'us'],
		['Soviet-era', 'sovietera'],
		['Soviet era', 'sovietera'],
		['Russia–DPRK', 'russiadprk'],
		['Pyong\u00adyang', 'pyongyang'],
		['SANCTIONS-BUSTING', 'sanctionsbusting'],
	])('should compare %j as %j', (word, key) => {
		expect(wordKey(word)).toBe(key);
	});

	it.each([
		['Non-Proliferation Treaty', ['Non-Proliferation Treaty', 'Nonproliferation Treaty', 'non proliferation treaty', 'NON–PROLIFERATION TREATY'], ['Non Treaty']],
		['NPT', ['NPT', 'N.P.T.', 'npt', 'N.P.T'], ['NP']],
		['UN Charter', ['UN Charter', 'U.N. Charter', 'UN-Charter', 'un charter'], ['UNCharterX']],
	])('should match the listed name %j whatever its case, hyphens and dots', (name, matches, misses) => {
		const pattern = new RegExp(`^(?:${looseNameSource(name)})$`, 'iu');
		for (const text of matches) expect(pattern.test(text), text).toBe(true);
		for (const text of misses) expect(pattern.test(text), text).toBe(false);
	});

	it.each([
		['the treaty', ['the treaty → ours*']],
		['the Treaty', ['the Treaty → ours*']],
		['the new pact', ['the new pact → ours']],
		['the sanctions-busting accord', ['the sanctions-busting accord → ours']],
		['the Moscow–Pyongyang document', ['the Moscow–Pyongyang document → ours']],
		['the Russia-North Korea pact', ['the Russia-North Korea pact → ours']],
		['the 2024 agreement', ['the 2024 agreement → ours']],
		['the Treaty on Comprehensive Strategic Partnership', ['the Treaty on Comprehensive Strategic Partnership → ours']],
		['the 1961 treaty', ['the 1961 treaty → other']],
		['the 1961 and 2000 treaties', ['the 1961 and 2000 treaties → other']],
		['Moscow’s 1961 treaty'.replace('’', "'"), ["Moscow's 1961 treaty → other"]],
		['the old friendship treaty', ['the old friendship treaty → other']],
		['the Soviet-era pact', ['the Soviet-era pact → other']],
		['the Warsaw Pact', ['the Warsaw Pact → other']],
		['the Treaty of Westphalia', ['the Treaty → other']],
		['the Vienna Convention', ['the Vienna Convention → other #vienna-convention-law-of-treaties']],
		['the UN Charter', ['the UN Charter → other #un-charter']],
		['the charter', ['the charter → other #un-charter']],
		['the NPT', ['the NPT → other #npt']],
		['the much-criticised pact', ['the much-criticised pact → unclear']],
		['The 2000 treaty was shorter than the pact.', ['The 2000 treaty → other', 'the pact → ours*']],
	])('should name the instrument in %j and tell whose it is', (text, expected) => {
		expect(named(text)).toEqual(expected);
	});

	it('should read the phrase at the start of a text only', () => {
		expect(reader.at('the 1961 treaty says')?.side).toBe('other');
		expect(reader.at('which the treaty says')).toBeUndefined();
	});

	it.each([
		["Washington's ", 'other'],
		['the US ', 'other'],
		["the 1961 treaty's ", 'other'],
		["Russia's ", 'ours'],
		["North Korea's new ", 'ours'],
		['the ', 'ours'],
		['Unlike NATO, the ', 'ours'],
		['', 'ours'],
	])('should tell whose the words %j before a phrase make it', (before, side) => {
		expect(reader.qualifiedBy(before)).toBe(side);
	});

	it('should find the name that covers a span', () => {
		const text = 'the US-ROK Mutual Defense Treaty of 1953';
		expect(reader.covering(text, text.indexOf('Mutual'), text.indexOf(' of'))?.side).toBe('other');
		expect(reader.covering('a word', 2, 6)).toBeUndefined();
	});
});
