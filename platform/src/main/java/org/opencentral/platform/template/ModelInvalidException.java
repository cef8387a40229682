package org.opencentral.platform.template;

import java.util.List;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;

/**
 * A model or value that breaks DTDL's rules (BAD_REQUEST): every problem with its stable code, a
 * JSON pointer into the request body and a message the modeller understands.
 */
public final class ModelInvalidException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** One problem; {@code document} is empty when it is in the request body itself. */
    public record Problem(String code, String pointer, String message, String document) {
    }

    public ModelInvalidException(String message, List<Problem> problems) {
        super(ErrorCode.BAD_REQUEST, message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
