/**
 * Apache Annotator (`@apache-annotator/dom`), the W3C Web Annotation
 * reference implementation, bundled for a page: the browser tests run its
 * selector matchers over the built pages, as an annotation client would.
 *
 * Astro 7.4 builds with Vite 8, whose bundler is rolldown (there is no
 * esbuild in the tree), so rolldown bundles the library into one script that
 * sets `globalThis.ApacheAnnotator`. The tests inject it through Playwright's
 * `page.evaluate` (the DevTools protocol, which the pages' Content-Security-
 * Policy does not govern), so the pages keep their strict policy.
 */
import { build } from 'rolldown';
import { fileURLToPath } from 'node:url';

/** The entry: the DOM matchers and the refinement wrapper. */
const entry = fileURLToPath(new URL('./apache-annotator-entry.js', import.meta.url));

let bundled: Promise<string> | undefined;

/**
 * @returns
 *   The library as one classic script (an IIFE assigning `globalThis.ApacheAnnotator`).
 */
export function apacheAnnotatorScript(): Promise<string> {
	bundled ??= build({ input: entry, write: false, logLevel: 'silent', output: { format: 'iife', name: 'ApacheAnnotator' } }).then(
		(output) => `globalThis.ApacheAnnotator = (() => { ${output.output[0].code}; return ApacheAnnotator; })();`,
	);
	return bundled;
}
