/**
 * The page contract every built page must meet, checked on the parsed HTML:
 * landmarks and metadata a reader (and a screen reader) relies on, and the
 * rules a strict Content-Security-Policy will enforce later: no inline
 * scripts, no inline event handlers, nothing loaded from other origins.
 */
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { find, html } from 'property-information';
import { parse as parseCss, walk as walkCss } from 'css-tree';
import { indexPage, resolveLink } from './dist-index';

/** Every element of a tree in document order (`<template>` content included). */
export function elements(tree: Root | Element): Element[] {
	const found: Element[] = [];
	const walk = (node: Root | RootContent) => {
		if (node.type === 'element') {
			found.push(node);
			if (node.content) walk(node.content);
		}
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(tree);
	return found;
}

/** An attribute's value as a string (`undefined` when absent). */
export function attribute(node: Element, property: string): string | undefined {
	const value = node.properties[property];
	if (value === undefined || value === null || value === false) return undefined;
	return Array.isArray(value) ? value.join(' ') : String(value);
}

/** `tag:line:column` of an element, for messages. */
function at(node: Element): string {
	const start = node.position?.start;
	return start ? `<${node.tagName}> at ${start.line}:${start.column}` : `<${node.tagName}>`;
}

/** The attributes of an element by their HTML names (`onclick`, not hast's `onClick`). */
function attributeNames(node: Element): string[] {
	return Object.keys(node.properties).map((property) => find(html, property).attribute.toLowerCase());
}

/** Options of {@link pageProblems}. */
export interface PageContractOptions {
	/** URL path of the page (relative URLs resolve against it). */
	path: string;
	/** Origin the site is published at (Astro's `site`). */
	siteOrigin: string;
}

/**
 * Everything wrong with one page, one sentence each; `[]` when it meets the
 * contract.
 */
export function pageProblems(tree: Root, options: Readonly<PageContractOptions>): string[] {
	const problems: string[] = [];
	const all = elements(tree);
	const named = (tag: string) => all.filter((node) => node.tagName === tag);

	// Document metadata.
	const root = named('html')[0];
	if (!(root && attribute(root, 'lang')?.trim())) problems.push('<html> has no lang attribute');
	// Only the document title: SVG drawings carry their own <title> elements.
	const head = named('head')[0];
	const titles = head ? head.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'title') : [];
	if (titles.length !== 1) problems.push(`expected one <title>, found ${titles.length}`);
	else if (toString(titles[0]!).trim() === '') problems.push('<title> is empty');
	const descriptions = named('meta').filter((node) => attribute(node, 'name')?.toLowerCase() === 'description');
	if (descriptions.length !== 1) problems.push(`expected one <meta name="description">, found ${descriptions.length}`);
	else if (!attribute(descriptions[0]!, 'content')?.trim()) problems.push('<meta name="description"> is empty');

	// Structure a reader relies on.
	const headings = named('h1');
	if (headings.length !== 1) {
		problems.push(`expected one <h1>, found ${headings.length}${headings.length ? `: ${headings.map(at).join(', ')}` : ''}`);
	}
	const mains = named('main');
	if (mains.length !== 1) problems.push(`expected one <main>, found ${mains.length}`);
	else if (attribute(mains[0]!, 'id') !== 'main') problems.push('<main> must have id="main" (the skip link target)');
	const body = named('body')[0];
	// The skip links come first: to #main, or (a reading page) first to a target inside <main>, then to #main.
	const links = body ? elements(body).filter((node) => node.tagName === 'a' && attribute(node, 'href') !== undefined) : [];
	const [firstLink, secondLink] = links;
	const firstHref = firstLink ? attribute(firstLink, 'href') : undefined;
	const insideMain = (id: string): boolean => mains.length === 1 && elements(mains[0]!).some((node) => attribute(node, 'id') === id);
	const skipsIntoMain = firstHref !== undefined && firstHref.startsWith('#') && insideMain(firstHref.slice(1)) && secondLink !== undefined && attribute(secondLink, 'href') === '#main';
	if (firstHref !== '#main' && !skipsIntoMain) {
		problems.push(`the first link in <body> must be the skip link to #main (or to a target inside <main>, followed by the one to #main)${firstHref !== undefined ? `, found href="${firstHref}"` : ''}`);
	}

	// Strict CSP ahead: only same-origin module scripts, no inline code of any kind.
	// JSON-LD is data, not code (CSP does not run it): allowed when it parses as JSON.
	for (const script of named('script')) {
		const src = attribute(script, 'src');
		if (src === undefined && attribute(script, 'type') === 'application/ld+json') {
			try {
				JSON.parse(toString(script));
			} catch {
				problems.push(`JSON-LD ${at(script)} is not valid JSON`);
			}
		} else if (src === undefined) problems.push(`inline script ${at(script)}: put it in a module file`);
		else if (attribute(script, 'type') !== 'module') problems.push(`${at(script)} src="${src}" must be type="module"`);
	}
	for (const style of named('style')) problems.push(`inline stylesheet ${at(style)}: stylesheets must be files`);
	for (const node of all) {
		for (const name of attributeNames(node)) {
			if (name.startsWith('on')) problems.push(`inline event handler ${name} on ${at(node)}`);
		}
	}

	// Ids must be unique: claim and note permalinks depend on it.
	const page = indexPage(options.path, tree);
	for (const id of page.duplicateIds) problems.push(`id "${id}" is used more than once`);

	// Nothing loaded from other origins; links out are fine.
	for (const link of page.links) {
		const target = resolveLink(link.value, options.path, options.siteOrigin);
		const where = `<${link.element} ${link.attribute}="${link.value}">${link.line ? ` at ${link.line}:${link.column}` : ''}`;
		if (target.kind === 'other' && target.scheme === 'javascript:') problems.push(`javascript: URL in ${where}`);
		else if (target.kind === 'external' && !link.navigational) problems.push(`loads from another origin (${target.origin}): ${where}`);
	}
	return problems;
}

/** `style` attributes on a page (allowed for now, reported: a strict CSP would need `style-src-attr`). */
export function styleAttributes(tree: Root): string[] {
	return elements(tree)
		.filter((node) => attribute(node, 'style') !== undefined)
		.map((node) => `${at(node)} style="${attribute(node, 'style')}"`);
}

/**
 * URLs in a stylesheet (`url()`, `@import`) that point to other origins.
 *
 * @param css The stylesheet.
 * @param path URL path of the stylesheet, for resolving relative URLs.
 * @param siteOrigin Origin the site is published at.
 */
export function cssForeignUrls(css: string, path: string, siteOrigin: string): string[] {
	const found: string[] = [];
	const check = (url: string, line: number | undefined) => {
		const target = resolveLink(url, path, siteOrigin);
		if (target.kind === 'external') found.push(`${url}${line ? ` (line ${line})` : ''}`);
	};
	const ast = parseCss(css, { positions: true });
	walkCss(ast, (node) => {
		if (node.type === 'Url' && node.value !== undefined) check(node.value, node.loc?.start.line);
		if (node.type === 'Atrule' && node.name?.toLowerCase() === 'import' && node.prelude) {
			walkCss(node.prelude, (inner) => {
				if (inner.type === 'String' && inner.value !== undefined) check(inner.value, inner.loc?.start.line);
			});
		}
	});
	return found;
}
