package io.chorus.core.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An SSRC the browser announced for an m-line (RFC 5576), with the RTX SSRC its {@code ssrc-group:FID}
 * pairs with it.
 *
 * @param cname null when no {@code a=ssrc:<ssrc> cname:} line names it
 */
public record RemoteSource(long ssrc, OptionalLong rtxSsrc, String cname) {

    /**
     * The media SSRCs of an m-line in announcement order. An SSRC that is the second or later member of a
     * group other than SIM (an RTX or FEC stream) is not a media SSRC of its own.
     */
    static List<RemoteSource> fromAttributes(SdpAttributes attributes) {
        Map<Long, Long> rtxByMedia = new HashMap<>();
        Set<Long> repairStreams = new HashSet<>();
        for (SsrcGroup group : attributes.ssrcGroups()) {
            if ("SIM".equals(group.semantics()) || group.ssrcs().size() < 2) {
                continue;
            }
            repairStreams.addAll(group.ssrcs().subList(1, group.ssrcs().size()));
            if (SsrcGroup.FID.equals(group.semantics()) && group.ssrcs().size() == 2) {
                rtxByMedia.putIfAbsent(group.ssrcs().get(0), group.ssrcs().get(1));
            }
        }
        Set<Long> mediaSsrcs = new LinkedHashSet<>();
        Map<Long, String> cnames = new HashMap<>();
        for (SsrcAttribute attribute : attributes.ssrcs()) {
            if (!repairStreams.contains(attribute.ssrc())) {
                mediaSsrcs.add(attribute.ssrc());
            }
            if ("cname".equals(attribute.name()) && attribute.value() != null) {
                cnames.putIfAbsent(attribute.ssrc(), attribute.value());
            }
        }
        List<RemoteSource> sources = new ArrayList<>();
        for (long ssrc : mediaSsrcs) {
            Long rtx = rtxByMedia.get(ssrc);
            sources.add(new RemoteSource(ssrc, rtx == null ? OptionalLong.empty() : OptionalLong.of(rtx),
                    cnames.get(ssrc)));
        }
        return sources;
    }
}
