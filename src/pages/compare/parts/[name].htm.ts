/**
 * The parts the compare script assembles a view from, rendered by the same
 * components as the pre-rendered pages: `view.htm` (the view without
 * columns, the rail's groups and topic entries) and one file per commentary
 * (its column, show button and rail counts), so the script loads only the
 * columns a reader chooses. Fragments, not pages: they have no head of their
 * own and are never shown alone.
 */
import type { APIRoute } from 'astro';
import { experimental_AstroContainer } from 'astro/container';
import { getCompareData } from '../../../features/compare/data';
import ComparePartsColumn from '../../../features/compare/ComparePartsColumn.astro';
import ComparePartsView from '../../../features/compare/ComparePartsView.astro';

/** The name of the parts around the columns; no commentary may have it as its slug. */
const VIEW = 'view';

export async function getStaticPaths() {
	const { commentaries } = await getCompareData();
	if (commentaries.some((c) => c.slug === VIEW)) throw new Error(`A commentary’s slug is “${VIEW}”, which names the compare view’s parts`);
	return [{ params: { name: VIEW } }, ...commentaries.map((c) => ({ params: { name: c.slug } }))];
}

export const GET: APIRoute = async ({ params }) => {
	const { commentaries, columns, topics } = await getCompareData();
	const container = await experimental_AstroContainer.create();
	const commentary = commentaries.find((c) => c.slug === params.name);
	const column = columns.get(params.name ?? '');
	const html =
		params.name === VIEW
			? await container.renderToString(ComparePartsView, { props: { topics } })
			: commentary && column
				? await container.renderToString(ComparePartsColumn, { props: { commentary, column } })
				: undefined;
	if (html === undefined) throw new Error(`No compare parts named “${params.name}”`);
	return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
