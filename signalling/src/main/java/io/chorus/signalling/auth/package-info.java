/**
 * Who may join and who may operate: HS256 join tokens
 * (<a href="https://www.rfc-editor.org/rfc/rfc7519">RFC 7519</a>) naming a room, a display name,
 * an expiry and an optional bitrate cap, and the API key check for the REST API and metrics.
 * Stateless and thread-safe; called on signalling and HTTP threads.
 */
package io.chorus.signalling.auth;
