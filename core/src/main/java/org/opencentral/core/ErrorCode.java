package org.opencentral.core;

/**
 * A domain outcome with a stable code. One code maps to one HTTP status (REST), one IoT Hub
 * status (MQTT {@code $rid} responses) and one log line.
 */
public enum ErrorCode {
    BAD_REQUEST("BadRequest", 400, 400004),
    /** A data export's jq transform that does not compile. */
    INVALID_TRANSFORM("InvalidTransform", 400, 400004),
    UNAUTHORIZED("Unauthorized", 401, 401002),
    FORBIDDEN("Forbidden", 403, 403001),
    NOT_FOUND("NotFound", 404, 404001),
    DEVICE_NOT_CONNECTED("DeviceNotOnline", 404, 404103),
    CONFLICT("Conflict", 409, 409001),
    PRECONDITION_FAILED("PreconditionFailed", 412, 412002),
    PAYLOAD_TOO_LARGE("MessageTooLarge", 413, 413002),
    THROTTLED("ThrottlingException", 429, 429001),
    INTERNAL("ServerError", 500, 500001),
    UNAVAILABLE("ServiceUnavailable", 503, 503001),
    GATEWAY_TIMEOUT("GatewayTimeout", 504, 504101);

    private final String code;
    private final int httpStatus;
    private final int iotHubCode;

    ErrorCode(String code, int httpStatus, int iotHubCode) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.iotHubCode = iotHubCode;
    }

    /** The stable code written to error bodies and the {@code x-ms-error-code} header. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The six-digit IoT Hub error code carried in MQTT error bodies ({@code errorCode}). */
    public int iotHubCode() {
        return iotHubCode;
    }
}
