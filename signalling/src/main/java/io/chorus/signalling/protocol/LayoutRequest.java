package io.chorus.signalling.protocol;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.mixer.video.CustomLayout;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.LayoutName;
import io.chorus.mixer.video.Region;

/**
 * A layout named in a request: {@code {"layout":"grid"}}, {@code {"layout":"speaker"}}, or
 * {@code {"layout":"custom","regions":[{"x":"0","y":"0","width":"1/2","height":"1","z":0},...]}}
 * with coordinates as fractions of the canvas ("1/3", "0.25" or a JSON number).
 */
public record LayoutRequest(String name, Layout layout) {
    static final int MAX_REGIONS = 64;

    public static LayoutRequest parse(JsonNode body) throws ProtocolException {
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

    /** The request's JSON, as {@link #parse} reads it and the REST API shows a room's layout. */
    public ObjectNode write(ObjectNode node) {
        node.put("layout", name);
        if (layout instanceof CustomLayout custom) {
            ArrayNode regions = node.putArray("regions");
            for (Region r : custom.regions()) {
                regions.addObject().put("x", r.x().toString()).put("y", r.y().toString())
                        .put("width", r.width().toString()).put("height", r.height().toString()).put("z", r.z());
            }
        }
        return node;
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
