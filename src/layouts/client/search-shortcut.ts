/**
 * Opening search from any page: `/` or Ctrl/Cmd-K open a small search dialog
 * in the page itself, its field focused at once, so no keystroke typed after
 * the shortcut is lost to a page load; Enter goes to the search page with
 * the words typed (a plain GET form: the search page reads `q`). On the
 * search page the shortcut returns to its field. Tiny on purpose: the search
 * code and index load only on the search page.
 */
import { routes } from '../../utils/routes.ts';
import { closestElement, findElement } from './dom.ts';
import { FOCUS_FLAG } from './search-focus.ts';

/** Whether the key press belongs to a field the reader is typing in. */
function typing(target: EventTarget | null): boolean {
	return closestElement(target, 'input, textarea, select, [contenteditable]:not([contenteditable="false"])', Element) !== undefined;
}

/**
 * The search dialog, made once when first asked for: a labelled field and a
 * button in a GET form to the search page.
 *
 * @returns
 *   The dialog and its field.
 */
function searchDialog(): { dialog: HTMLDialogElement; field: HTMLInputElement } {
	const existing = findElement('dialog.search-dialog', HTMLDialogElement);
	const existingField = existing ? findElement('input', HTMLInputElement, existing) : undefined;
	if (existing && existingField) return { dialog: existing, field: existingField };
	const dialog = document.createElement('dialog');
	dialog.className = 'search-dialog';
	dialog.setAttribute('aria-labelledby', 'search-dialog-label');
	const form = document.createElement('form');
	form.action = routes.search();
	form.method = 'get';
	form.setAttribute('role', 'search');
	const label = document.createElement('label');
	label.id = 'search-dialog-label';
	label.htmlFor = 'search-dialog-input';
	label.textContent = 'Search the commentaries';
	const field = document.createElement('input');
	field.id = 'search-dialog-input';
	field.name = 'q';
	field.type = 'search';
	field.autocomplete = 'off';
	field.spellcheck = false;
	field.enterKeyHint = 'search';
	field.setAttribute('aria-describedby', 'search-dialog-hint');
	const button = document.createElement('button');
	button.type = 'submit';
	button.textContent = 'Search';
	const hint = document.createElement('p');
	hint.id = 'search-dialog-hint';
	hint.className = 'search-dialog-hint';
	hint.textContent = 'Enter searches; Escape closes.';
	const box = document.createElement('div');
	box.className = 'search-dialog-box';
	box.append(field, button);
	form.append(label, box, hint);
	form.addEventListener('submit', () => sessionStorage.setItem(FOCUS_FLAG, '1'));
	dialog.append(form);
	document.body.append(dialog);
	return { dialog, field };
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
	const opened = searchDialog();
	if (!opened.dialog.open) opened.dialog.showModal();
	opened.field.focus();
	opened.field.select();
});

// The header's Search link asks for the field too; a plain visit leaves focus where a keyboard user expects it.
document.addEventListener('click', (event) => {
	if (closestElement(event.target, '[data-search-open]', Element)) sessionStorage.setItem(FOCUS_FLAG, '1');
});
