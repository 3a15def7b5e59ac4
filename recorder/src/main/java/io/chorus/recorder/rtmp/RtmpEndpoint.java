package io.chorus.recorder.rtmp;

import static org.bytedeco.ffmpeg.global.avformat.avio_find_protocol_name;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated RTMP ingest address: {@code rtmp://host[:port]/app/streamKey} or the same with
 * {@code rtmps}. The stream key is a secret that lets anyone publish to the channel, so
 * {@link #toString()} and every message built from this class show it masked.
 */
public final class RtmpEndpoint {
    private final String url;
    private final String redacted;

    private RtmpEndpoint(String url, String redacted) {
        this.url = url;
        this.redacted = redacted;
    }

    /**
     * Parses and checks {@code url}.
     *
     * @throws IllegalArgumentException when it is not an rtmp:// or rtmps:// URL with a host, an
     *         application and a stream key, or when this FFmpeg build cannot speak its scheme
     */
    public static RtmpEndpoint parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broadcast url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtmp") && !scheme.equals("rtmps")) {
            throw new IllegalArgumentException("broadcast url must start with rtmp:// or rtmps://, not '"
                    + (uri.getScheme() == null ? "" : uri.getScheme() + "://") + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("broadcast url has no host: expected " + scheme + "://host/app/streamKey");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int keyStart = path.lastIndexOf('/');
        if (keyStart <= 0 || keyStart == path.length() - 1) {
            throw new IllegalArgumentException("broadcast url must name an application and a stream key: expected "
                    + scheme + "://" + uri.getHost() + "/app/streamKey");
        }
        if (avio_find_protocol_name(url) == null) {
            throw new IllegalArgumentException("this FFmpeg build has no " + scheme + " protocol"
                    + (scheme.equals("rtmps") ? " (built without TLS); use rtmp://" : ""));
        }
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        String redacted = scheme + "://" + authority + path.substring(0, keyStart + 1) + "****";
        return new RtmpEndpoint(url, redacted);
    }

    /** The full URL, stream key included: for FFmpeg only, never for logs or messages. */
    public String url() {
        return url;
    }

    public boolean secure() {
        return url.regionMatches(true, 0, "rtmps:", 0, 6);
    }

    /** Replaces every occurrence of the full URL in {@code text} (an FFmpeg message, say) by the masked form. */
    public String redact(String text) {
        return text == null ? "" : text.replace(url, redacted);
    }

    /** The URL with the stream key masked. */
    @Override
    public String toString() {
        return redacted;
    }
}
