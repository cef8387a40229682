/**
 * The list-filter language shared by every filtered listing (devices, device templates): a sealed
 * AST of records ({@link org.opencentral.core.filter.ListFilter}) over a listing's own
 * {@link org.opencentral.core.filter.ListField}s, its {@link org.opencentral.core.filter.ListOrdering}, and an
 * in-memory evaluation for small listings. Parsing OData text into it belongs to the api module;
 * compiling it to SQL belongs to the store. Imports nothing outside {@code java.*}.
 */
package org.opencentral.core.filter;
