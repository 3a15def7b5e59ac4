package io.chorus.signalling.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds the {@link ChorusConfig} from four layers, each overriding the one before: defaults, the YAML
 * file ({@code --config=FILE} or {@code CHORUS_CONFIG}), {@code CHORUS_<KEY>} environment variables, and
 * {@code --<key>=value} flags. Anything unknown or invalid is an IllegalArgumentException naming the key,
 * never ignored: a typo must not leave a default silently in force.
 */
public final class ConfigLoader {
    public static final String HELP_FLAG = "--help";
    static final String CONFIG_FLAG = "config";
    static final String CONFIG_ENV = "CHORUS_CONFIG";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    public static ChorusConfig load(String[] args, Map<String, String> env) {
        Map<String, String> flags = flags(args);
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        for (Setting setting : Settings.ALL) {
            values.put(setting.path(), new SourcedValue(setting.kind().fromText(setting.defaultText()), "default"));
        }
        String file = flags.remove(CONFIG_FLAG);
        if (file == null) {
            file = env.get(CONFIG_ENV);
        }
        if (file != null) {
            Path path = Path.of(file);
            overlay(values, "", readYaml(path), "file " + path);
        }
        env.forEach((name, text) -> {
            if (name.startsWith("CHORUS_") && !name.equals(CONFIG_ENV)) {
                Setting setting = Settings.byEnvName(name).orElseThrow(() -> new IllegalArgumentException(
                        "unknown environment variable " + name + "; " + HELP_FLAG + " lists the keys"));
                values.put(setting.path(), fromText(setting, text, "environment variable " + name));
            }
        });
        flags.forEach((path, text) -> {
            Setting setting = Settings.byPath(path).orElseThrow(() -> new IllegalArgumentException(
                    "unknown flag --" + path + "; " + HELP_FLAG + " lists the keys"));
            values.put(path, fromText(setting, text, "flag --" + path));
        });
        return new ConfigBinder(values).bind();
    }

    /** Every key with its flag, environment variable, default and meaning. */
    public static String usage() {
        return Settings.usage();
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("expected --KEY=VALUE, got '" + arg + "'");
            }
            String key = arg.substring(2, equals);
            if (flags.put(key, arg.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("flag --" + key + " is given twice");
            }
        }
        return flags;
    }

    private static SourcedValue fromText(Setting setting, String text, String origin) {
        try {
            return new SourcedValue(setting.kind().fromText(text), origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting.path() + " (" + origin + "): " + e.getMessage(), e);
        }
    }

    private static JsonNode readYaml(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("configuration file " + path + " does not exist or is not a file");
        }
        try {
            JsonNode root = YAML.readTree(path.toFile());
            // An empty file (or one with only comments) reads as missing: it sets nothing.
            if (root == null || root.isMissingNode() || root.isNull()) {
                return YAML.createObjectNode();
            }
            if (!root.isObject()) {
                throw new IllegalArgumentException("configuration file " + path + " must hold a mapping of keys, got "
                        + root.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Walks a YAML mapping down to the settings' paths; list-valued settings are taken whole. */
    private static void overlay(Map<String, SourcedValue> values, String section, JsonNode mapping, String origin) {
        Iterator<Map.Entry<String, JsonNode>> fields = mapping.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = section.isEmpty() ? field.getKey() : section + "." + field.getKey();
            if (Settings.byPath(path).isPresent()) {
                values.put(path, new SourcedValue(field.getValue(), origin));
            } else if (!Settings.childrenOf(section).contains(field.getKey())) {
                throw new IllegalArgumentException(origin + ": unknown key '" + path + "'; known "
                        + (section.isEmpty() ? "top-level keys" : "keys under '" + section + "'") + ": "
                        + String.join(", ", Settings.childrenOf(section)));
            } else if (field.getValue().isObject()) {
                overlay(values, path, field.getValue(), origin);
            } else {
                throw new IllegalArgumentException(origin + ": '" + path + "' must be a mapping of "
                        + String.join(", ", Settings.childrenOf(path)) + ", got " + field.getValue());
            }
        }
    }
}
