package io.chorus.core.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A parsed session description (RFC 8866): the session-level lines and attributes, then the m-sections
 * in order.
 *
 * @param origin the o= value as written (username, session id, version, network type, address type, address)
 * @param lines the session-level lines other than a=, v= included, in order
 */
public record SessionDescription(String origin, String sessionName, List<SdpLine> lines, SdpAttributes attributes,
        List<MediaSection> media) {

    public SessionDescription {
        lines = List.copyOf(lines);
        media = List.copyOf(media);
    }

    /** The first {@code a=group:BUNDLE}; browsers offer one group holding every m-line they bundle. */
    public Optional<SdpGroup> bundleGroup() {
        return attributes.groups().stream().filter(SdpGroup::isBundle).findFirst();
    }

    public Optional<MediaSection> mediaByMid(String mid) {
        return media.stream().filter(m -> m.attributes().mid().filter(mid::equals).isPresent()).findFirst();
    }
}
