/**
 * Copying from a page with a confirmation everyone sees: the status next to
 * the copy button says "Copied" (or why not) in words, and, being a live
 * region, says it to screen readers too. Shared by the reading page's claim
 * panel and the share pages.
 */

/** How long the confirmation stays, in milliseconds. */
const SHOWN_FOR = 4000;
const timers = new WeakMap<HTMLElement, number>();

/**
 * Copy text to the clipboard, or select it for a copy by hand where the
 * Clipboard API is not allowed.
 *
 * @returns
 *   Whether it was copied.
 */
export async function copyText(text: string, fallbackInput?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		// The Clipboard API needs a secure context; select the text so the reader can copy it by hand.
		if (fallbackInput) {
			fallbackInput.focus();
			fallbackInput.select();
		}
		return false;
	}
}

/**
 * Show a copy's outcome in its status element for a few seconds.
 *
 * @param status
 *   The visible live region beside the button (`role="status"`).
 * @param message
 *   What to say.
 */
export function showCopyStatus(status: HTMLElement | null | undefined, message: string): void {
	if (!status) return;
	window.clearTimeout(timers.get(status));
	status.textContent = '';
	// A fresh text node makes a repeated message audible too.
	window.setTimeout(() => {
		status.textContent = message;
		status.dataset['shown'] = '';
	}, 50);
	timers.set(
		status,
		window.setTimeout(() => {
			status.textContent = '';
			delete status.dataset['shown'];
		}, SHOWN_FOR),
	);
}

/**
 * Copy and confirm in one step.
 *
 * @param text
 *   What to copy.
 * @param status
 *   Where to confirm.
 * @param what
 *   What was copied, for the failure message (`link`, `citation`).
 * @param fallbackInput
 *   A field holding the text, selected when the clipboard is not allowed.
 */
export async function copyAndConfirm(text: string, status: HTMLElement | null | undefined, what: string, fallbackInput?: HTMLInputElement | HTMLTextAreaElement | null): Promise<void> {
	const copied = await copyText(text, fallbackInput);
	showCopyStatus(status, copied ? 'Copied' : fallbackInput ? `Not copied: the ${what} is selected, copy it with your keyboard` : `Not copied: your browser does not allow it here`);
}
