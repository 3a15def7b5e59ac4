package io.chorus.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.chorus.core.ice.LocalCandidate;
import io.chorus.core.ice.RemoteCandidateInfo;
import io.chorus.core.sdp.IceCandidate;
import io.chorus.core.sdp.SdpException;

class CandidateMappingTest {
    private static final String CHROME_SRFLX = "candidate:842163049 1 udp 1686052607 203.0.113.24 54400 typ srflx raddr 192.0.2.20 rport 54400 generation 0 ufrag b3Rt network-id 1 network-cost 10";

    @Test
    void convertsToTheIceLayersRemoteCandidate() throws SdpException {
        assertEquals(new RemoteCandidateInfo("842163049", 1, "udp", 1686052607L, "203.0.113.24", 54400, "srflx",
                "192.0.2.20", 54400), CandidateMapping.toRemote(IceCandidate.parse(CHROME_SRFLX)));
    }

    @Test
    void announcesAServerCandidate() throws SdpException {
        LocalCandidate host = new LocalCandidate("1", 1, 2130706431L, "127.0.0.1", 10000, "host", null, 0);
        LocalCandidate srflx = new LocalCandidate("11", 1, 1694498815L, "198.51.100.1", 10000, "srflx",
                "127.0.0.1", 10000);
        assertEquals("candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host",
                CandidateMapping.toSdp(host).toCandidateString());
        String srflxLine = CandidateMapping.toSdp(srflx).toCandidateString();
        assertEquals("candidate:11 1 udp 1694498815 198.51.100.1 10000 typ srflx raddr 127.0.0.1 rport 10000",
                srflxLine);
        assertEquals(CandidateMapping.toSdp(srflx), IceCandidate.parse(srflxLine));
    }

}
