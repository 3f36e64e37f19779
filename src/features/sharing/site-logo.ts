/**
 * The site's logo as a PNG, for publisher metadata (schema.org `logo`, which
 * Google's rich results read as a raster image of known size): the favicon's
 * SVG rendered by resvg at `LOGO_SIZE`.
 */
import { Resvg } from '@resvg/resvg-js';
import { LOGO_SIZE } from '../../utils/head-meta.ts';

/**
 * @param svg
 *   The favicon's SVG source.
 * @returns
 *   PNG bytes, `LOGO_SIZE` pixels.
 */
export function drawSiteLogo(svg: string): Uint8Array<ArrayBuffer> {
	const png = new Resvg(svg, { fitTo: { mode: 'width', value: LOGO_SIZE.width } }).render().asPng();
	// A copy typed as a plain `Uint8Array`, which `Response` takes.
	return new Uint8Array(png);
}
