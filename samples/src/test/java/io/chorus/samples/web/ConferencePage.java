package io.chorus.samples.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.Tile;
import io.chorus.signalling.e2e.HeadlessChromium;
import io.chorus.signalling.e2e.TestMedia;

/**
 * One headless Chromium on the sample page, driven through the page's {@code window.chorusApp}
 * hooks; reads back the colours and tones of what the server sends it.
 */
public final class ConferencePage implements AutoCloseable {
    private static final int COLOUR_TOLERANCE = 45;

    private final HeadlessChromium chromium;
    private final JavascriptExecutor js;
    final String name;

    public ConferencePage(String name, TestMedia media, Path work, String pageUrl) throws Exception {
        this.name = name;
        this.chromium = new HeadlessChromium(media, work);
        this.js = chromium.driver;
        chromium.driver.get(pageUrl);
    }

    /**
     * Joins and resolves once the answer is applied; records when the first mixed frame is shown,
     * and when the centre of the mix first shows {@code ownColour} (RGB, within 45 per channel):
     * for the first member of a room, the moment its own picture appears in the composite (null: not
     * watched).
     */
    public void join(String room, Integer maxBitrate, int[] ownColour) {
        Object result = js.executeAsyncScript("""
                const [room, name, maxBitrate, colour, done] = arguments;
                const video = document.getElementById('remote-video');
                const started = performance.now();
                window.firstMixedFrameMs = null;
                window.ownPictureMs = null;
                const probe = document.createElement('canvas');
                probe.width = probe.height = 1;
                const g = probe.getContext('2d', {willReadFrequently: true});
                const check = () => {
                  if (video.videoWidth) {
                    g.drawImage(video, video.videoWidth / 2, video.videoHeight / 2, 1, 1, 0, 0, 1, 1);
                    const d = g.getImageData(0, 0, 1, 1).data;
                    if (colour.every((c, i) => Math.abs(c - d[i]) <= 45)) {
                      window.ownPictureMs = performance.now() - started;
                      return;
                    }
                  }
                  if (performance.now() - started < 30000) video.requestVideoFrameCallback(check);
                };
                video.requestVideoFrameCallback(() => {
                  window.firstMixedFrameMs = performance.now() - started;
                  if (colour) check();
                });
                chorusApp.join({room, name, maxBitrate, audioProcessing: false})
                    .then(() => done('ok'), e => done('failed: ' + (e.code || '') + ' ' + e.message));
                """, room, name, maxBitrate,
                ownColour == null ? null : List.of(ownColour[0], ownColour[1], ownColour[2]));
        if (!"ok".equals(result)) {
            throw new AssertionError(name + " could not join: " + result + "\n" + log());
        }
    }

    /** Types {@code text} into the page's chat box and presses Send, as a person would. */
    void sendChat(String text) {
        js.executeScript("""
                document.getElementById('chat-input').value = arguments[0];
                document.getElementById('chat-send-button').click();
                """, text);
    }

    /** The chat lines the page shows, as text ("10:45 Ann: hello"). */
    List<String> chatLines() {
        List<?> lines = (List<?>) js.executeScript(
                "return [...document.querySelectorAll('#chat-lines li')].map(li => li.textContent);");
        return lines.stream().map(String::valueOf).toList();
    }

    void leave() {
        js.executeAsyncScript("const done = arguments[arguments.length - 1]; chorusApp.leave().then(done, done);");
    }

    String participantId() {
        return (String) js.executeScript("return chorusApp.participantId;");
    }

    /** Milliseconds from join to the first picture of the mix on screen, or -1 while none. */
    double firstMixedFrameMs() {
        Object ms = js.executeScript("return window.firstMixedFrameMs;");
        return ms == null ? -1 : ((Number) ms).doubleValue();
    }

    /** Milliseconds from join to the first frame whose centre showed the colour given at join, or -1. */
    public double ownPictureMs() {
        Object ms = js.executeScript("return window.ownPictureMs;");
        return ms == null ? -1 : ((Number) ms).doubleValue();
    }

    /** The decoded size of the mix, {width, height}, or {0, 0} before the first frame. */
    int[] remoteSize() {
        List<?> size = (List<?>) js.executeScript("""
                const v = document.getElementById('remote-video');
                return [v.videoWidth, v.videoHeight];
                """);
        return new int[] {((Number) size.get(0)).intValue(), ((Number) size.get(1)).intValue()};
    }

    /** Mean RGB of a 5x5 patch around each point, given as fractions of the picture; null before a frame. */
    List<int[]> coloursAt(List<double[]> points) {
        List<List<Double>> arg = new ArrayList<>();
        points.forEach(p -> arg.add(List.of(p[0], p[1])));
        Object result = js.executeScript("""
                const v = document.getElementById('remote-video');
                if (!v.videoWidth) return null;
                const c = document.createElement('canvas');
                c.width = v.videoWidth; c.height = v.videoHeight;
                const g = c.getContext('2d');
                g.drawImage(v, 0, 0);
                return arguments[0].map(([fx, fy]) => {
                  const x = Math.min(c.width - 5, Math.max(0, Math.round(fx * c.width) - 2));
                  const y = Math.min(c.height - 5, Math.max(0, Math.round(fy * c.height) - 2));
                  const d = g.getImageData(x, y, 5, 5).data;
                  const sum = [0, 0, 0];
                  for (let i = 0; i < d.length; i += 4) { sum[0] += d[i]; sum[1] += d[i + 1]; sum[2] += d[i + 2]; }
                  return sum.map(s => Math.round(s / 25));
                });
                """, arg);
        if (result == null) {
            return null;
        }
        List<int[]> colours = new ArrayList<>();
        for (Object o : (List<?>) result) {
            List<?> rgb = (List<?>) o;
            colours.add(new int[] {((Number) rgb.get(0)).intValue(), ((Number) rgb.get(1)).intValue(),
                    ((Number) rgb.get(2)).intValue()});
        }
        return colours;
    }

    /**
     * Spectrum levels (dBFS) of the received audio at each frequency, and the median level of the
     * whole spectrum as the floor, from a Web Audio analyser on the remote stream.
     */
    ToneLevels toneLevels(int... frequencies) {
        List<Integer> freqs = new ArrayList<>();
        for (int f : frequencies) {
            freqs.add(f);
        }
        Map<?, ?> result = (Map<?, ?>) js.executeScript("""
                if (!window.toneAnalyser) {
                  const ctx = new AudioContext();
                  ctx.resume();
                  const analyser = ctx.createAnalyser();
                  analyser.fftSize = 8192;
                  analyser.smoothingTimeConstant = 0.6;
                  ctx.createMediaStreamSource(chorusApp.remoteStream).connect(analyser);
                  window.toneAnalyser = analyser;
                }
                const a = window.toneAnalyser;
                const data = new Float32Array(a.frequencyBinCount);
                a.getFloatFrequencyData(data);
                const binHz = a.context.sampleRate / a.fftSize;
                const level = f => {
                  const b = Math.round(f / binHz);
                  return Math.max(data[b - 1], data[b], data[b + 1]);
                };
                const sorted = Array.from(data).filter(Number.isFinite).sort((x, y) => x - y);
                return {levels: arguments[0].map(level), floor: sorted.length ? sorted[Math.floor(sorted.length / 2)] : -200};
                """, freqs);
        List<?> levels = (List<?>) result.get("levels");
        double[] dB = new double[levels.size()];
        for (int i = 0; i < dB.length; i++) {
            Object v = levels.get(i);
            dB[i] = v == null ? -200 : ((Number) v).doubleValue();
        }
        return new ToneLevels(dB, ((Number) result.get("floor")).doubleValue());
    }

    record ToneLevels(double[] levels, double floor) {
        @Override
        public String toString() {
            return "levels " + java.util.Arrays.toString(levels) + " dB, floor " + floor + " dB";
        }
    }

    /**
     * What the browser's video encoder produces now, from {@code outbound-rtp}: {frameWidth,
     * frameHeight}, or {0, 0} before the first encoded frame.
     */
    public int[] sentVideoSize() {
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const sender = chorusApp.peerConnection && chorusApp.peerConnection.getSenders()
                    .find(s => s.track && s.track.kind === 'video');
                if (!sender) { done([0, 0]); return; }
                sender.getStats().then(report => {
                  let size = [0, 0];
                  report.forEach(r => {
                    if (r.type === 'outbound-rtp' && r.kind === 'video' && r.frameWidth) size = [r.frameWidth, r.frameHeight];
                  });
                  done(size);
                }, () => done([0, 0]));
                """);
        List<?> size = (List<?>) result;
        return new int[] {((Number) size.get(0)).intValue(), ((Number) size.get(1)).intValue()};
    }

    /**
     * Waits until the mix shows each member's colour (within 45 per channel) at the centre region of
     * the tile the grid layout gives it, members in join order, and fails with what it saw if not.
     */
    void assertGrid(List<String> ids, List<int[]> colours, int canvasWidth, int canvasHeight, Duration timeout)
            throws InterruptedException {
        List<Tile> tiles = Layout.grid().arrange(ids, null, canvasWidth, canvasHeight);
        List<double[]> points = new ArrayList<>();
        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            for (double[] offset : new double[][] {{0, 0}, {-0.15, -0.15}, {0.15, 0.15}}) {
                points.add(new double[] {(t.x() + t.width() * (0.5 + offset[0])) / canvasWidth,
                        (t.y() + t.height() * (0.5 + offset[1] / 2)) / canvasHeight});
                expected.add(colours.get(i));
            }
        }
        String complaint = await(timeout, () -> {
            List<int[]> got = coloursAt(points);
            if (got == null) {
                return "no picture yet";
            }
            for (int i = 0; i < got.size(); i++) {
                if (!close(got.get(i), expected.get(i))) {
                    return String.format("at (%.2f, %.2f) expected %s, got %s", points.get(i)[0], points.get(i)[1],
                            Arrays.toString(expected.get(i)), Arrays.toString(got.get(i)));
                }
            }
            return null;
        });
        if (complaint != null) {
            throw new AssertionError(name + " does not show the " + ids.size() + "-tile grid within " + timeout + ": "
                    + complaint + "\npage log:\n" + log());
        }
    }

    private static boolean close(int[] got, int[] expected) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs(got[c] - expected[c]) > COLOUR_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes this page's media go through a relay listening on {@code relayPort}: the server's
     * candidates are rewritten from {@code serverMediaPort} to the relay's, any other server candidate
     * is dropped, and the page's own candidates are not sent, so the server meets the page only as
     * the relay's address (peer-reflexive) and cannot reach it directly. Call before {@link #join}.
     */
    public void routeMediaVia(int serverMediaPort, int relayPort) {
        js.executeScript("""
                const [serverPort, relayPort] = arguments;
                const serverCandidate = ' 127.0.0.1 ' + serverPort + ' typ ';
                const keep = line => !line.startsWith('a=candidate') || line.includes(serverCandidate);
                const swap = line => line.replace(serverCandidate, ' 127.0.0.1 ' + relayPort + ' typ ');
                const rewrite = sdp => sdp.split('\\r\\n').filter(keep).map(swap).join('\\r\\n');
                const setRemote = RTCPeerConnection.prototype.setRemoteDescription;
                RTCPeerConnection.prototype.setRemoteDescription = function (d) {
                  return setRemote.call(this, {type: d.type, sdp: rewrite(d.sdp)});
                };
                const addCandidate = RTCPeerConnection.prototype.addIceCandidate;
                RTCPeerConnection.prototype.addIceCandidate = function (c) {
                  if (c && c.candidate) {
                    if (!keep('a=' + c.candidate)) return Promise.resolve();
                    c = {candidate: swap(c.candidate), sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex};
                  }
                  return addCandidate.call(this, c);
                };
                const send = WebSocket.prototype.send;
                WebSocket.prototype.send = function (data) {
                  const m = JSON.parse(data);
                  if (m.type === 'candidate') return;
                  if (m.type === 'offer') {
                    m.sdp = m.sdp.split('\\r\\n').filter(l => !l.startsWith('a=candidate')).join('\\r\\n');
                    data = JSON.stringify(m);
                  }
                  return send.call(this, data);
                };
                """, serverMediaPort, relayPort);
    }

    /**
     * Starts watching the mix frame by frame: for each band (x0, x1, y0, y1 as fractions of the
     * picture) the horizontal centre of its white pixels, the test media's moving marker, and the
     * wall-clock time (ms since the epoch) of every frame and of every frame where a band's marker
     * moved by more than a pixel and a half.
     */
    public void watchMarkers(List<double[]> bands) {
        List<List<Double>> arg = new ArrayList<>();
        bands.forEach(b -> arg.add(List.of(b[0], b[1], b[2], b[3])));
        js.executeScript("""
                const bands = arguments[0];
                const v = document.getElementById('remote-video');
                const c = document.createElement('canvas');
                const g = c.getContext('2d', {willReadFrequently: true});
                const watch = window.markerWatch = {frames: [], moves: bands.map(() => []), last: bands.map(() => null)};
                const step = () => {
                  if (window.markerWatch !== watch) return;
                  try {
                    if (v.videoWidth) {
                      const now = Date.now();
                      watch.frames.push(now);
                      bands.forEach(([fx0, fx1, fy0, fy1], i) => {
                        // Only the band is read back, to keep the watching cheap next to the call.
                        const x0 = Math.round(fx0 * v.videoWidth), y0 = Math.round(fy0 * v.videoHeight);
                        const w = Math.max(1, Math.round(fx1 * v.videoWidth) - x0);
                        const h = Math.max(1, Math.round(fy1 * v.videoHeight) - y0);
                        if (c.width !== w || c.height !== h) {
                          c.width = w; c.height = h;
                        }
                        g.drawImage(v, x0, y0, w, h, 0, 0, w, h);
                        const d = g.getImageData(0, 0, w, h).data;
                        let sum = 0, n = 0;
                        for (let p = 0; p < d.length; p += 4) {
                          if (d[p] > 190 && d[p + 1] > 190 && d[p + 2] > 190) { sum += (p / 4) % w; n++; }
                        }
                        const at = n ? sum / n : -100;
                        if (watch.last[i] === null || Math.abs(at - watch.last[i]) > 1.5) {
                          watch.moves[i].push(now);
                          watch.last[i] = at;
                        }
                      });
                    }
                  } catch (e) {
                    watch.error = String(e);
                  }
                  v.requestVideoFrameCallback(step);
                };
                v.requestVideoFrameCallback(step);
                """, arg);
    }

    /**
     * What {@link #watchMarkers} saw: "frames", the times of the frames shown, and "moves", per band
     * the times its marker moved.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> markerWatch() {
        return (Map<String, Object>) js.executeScript(
                "const w = window.markerWatch; return {frames: w.frames, moves: w.moves, error: w.error || null};");
    }

    /**
     * The browser's RTP statistics by {@code type/kind} ({@code inbound-rtp/video},
     * {@code outbound-rtp/audio}, ...), each the report's fields for that stream.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> rtpStats() {
        return (Map<String, Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                chorusApp.peerConnection.getStats().then(report => {
                  const out = {};
                  report.forEach(r => {
                    if (r.type === 'inbound-rtp' || r.type === 'outbound-rtp') out[r.type + '/' + r.kind] = r;
                  });
                  done(out);
                }, e => done({error: {message: String(e)}}));
                """);
    }

    public String log() {
        Object log = js.executeScript("return chorusApp.log.join('\\n');");
        return String.valueOf(log);
    }

    /** Polls {@code check} until it returns null (done) or the time is up; returns the last complaint. */
    public static String await(Duration timeout, java.util.function.Supplier<String> check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String complaint = check.get();
        while (complaint != null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            complaint = check.get();
        }
        return complaint;
    }

    @Override
    public void close() {
        chromium.close();
    }
}
