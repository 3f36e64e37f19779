/**
 * Set (in sessionStorage) when the reader asks for search with a shortcut or
 * the header link, so the search page focuses its field; a plain visit keeps
 * the skip link first.
 */
export const FOCUS_FLAG = 'treaty-reader:focus-search';
