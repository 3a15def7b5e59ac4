package io.chorus.signalling.server;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chorus.signalling.config.ConfigLoader;

/** Starts a real server on loopback with free ports. */
public final class TestServers {
    private TestServers() {
    }

    /** @param flags extra {@code --key=value} settings, e.g. limits or auth */
    public static ChorusServer start(String... flags) throws Exception {
        int mediaPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("--http.port=0", "--media.port=" + mediaPort));
        args.addAll(List.of(flags));
        return ChorusServer.start(ConfigLoader.load(args.toArray(String[]::new), Map.of()));
    }
}
