package io.chorus.samples.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

import io.chorus.signalling.e2e.HeadlessChromium;
import io.chorus.signalling.e2e.TestMedia;

/**
 * One headless Chromium on the sample page, driven through the page's {@code window.chorusApp}
 * hooks; reads back the colours and tones of what the server sends it.
 */
public final class ConferencePage implements AutoCloseable {
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
