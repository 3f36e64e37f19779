/**
 * Opening search from any page: `/` or Ctrl/Cmd-K go to the search page (or,
 * on it, to its field), as does the header's Search link. Tiny on purpose:
 * the search code and index load only on the search page.
 */
import { routes } from '../../utils/routes.ts';
import { closestElement, findElement } from './dom.ts';
import { FOCUS_FLAG } from './search-focus.ts';

/** Whether the key press belongs to a field the reader is typing in. */
function typing(target: EventTarget | null): boolean {
	return closestElement(target, 'input, textarea, select, [contenteditable]:not([contenteditable="false"])', Element) !== undefined;
}

document.addEventListener('keydown', (event) => {
	if (event.defaultPrevented || event.altKey) return;
	const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typing(event.target);
	const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
	if (!slash && !commandK) return;
	event.preventDefault();
	const field = findElement('[data-search-input]', HTMLInputElement);
	if (field && !field.closest('[hidden]')) {
		field.focus();
		field.select();
		return;
	}
	sessionStorage.setItem(FOCUS_FLAG, '1');
	location.assign(routes.search());
});

// The header's Search link asks for the field too; a plain visit leaves focus where a keyboard user expects it.
document.addEventListener('click', (event) => {
	if (closestElement(event.target, '[data-search-open]', Element)) sessionStorage.setItem(FOCUS_FLAG, '1');
});
