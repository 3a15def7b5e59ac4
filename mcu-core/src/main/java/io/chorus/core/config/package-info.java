/**
 * How every module's settings records refuse a value: {@link io.chorus.core.config.SettingChecks}
 * (range checks written once, where the value is used) and
 * {@link io.chorus.core.config.SettingException}, which names the refused field so that the
 * configuration loader can report it under the key the operator wrote.
 *
 * <p>Threads: whoever builds a settings record, at start-up or on an API call; nothing here keeps
 * state.
 */
package io.chorus.core.config;
