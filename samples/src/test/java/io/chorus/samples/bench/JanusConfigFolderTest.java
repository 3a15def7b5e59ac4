package io.chorus.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JanusConfigFolderTest {
    /**
     * The shape of Debian's janus 1.1.2 janus.jcfg (comments, some with braces; arrays; commented
     * defaults), its addresses replaced by loopback or reserved names.
     */
    private static final String DEBIAN_JANUS = """
            # General configuration: folders where the configuration and the plugins
            general: {
            	configs_folder = "/etc/janus"			# Configuration files folder
            	plugins_folder = "/usr/lib/x86_64-linux-gnu/janus/plugins"			# Plugins folder
            	transports_folder = "/usr/lib/x86_64-linux-gnu/janus/transports"	# Transports folder
            	debug_level = 4							# Debug/logging level, valid values are 0-7
            	#interface = "1.2.3.4"			# Interface to use (will be used in SDP)
            	#session_timeout = 60			# How long (in seconds) we should wait before
            	protected_folders = [
            		"/bin",
            		"/usr"
            	]
            }
            certificates: {
            	#cert_pem = "/path/to/certificate.pem"
            }
            media: {
            	#ipv6 = true
            	#rtp_port_range = "20000-40000"
            }
            nat: {
            	stun_server = "stun.invalid"
            	stun_port = 3478
            	nice_debug = false
            	#     ice_enforce_list = "eth0"
            	ice_ignore_list = "vmnet"
            }
            plugins: {
            	#disable = "libjanus_voicemail.so,libjanus_recordplay.so"
            }
            transports: {
            	#disable = "libjanus_rabbitmq.so"
            }
            loggers: {
            	#disable = "libjanus_jsonlog.so"
            }
            # e.g. events: { broadcast = true }
            events: {
            	#broadcast = true
            	#disable = "libjanus_sampleevh.so"
            }
            """;

    private static final String DEBIAN_HTTP = """
            general: {
            	json = "indented"				# Whether the JSON messages should be indented (default),
            	base_path = "/janus"			# Base path to bind to in the web server (plain HTTP only)
            	http = true						# Whether to enable the plain HTTP interface
            	port = 8088						# Web server HTTP port
            	#ip = "127.0.0.2"				# Whether we should bind this server to a specific IP address (v4 or v6) only
            	https = false					# Whether to enable HTTPS (default=false)
            }
            admin: {
            	admin_base_path = "/admin"			# Base path to bind to in the admin/monitor web server (plain HTTP only)
            	admin_http = false					# Whether to enable the plain HTTP interface
            	admin_port = 7088					# Admin/monitor web server HTTP port
            }
            """;

    private static String rewritten() {
        return JanusConfigFolder.janusJcfg(DEBIAN_JANUS, Path.of("/tmp/janus-42"),
                List.of("libjanus_audiobridge.so", "libjanus_echotest.so", "libjanus_videoroom.so"),
                List.of("libjanus_http.so", "libjanus_websockets.so"), List.of("libjanus_sampleevh.so"),
                List.of("libjanus_jsonlog.so"));
    }

    @Test
    void loadsOnlyTheAudioBridgeAndTheHttpTransport() {
        String jcfg = rewritten();
        assertEquals("libjanus_echotest.so,libjanus_videoroom.so", Jcfg.get(jcfg, "plugins", "disable"));
        assertEquals("libjanus_websockets.so", Jcfg.get(jcfg, "transports", "disable"));
        assertEquals("libjanus_sampleevh.so", Jcfg.get(jcfg, "events", "disable"));
        assertEquals("libjanus_jsonlog.so", Jcfg.get(jcfg, "loggers", "disable"));
        assertEquals(List.of("false"), active(jcfg, "broadcast"));
    }

    @Test
    void keepsIceOnLoopbackWithoutStunAndSessionsForever() {
        String jcfg = rewritten();
        assertEquals("lo", Jcfg.get(jcfg, "nat", "ice_enforce_list"));
        assertEquals("127.0.0.1", Jcfg.get(jcfg, "general", "interface"));
        assertEquals("40000-40999", Jcfg.get(jcfg, "media", "rtp_port_range"));
        assertEquals(List.of("0"), active(jcfg, "session_timeout"));
        assertEquals(List.of(), active(jcfg, "stun_server"));
        assertEquals(List.of(), active(jcfg, "stun_port"));
    }

    @Test
    void replacesSettingsInsteadOfRepeatingThemAndKeepsTheRest() {
        String jcfg = rewritten();
        assertEquals(List.of("\"/tmp/janus-42\""), active(jcfg, "configs_folder"));
        assertEquals(List.of("false"), active(jcfg, "nice_debug"));
        assertEquals("/usr/lib/x86_64-linux-gnu/janus/plugins", Jcfg.get(jcfg, "general", "plugins_folder"));
        assertEquals(List.of("4"), active(jcfg, "debug_level"));
        assertTrue(jcfg.contains("\t\t\"/usr\"\n\t]\n}"), "protected_folders kept whole");
        assertTrue(jcfg.contains("#disable = \"libjanus_voicemail.so,libjanus_recordplay.so\""), "comments kept");
        assertEquals(count(DEBIAN_JANUS, '{'), count(jcfg, '{'));
        assertEquals(count(DEBIAN_JANUS, '}'), count(jcfg, '}'));
    }

    @Test
    void bindsTheHttpApiToLoopbackOnTheGivenPort() {
        String http = JanusConfigFolder.httpJcfg(DEBIAN_HTTP, 38123);
        assertEquals(List.of("38123"), active(http, "port"));
        assertEquals("127.0.0.1", Jcfg.get(http, "general", "ip"));
        assertEquals(List.of("false"), active(http, "https"));
        assertEquals(List.of("false"), active(http, "admin_http"));
        assertEquals("/janus", Jcfg.get(http, "general", "base_path"));
    }

    @Test
    void bindsTheAudioBridgesRtpToLoopback() {
        String bridge = JanusConfigFolder.audioBridgeJcfg();
        assertEquals("127.0.0.1", Jcfg.get(bridge, "general", "local_ip"));
        assertEquals("20000-29999", Jcfg.get(bridge, "general", "rtp_port_range"));
        assertFalse(bridge.contains("room-"), "no demo room");
    }

    @Test
    void appendsAMissingSection() {
        assertEquals("a: {\n}\nb: {\n\tx = 1\n}\n", Jcfg.set("a: {\n}\n", "b", java.util.Map.of("x", "1")));
    }

    /** The values of every active (uncommented) setting called {@code name}, in order. */
    private static List<String> active(String text, String name) {
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + name + "[ \\t]*=[ \\t]*([^#\\n]*?)[ \\t]*(#.*)?$").matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
