package io.chorus.core.sdp;

/**
 * One {@code a=} line as written: {@code a=name} (a property, value null) or {@code a=name:value}.
 */
public record SdpAttribute(String name, String value) {

    /** The line without its {@code a=} prefix. */
    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
