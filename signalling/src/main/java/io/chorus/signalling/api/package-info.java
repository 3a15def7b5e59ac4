/**
 * The REST API's routes (docs/rest-api.md): health, join tokens, rooms, layouts, participant
 * controls, recordings and broadcasts, as pure request-to-response logic over the conference layer;
 * refusals carry the same codes as the WebSocket protocol, with an HTTP status. Called on the HTTP
 * executor of {@code server}.
 */
package io.chorus.signalling.api;
