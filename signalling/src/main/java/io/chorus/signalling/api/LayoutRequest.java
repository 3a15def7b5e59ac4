package io.chorus.signalling.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.LayoutName;
import io.chorus.mixer.video.Region;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.JsonFields;
import io.chorus.signalling.protocol.ProtocolException;

/**
 * A layout named in a request: {@code {"layout":"grid"}}, {@code {"layout":"speaker"}}, or
 * {@code {"layout":"custom","regions":[{"x":"0","y":"0","width":"1/2","height":"1","z":0},...]}}
 * with coordinates as fractions of the canvas ("1/3", "0.25" or a JSON number).
 */
record LayoutRequest(String name, Layout layout) {
    static final int MAX_REGIONS = 64;

    static LayoutRequest parse(JsonNode body) throws ProtocolException {
        String name = JsonFields.requiredText(body, "layout");
        if (name.equals("custom")) {
            return new LayoutRequest(name, Layout.custom(regions(body.get("regions"))));
        }
        if (body.has("regions")) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'regions' is only for the custom layout");
        }
        try {
            LayoutName named = LayoutName.parse(name);
            return new LayoutRequest(named.wireName(), named.layout());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, e.getMessage() + " or custom");
        }
    }

    private static List<Region> regions(JsonNode regions) throws ProtocolException {
        if (regions == null || !regions.isArray() || regions.isEmpty() || regions.size() > MAX_REGIONS) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD,
                    "a custom layout needs 'regions': an array of 1.." + MAX_REGIONS + " {x, y, width, height, z}");
        }
        List<Region> list = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            JsonNode r = regions.get(i);
            try {
                if (!r.isObject()) {
                    throw new IllegalArgumentException("must be an object");
                }
                Integer z = JsonFields.optionalInt(r, "z", -1000, 1000);
                list.add(Region.parse(coordinate(r, "x"), coordinate(r, "y"), coordinate(r, "width"),
                        coordinate(r, "height"), z == null ? 0 : z));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "region " + i + ": " + e.getMessage());
            }
        }
        return list;
    }

    private static String coordinate(JsonNode region, String field) {
        JsonNode value = region.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw new IllegalArgumentException("'" + field + "' must be a fraction like \"1/3\" or 0.25");
        }
        return value.asText();
    }
}
