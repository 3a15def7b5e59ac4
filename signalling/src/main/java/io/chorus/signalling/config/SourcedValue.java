package io.chorus.signalling.config;

import com.fasterxml.jackson.databind.JsonNode;

/** A setting's value as a JSON tree, and where it came from ("flag --http.port"), for error messages. */
record SourcedValue(JsonNode node, String origin) {
}
