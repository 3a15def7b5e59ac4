package io.chorus.core.sdp;

/** A description line other than an attribute, such as {@code c=IN IP4 0.0.0.0}, kept as written. */
public record SdpLine(char type, String value) {

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
