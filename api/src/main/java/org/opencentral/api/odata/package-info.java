/**
 * OData's {@code $filter} and {@code $orderby} for list endpoints: a small hand-written lexer and
 * recursive-descent parser producing {@link org.opencentral.core.filter.ListFilter} and
 * {@link org.opencentral.core.filter.ListOrdering} over a listing's fields. Every error is a 400 that
 * names the position (1-based character) and what was expected. Knows nothing of HTTP or storage.
 */
package org.opencentral.api.odata;
