/**
 * The timeline as a reader uses it: the drawing labels the turning points,
 * every mark is a link to its entry, the axis ends where the events end, a
 * phone gets a vertical drawing, an entry reached by a link is highlighted
 * with its sentences open, and the sentences saying “June 19” sit under the
 * signing.
 */
import { describe, expect, it } from 'vitest';
import { useSite, widthsInTurn } from '../support/browser';
import { distDir, hasBuild } from '../support/dist';

const built = hasBuild();

describe('timeline in the browser', () => {
	it('should have a built site to check', () => {
		expect(built, `no build in ${distDir}: run \`npm run build\` first`).toBe(true);
	});
	if (!built) return;

	const site = useSite();

	for (const [width, orientation] of [
		[1280, 'wide'],
		[360, 'tall'],
	] as const) {
		it(`should draw a ${orientation} picture at ${width} px whose every mark leads to an entry of the list`, async () => {
			await site.open(
				'/timeline/',
				async (page) => {
					const found = await page.evaluate(() => {
						const shown = [...document.querySelectorAll('figure svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
						const links = shown.flatMap((svg) => [...svg.querySelectorAll('a')]);
						return {
							classes: shown.map((svg) => svg.getAttribute('class')),
							fits: shown.every((svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth),
							titled: shown.every((svg) => svg.querySelector(':scope > title')?.textContent && svg.querySelector(':scope > desc')?.textContent),
							labels: shown.flatMap((svg) => [...svg.querySelectorAll('text')].map((text) => text.textContent)),
							links: links.length,
							broken: links
								.map((link) => link.getAttribute('href') ?? '')
								.filter((href) => !href.startsWith('#') || !document.getElementById(href.slice(1))?.closest('.timeline > li')),
							unnamed: links.filter((link) => !link.getAttribute('aria-label')).length,
							small: links.filter((link) => {
								const box = link.getBoundingClientRect();
								return box.width < 24 || box.height < 24;
							}).length,
							labelSize: Math.min(...shown.flatMap((svg) => [...svg.querySelectorAll('.tl-label')].map((text) => text.getBoundingClientRect().height))),
						};
					});
					expect(found.classes.length).toBe(2);
					for (const name of found.classes) expect(name).toContain(`timeline-svg-${orientation}`);
					expect(found.fits).toBe(true);
					expect(found.titled).toBeTruthy();
					expect(found.labels).toEqual(expect.arrayContaining(['1961 Soviet treaty', 'Treaty signed', 'In force']));
					// The axis ends where the events end (the last one is in December 2024), not at a round decade.
					expect(found.labels).not.toContain('2030');
					expect(found.links).toBeGreaterThan(20);
					expect(found.broken).toEqual([]);
					expect(found.unnamed).toBe(0);
					expect(found.small, 'marks with a target under 24 × 24 px').toBe(0);
					expect(found.labelSize, 'labels readable (px tall)').toBeGreaterThanOrEqual(12);
				},
				{ viewport: { width, height: 800 } },
			);
		});
	}

	it('should open and highlight the entry a mark leads to', async () => {
		await site.open('/timeline/', async (page) => {
			const mark = page.locator('svg.timeline-svg-wide a[href="#e-treaty-signed"]').first();
			await mark.click();
			await expect.poll(() => page.evaluate(() => location.hash)).toBe('#e-treaty-signed');
			const entry = page.locator('#e-treaty-signed');
			expect(await entry.evaluate((li) => li.matches(':target'))).toBe(true);
			await expect.poll(() => entry.evaluate((li) => getComputedStyle(li).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
			expect(await entry.locator('details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
		});
	});

	it('should open the entry of a date reached from a reading page, and keep “June 19” under the signing', async () => {
		await site.open('/timeline/#d-2024-06-19', async (page) => {
			const entry = page.locator('li:has(> #d-2024-06-19)');
			expect(await entry.getAttribute('id')).toBe('e-treaty-signed');
			await expect.poll(() => entry.locator('details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
			expect(await entry.evaluate((li) => getComputedStyle(li).outlineStyle)).toBe('solid');
			expect(await page.locator('#e-putin-lands-pyongyang details').count()).toBe(0);
		});
	});

	for (const { width, colorScheme } of widthsInTurn([1280, 1440, 1920, 360], 'dark')) {
		it(`should label every filled mark and cross no label with a leader line at ${width} px (${colorScheme})`, async () => {
			await site.open(
				'/timeline/',
				async (page) => {
					const found = await page.evaluate(() => {
						const problems: string[] = [];
						const shown = [...document.querySelectorAll<SVGSVGElement>('figure svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
						for (const svg of shown) {
							const labels = [...svg.querySelectorAll<SVGTextElement>('.tl-label')].map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }));
							const leaders = [...svg.querySelectorAll<SVGGraphicsElement>('.tl-leader')];
							// A leader crossing a label: any point of the leader's path inside another label's box.
							for (const leader of leaders) {
								const own = leader.parentElement!.querySelector('.tl-label')!.textContent;
								const path = leader instanceof SVGLineElement ? [[leader.x1.baseVal.value, leader.y1.baseVal.value], [leader.x2.baseVal.value, leader.y2.baseVal.value]] : [...(leader as SVGPolylineElement).points].map((p) => [p.x, p.y]);
								const matrix = leader.getScreenCTM()!;
								const points = path.map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
								for (const label of labels) {
									if (label.text === own) continue;
									for (let step = 0; step <= 40; step++) {
										const [a, b] = [points[Math.min(Math.floor((step / 40) * (points.length - 1)), points.length - 2)]!, points[Math.min(Math.floor((step / 40) * (points.length - 1)) + 1, points.length - 1)]!];
										const t = ((step / 40) * (points.length - 1)) % 1 || (step === 40 ? 1 : 0);
										const x = a.x + (b.x - a.x) * t;
										const y = a.y + (b.y - a.y) * t;
										if (x > label.box.left && x < label.box.right && y > label.box.top && y < label.box.bottom) {
											problems.push(`the leader of “${own}” crosses “${label.text}”`);
											break;
										}
									}
								}
							}
							// Every filled (turning point) mark has a label whose leader ends at it.
							const leaderEnds = leaders.map((leader) => {
								const box = leader.getBoundingClientRect();
								return { x: box.left + box.width / 2, y: box.bottom, box };
							});
							for (const mark of svg.querySelectorAll<SVGCircleElement>('circle.tl-key')) {
								const box = mark.getBoundingClientRect();
								const cx = box.left + box.width / 2;
								const cy = box.top + box.height / 2;
								const labelled = leaderEnds.some(({ box: leader }) => leader.left - 2 <= cx + box.width / 2 && leader.right + 2 >= cx - box.width / 2 && leader.top - 12 <= cy && leader.bottom + 12 >= cy);
								if (!labelled) problems.push(`a filled mark at ${Math.round(cx)},${Math.round(cy)} (${mark.closest('a')?.getAttribute('aria-label')}) has no label`);
							}
						}
						return problems;
					});
					expect(found).toEqual([]);
				},
				{ viewport: { width, height: 800 }, colorScheme },
			);
		});
	}
});
