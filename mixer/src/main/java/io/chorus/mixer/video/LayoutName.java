package io.chorus.mixer.video;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The layouts that can be chosen by name, e.g. from a signalling message or configuration. */
public enum LayoutName {
    GRID(Layout.grid()),
    SPEAKER(Layout.speaker());

    private final Layout layout;

    LayoutName(Layout layout) {
        this.layout = layout;
    }

    public Layout layout() {
        return layout;
    }

    /** The lower-case name used on the wire, e.g. {@code "grid"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code "grid"} or {@code "speaker"}, ignoring case and surrounding white space. */
    public static LayoutName parse(String text) {
        if (text != null) {
            String wanted = text.strip();
            for (LayoutName name : values()) {
                if (name.wireName().equalsIgnoreCase(wanted)) {
                    return name;
                }
            }
        }
        throw new IllegalArgumentException("unknown layout \"" + text + "\"; expected one of "
                + Arrays.stream(values()).map(LayoutName::wireName).collect(Collectors.joining(", ")));
    }
}
