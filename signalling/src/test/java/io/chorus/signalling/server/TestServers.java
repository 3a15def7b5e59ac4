package io.chorus.signalling.server;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;

import io.chorus.signalling.config.ConfigLoader;

/** Starts a real server on loopback with free ports. */
public final class TestServers {
    private TestServers() {
    }

    public static ChorusServer start() throws Exception {
        int mediaPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        return ChorusServer.start(ConfigLoader.load(new String[] {"--http.port=0", "--media.port=" + mediaPort},
                Map.of()));
    }
}
