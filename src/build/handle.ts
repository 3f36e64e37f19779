/**
 * The one place the build is reachable process-wide. Astro loads the
 * integration, `content.config.ts` and the pages as separate module
 * instances (Vite bundles the pages on their own), so a module-level variable
 * is not shared between them; `globalThis` is. Everything the integration
 * hands the rest of the build hangs under one `Symbol.for` key, read and
 * written only through `buildHandle()`:
 *
 * - `context`: the build's inputs, read once (`context.ts`);
 * - `receiver`: where pages send what the integration finishes after the
 *   build (`channel.ts`).
 */
import type { BuildContext } from './context.ts';
import type { BuildReceiver } from './channel.ts';

/** The process-wide key: `Symbol.for` gives every module instance the same symbol. */
const BUILD_HANDLE = Symbol.for('treaty-reader.build');

/** What the integration installs for the rest of the build. */
export interface BuildHandle {
	/** The build's inputs, once the integration has read them. */
	context?: BuildContext | undefined;
	/** The integration's receiver, while pages are generated. */
	receiver?: BuildReceiver | undefined;
}

/**
 * Whether a value found under the key is a handle. Only `buildHandle` writes
 * there, so an object is one.
 */
function isBuildHandle(value: unknown): value is BuildHandle {
	return typeof value === 'object' && value !== null;
}

/**
 * The build's handle in this process, created empty on first use.
 *
 * @returns
 *   The one handle every module instance shares.
 */
export function buildHandle(): BuildHandle {
	const found: unknown = Reflect.get(globalThis, BUILD_HANDLE);
	if (isBuildHandle(found)) return found;
	const created: BuildHandle = {};
	// Not enumerable: it is nobody's business when walking the global object.
	Object.defineProperty(globalThis, BUILD_HANDLE, { value: created, enumerable: false, configurable: true, writable: false });
	return created;
}
