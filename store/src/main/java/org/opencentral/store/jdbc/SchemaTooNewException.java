package org.opencentral.store.jdbc;

/**
 * The state store was written by a newer OpenCentral: its schema records a migration this binary
 * does not know, so opening it could misread or damage data. Nothing is changed.
 */
public final class SchemaTooNewException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(int recorded, int known) {
        super("the state store has schema version " + recorded + ", newer than this OpenCentral binary, which "
                + "knows versions up to " + known + "; run the newer OpenCentral version that wrote it (or "
                + "restore a backup taken with this version): a downgrade is not supported");
    }
}
