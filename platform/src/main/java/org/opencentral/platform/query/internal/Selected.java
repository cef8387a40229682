package org.opencentral.platform.query.internal;

import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.ast.SourcePosition;

/** A resolved select item and where it was written. */
record Selected(Column column, SourcePosition position) {
}
