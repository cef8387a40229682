package org.opencentral.platform.query.ast;

/** ORDER BY direction; ascending when not written. */
public enum SortDirection { ASC, DESC }
