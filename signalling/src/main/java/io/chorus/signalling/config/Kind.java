package io.chorus.signalling.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape of a setting's value, and how a flag or environment variable writes it as one string. The
 * text is turned into the same JSON tree a YAML file would give, so one binder reads both; an empty
 * string means "none" (null, or an empty list).
 */
enum Kind {
    INT("INTEGER") {
        @Override
        JsonNode fromText(String text) {
            try {
                return NODES.numberNode(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer, got '" + text + "'");
            }
        }
    },
    BOOLEAN("true|false") {
        @Override
        JsonNode fromText(String text) {
            switch (text.strip()) {
                case "true":
                    return NODES.booleanNode(true);
                case "false":
                    return NODES.booleanNode(false);
                default:
                    throw new IllegalArgumentException("expected true or false, got '" + text + "'");
            }
        }
    },
    TEXT("TEXT") {
        @Override
        JsonNode fromText(String text) {
            return text.isEmpty() ? NODES.nullNode() : NODES.textNode(text);
        }
    },
    /** {@code host:port,host:port}; an IPv6 host is written in brackets, {@code [2001:db8::1]:3478}. */
    HOST_PORTS("HOST:PORT,...") {
        @Override
        JsonNode fromText(String text) {
            return textList(text);
        }
    },
    TEXT_LIST("TEXT,...") {
        @Override
        JsonNode fromText(String text) {
            return textList(text);
        }
    },
    /** {@code [name:]WIDTHxHEIGHT@BITRATE,...}; unnamed tiers are named by position (see ConfigBinder). */
    TIERS("[NAME:]WIDTHxHEIGHT@BITRATE,...") {
        private final Pattern tier = Pattern.compile("(?:([A-Za-z0-9_-]+):)?(\\d{1,9})x(\\d{1,9})@(\\d{1,9})");

        @Override
        JsonNode fromText(String text) {
            ArrayNode list = NODES.arrayNode();
            for (String entry : entries(text)) {
                Matcher m = tier.matcher(entry);
                if (!m.matches()) {
                    throw new IllegalArgumentException("expected [NAME:]WIDTHxHEIGHT@BITRATE such as "
                            + "medium:640x360@500000, got '" + entry + "'");
                }
                ObjectNode node = list.addObject();
                if (m.group(1) != null) {
                    node.put("name", m.group(1));
                }
                node.put("width", Integer.parseInt(m.group(2)));
                node.put("height", Integer.parseInt(m.group(3)));
                node.put("bitrate", Integer.parseInt(m.group(4)));
            }
            return list;
        }
    },
    /**
     * One URL per server, credentials inside TURN URLs as {@code turn:USER:PASSWORD@host:port}; a
     * password containing a comma needs the YAML file.
     */
    ICE_SERVERS("URL,... (turn:USER:PASSWORD@HOST:PORT)") {
        @Override
        JsonNode fromText(String text) {
            ArrayNode list = NODES.arrayNode();
            for (String entry : entries(text)) {
                ObjectNode server = list.addObject();
                int colon = entry.indexOf(':');
                int at = entry.lastIndexOf('@');
                if (colon < 0 || at < colon) {
                    server.putArray("urls").add(entry);
                    continue;
                }
                String userInfo = entry.substring(colon + 1, at);
                int separator = userInfo.indexOf(':');
                if (separator <= 0) {
                    throw new IllegalArgumentException("expected USER:PASSWORD@ before the host in '"
                            + entry.substring(0, colon + 1) + "...@" + entry.substring(at + 1) + "'");
                }
                server.putArray("urls").add(entry.substring(0, colon + 1) + entry.substring(at + 1));
                server.put("username", userInfo.substring(0, separator));
                server.put("credential", userInfo.substring(separator + 1));
            }
            return list;
        }
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ArrayNode textList(String text) {
        ArrayNode list = NODES.arrayNode();
        for (String entry : entries(text)) {
            list.add(entry);
        }
        return list;
    }

    private final String form;

    Kind(String form) {
        this.form = form;
    }

    /** How the value is written in a flag or environment variable, for --help. */
    String form() {
        return form;
    }

    /** The value as a YAML file would give it; IllegalArgumentException says what was expected. */
    abstract JsonNode fromText(String text);

    private static String[] entries(String text) {
        if (text.isBlank()) {
            return new String[0];
        }
        String[] entries = text.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entries[i].strip();
            if (entries[i].isEmpty()) {
                throw new IllegalArgumentException("empty entry in the list '" + text + "'");
            }
        }
        return entries;
    }
}
