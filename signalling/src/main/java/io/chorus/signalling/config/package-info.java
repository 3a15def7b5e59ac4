/**
 * The server's configuration: defaults, a YAML file, {@code CHORUS_*} environment variables and
 * {@code --dotted.key} flags, merged in that order and bound into validated records; every key is
 * listed once in {@link io.chorus.signalling.config.Settings} and documented in
 * docs/configuration.md. Used once, at start-up, on the main thread.
 */
package io.chorus.signalling.config;
