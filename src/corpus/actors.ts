/** Actor registry helpers: grouping by kind and labels. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type ActorEntry = CollectionEntry<'actors'>;
export type ActorKind = ActorEntry['data']['kind'];

export const KIND_LABEL: Record<ActorKind, string> = {
	person: 'People',
	state: 'States',
	organisation: 'Organisations',
	outlet: 'Media outlets',
	collective: 'Groups and blocs',
	document: 'Documents',
};

/** One actor's kind, as the eyebrow of its page. */
export const KIND_SINGULAR: Record<ActorKind, string> = {
	person: 'Person',
	state: 'State',
	organisation: 'Organisation',
	outlet: 'Media outlet',
	collective: 'Group or bloc',
	document: 'Document',
};

export const KIND_ORDER: readonly ActorKind[] = ['state', 'person', 'organisation', 'collective', 'outlet', 'document'];

export async function getActors(): Promise<ActorEntry[]> {
	const entries = await getCollection('actors');
	return entries.sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
}

let actorNames: Promise<ReadonlyMap<string, string>> | undefined;

/**
 * Every actor's registry name by id (“Japan”, not a sentence's “Japan’s”),
 * read once per build: every share page and reading page names actors.
 */
export function getActorNames(): Promise<ReadonlyMap<string, string>> {
	actorNames ??= getCollection('actors').then((entries) => new Map(entries.map((actor) => [actor.id, actor.data.name])));
	return actorNames;
}

/** The surface forms of an actor as plain strings. */
export function formTexts(actor: ActorEntry['data']): string[] {
	return actor.forms.map((form) => (typeof form === 'string' ? form : form.text));
}
