package io.chorus.signalling.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The shipped example file and docs/configuration.md stay in step with the settings in the code. */
class ShippedDocsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path EXAMPLE = DOCS.resolve("chorus.example.yaml");

    @Test
    void exampleFileParsesToTheDefaultsPlusItsIceServers() {
        ChorusConfig example = ConfigLoader.load(new String[] {"--config=" + EXAMPLE}, Map.of());
        ChorusConfig defaults = ChorusConfig.defaults();
        assertEquals(List.of(
                new ChorusConfig.IceServer(List.of("stun:stun.example.com:3478"), null, null),
                new ChorusConfig.IceServer(List.of("turn:turn.example.com:3478?transport=udp",
                        "turns:turn.example.com:5349"), "chorus", "change-me")), example.clientIceServers());
        assertEquals(new ChorusConfig(defaults.http(), defaults.media(), defaults.dtls(), example.clientIceServers(),
                defaults.conference(), defaults.auth(), defaults.opusLibrary(), defaults.webhooks(), defaults.logFormat()),
                example);
    }

    @Test
    void exampleFileSetsEveryKeyWithAComment() throws Exception {
        Set<String> keys = new TreeSet<>();
        leafPaths(new YAMLMapper().readTree(EXAMPLE.toFile()), "", keys);
        assertEquals(Settings.ALL.stream().map(Setting::path).collect(Collectors.toCollection(TreeSet::new)), keys);
        for (String line : Files.readAllLines(EXAMPLE)) {
            boolean setsAKey = line.matches("\\s*[A-Za-z]+:.*") || line.matches("\\s*- .*");
            assertTrue(!setsAKey || line.contains("#") || line.matches("\\s*[a-z]+:\\s*"), () -> "no comment: " + line);
        }
    }

    @Test
    void configurationDocNamesEveryKeyFlagAndVariable() throws Exception {
        String doc = Files.readString(DOCS.resolve("configuration.md"));
        for (Setting s : Settings.ALL) {
            String row = "| `" + s.path() + "` | `" + s.flag() + "` | `" + s.envName() + "` | ";
            assertTrue(doc.contains(row), () -> "docs/configuration.md lacks the row starting " + row);
        }
    }

    private static void leafPaths(JsonNode node, String prefix, Set<String> paths) {
        if (!node.isObject() || Settings.byPath(prefix).isPresent()) {
            paths.add(prefix);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            leafPaths(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), paths);
        }
    }
}
