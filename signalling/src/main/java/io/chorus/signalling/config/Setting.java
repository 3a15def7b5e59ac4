package io.chorus.signalling.config;

import java.util.Locale;

/**
 * One configuration key.
 *
 * @param path        dotted path in the YAML tree, also the flag's name ({@code --media.publicAddress})
 * @param defaultText the default as a flag would write it; empty for none
 * @param meaning     one line for --help
 */
record Setting(String path, Kind kind, String defaultText, String meaning) {

    String flag() {
        return "--" + path;
    }

    /** {@code media.publicAddress} -> {@code CHORUS_MEDIA_PUBLIC_ADDRESS}. */
    String envName() {
        return "CHORUS_" + path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
