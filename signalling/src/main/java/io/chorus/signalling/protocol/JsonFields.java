package io.chorus.signalling.protocol;

import com.fasterxml.jackson.databind.JsonNode;


/** Typed reads of request fields; each mistake names the field and what was expected. */
public final class JsonFields {
    private JsonFields() {
    }

    public static String optionalText(JsonNode body, String field) throws ProtocolException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be a string");
        }
        return value.asText();
    }

    public static String requiredText(JsonNode body, String field) throws ProtocolException {
        String text = optionalText(body, field);
        if (text == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "'" + field + "' is required");
        }
        return text;
    }

    public static Integer optionalInt(JsonNode body, String field, int min, int max) throws ProtocolException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be an integer " + min + ".." + max);
        }
        return value.asInt();
    }

    public static Double optionalNumber(JsonNode body, String field) throws ProtocolException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be a number");
        }
        return value.asDouble();
    }

    public static Boolean optionalBoolean(JsonNode body, String field) throws ProtocolException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    public static boolean requiredBoolean(JsonNode body, String field) throws ProtocolException {
        Boolean value = optionalBoolean(body, field);
        if (value == null) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "'" + field + "' is required");
        }
        return value;
    }

    /** An object field; null when absent. */
    public static JsonNode optionalObject(JsonNode body, String field) throws ProtocolException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be an object");
        }
        return value;
    }
}
