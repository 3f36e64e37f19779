/**
 * How many commentaries the lists of them show at once. Pure, so the checks
 * over the built site read the same numbers (tests/dist/bounded-pages.test.ts).
 */

/** Commentaries on one page of the index (`/commentaries/`, `/commentaries/page/N/`). */
export const COMMENTARIES_PER_INDEX_PAGE = 25;

/** Commentaries the home page lists (the first of the corpus order); beyond them it links to the index. */
export const COMMENTARIES_ON_HOME = 10;
