package io.chorus.signalling.e2e;

import java.io.File;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its chromedriver, with fake capture from known files. Nothing is
 * downloaded: both binaries are the system's. Flags per the project's browser-testing notes.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/lib/chromium/chromium";

    public final ChromeDriver driver;

    public HeadlessChromium(TestMedia media, Path profileRoot) throws IOException {
        if (!CHROMEDRIVER.canExecute() || !new File(CHROMIUM).canExecute()) {
            throw new IllegalStateException("Chromium and chromedriver are required for the end-to-end tests "
                    + "(apt-get install chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory(profileRoot, "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--window-size=1100,700", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + media.video,
                "--use-file-for-fake-audio-capture=" + media.audio,
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /**
     * The network rule: end-to-end tests run where loopback is the only interface, because
     * Chromium offers every local address as a candidate. {@code ./run-tests.sh} arranges that.
     */
    public static void requireLoopbackOnlyNetwork() throws SocketException {
        List<String> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!(address instanceof Inet6Address && address.isLinkLocalAddress())) {
                    others.add(nic.getName() + " " + address.getHostAddress());
                }
            }
        }
        if (!others.isEmpty()) {
            throw new IllegalStateException("end-to-end browser tests must run in a loopback-only network namespace "
                    + "(use ./run-tests.sh); found " + others);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
