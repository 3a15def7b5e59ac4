package io.chorus.samples.load;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments of the command-line tools, checked against the names they know. */
public final class Flags {
    private Flags() {
    }

    /** The defaults overridden by the arguments; an unknown name or a malformed argument is refused. */
    public static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> flags = new HashMap<>(defaults);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = arg.substring(2, eq);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; known: " + defaults.keySet());
            }
            flags.put(name, arg.substring(eq + 1));
        }
        return flags;
    }
}
