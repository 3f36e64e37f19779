// What the browser tests take from Apache Annotator (bundled by ./apache-annotator.ts).
export { createCssSelectorMatcher, createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
export { makeRefinable } from '@apache-annotator/selector';
