/**
 * Where the timeline page puts a date: `d-` + the ISO value with `/` as `_`
 * and an open end `..` as `open`. The timeline page must give an element this
 * id for every date it lists.
 *
 * @param iso
 *   ISO date, range or open range (`2024-06-19`, `1960/1988`, `2023-09/..`).
 * @returns
 *   Fragment id without `#` (`d-2023-09_open`).
 */
export function timelineAnchor(iso: string): string {
	return `d-${iso.replace(/\.\./g, 'open').replace(/\//g, '_')}`;
}
