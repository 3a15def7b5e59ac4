package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.signalling.config.ConfigLoader;
import io.chorus.signalling.server.ChorusServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The decoder-size probe of the hardening review, on a started server: a synthetic participant whose
 * camera sends nothing but VP8 key frames declaring 16383x16383 pixels. The server must refuse them
 * unread, count them in {@code /metrics}, ask that camera for another key frame, and keep the room's
 * composite flowing to the other member at its full rate.
 */
class OversizedKeyFrameTest {
    private static final int FPS = 15;
    private static final String ROOM = "crafted";

    @Test
    void keyFramesDeclaringHugePicturesAreRefusedCountedAndAskedAgainWhileTheRoomPlaysOn() throws Exception {
        int mediaPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            mediaPort = probe.getLocalPort();
        }
        VideoVariant variant = new VideoVariant(320, 180, FPS, 200_000);
        int loopFrames = LoadSettings.LOOP_SECONDS * FPS;
        HttpClient http = HttpClient.newHttpClient();
        try (ChorusServer server = ChorusServer.start(ConfigLoader.load(new String[] {"--http.port=0",
            "--media.port=" + mediaPort, "--video.width=320", "--video.height=180", "--video.fps=" + FPS,
            "--video.tiers=low:320x180@150000"}, Map.of()));
                Pacer pacer = new Pacer(FPS)) {
            URI base = URI.create("http://127.0.0.1:" + server.httpAddress().getPort());
            URI ws = URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
            MediaClip honest = MediaClip.encode(0, List.of(variant), FPS, loopFrames);
            MediaClip crafted = new MediaClip(List.of(new VideoClip(variant,
                    Collections.nCopies(loopFrames, hugeVp8KeyFrame()), 1)), AudioClip.encode(1));
            List<SyntheticParticipant> joined = new ArrayList<>();
            try {
                SyntheticParticipant victim = SyntheticParticipant.join(http, ws, ROOM, "victim", honest, true, FPS,
                        new Roster(), false);
                joined.add(victim);
                SyntheticParticipant attacker = SyntheticParticipant.join(http, ws, ROOM, "attacker", crafted, true,
                        FPS, new Roster(), false);
                joined.add(attacker);
                pacer.add(victim);
                pacer.add(attacker);
                Thread.sleep(2_000);
                victim.receiver().restartWindow();
                Thread.sleep(4_000);

                MixReceiver.Received received = victim.receiver().snapshot();
                assertTrue(received.fps() >= FPS - 2, "the other member's composite keeps its rate: " + received);
                assertEquals(0, received.videoLost(), "and loses nothing: " + received);
                double refused = metric(http, base, "chorus_mixer_video_frames_refused_total\\{[^}]*room=\"" + ROOM
                        + "\"[^}]*\\} (\\S+)");
                // Every crafted frame is refused, about 15 a second for 6 s.
                assertTrue(refused >= 60, "refused crafted frames counted: " + refused);
                assertTrue(attacker.keyFrameRequests() > 0, "the attacker's camera was asked for another key frame");
                System.out.printf("crafted 16383x16383 key frames: %.0f refused, %d key frame requests to the sender; "
                        + "the other member received %.1f fps%n", refused, attacker.keyFrameRequests(), received.fps());
            } finally {
                joined.forEach(pacer::remove);
                joined.forEach(SyntheticParticipant::close);
            }
        }
    }

    /**
     * A VP8 key frame (RFC 6386 section 9.1) whose header declares 16383x16383, the largest a VP8
     * header can, followed by zeros where the compressed picture would be.
     */
    private static byte[] hugeVp8KeyFrame() {
        byte[] frame = new byte[64];
        int firstPartitionSize = 32;
        int tag = firstPartitionSize << 5 | 1 << 4; // key frame (bit 0 clear), version 0, shown
        frame[0] = (byte) tag;
        frame[1] = (byte) (tag >> 8);
        frame[2] = (byte) (tag >> 16);
        frame[3] = (byte) 0x9d;
        frame[4] = 0x01;
        frame[5] = 0x2a;
        frame[6] = (byte) 0xff; // width 16383, no scaling
        frame[7] = 0x3f;
        frame[8] = (byte) 0xff; // height 16383, no scaling
        frame[9] = 0x3f;
        return frame;
    }

    private static double metric(HttpClient http, URI base, String pattern) throws Exception {
        String body = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile(pattern).matcher(body);
        assertTrue(m.find(), "no " + pattern + " in /metrics:\n" + body);
        return Double.parseDouble(m.group(1));
    }
}
