package io.chorus.samples.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The [Service] section of the distribution's systemd unit, read the way systemd reads the few
 * directives the unit uses, so that DistributionIT starts the server from the unit itself rather
 * than from a copy of its command line that could drift from it.
 */
final class SystemdUnit {
    private final Map<String, List<String>> service;

    private SystemdUnit(Map<String, List<String>> service) {
        this.service = service;
    }

    static SystemdUnit read(Path file) throws IOException {
        Map<String, List<String>> service = new LinkedHashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException(file + ": not a directive: " + line);
            }
            if (section.equals("[Service]")) {
                service.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return new SystemdUnit(service);
    }

    /** The single value of a directive; fails when the unit has none or several. */
    String single(String directive) {
        List<String> values = service.getOrDefault(directive, List.of());
        if (values.size() != 1) {
            throw new IllegalStateException("the unit has " + values.size() + " " + directive + "= lines, expected 1");
        }
        return values.get(0);
    }

    List<String> all(String directive) {
        return service.getOrDefault(directive, List.of());
    }

    /**
     * ExecStart split into words. The unit's command uses no quoting or variables, and the test
     * refuses one that does rather than guess how systemd would split it.
     */
    List<String> execStart() {
        String command = single("ExecStart");
        if (command.matches(".*[\"'$\\\\].*")) {
            throw new IllegalStateException("ExecStart uses quoting or variables, which this reader does not expand: "
                    + command);
        }
        return List.of(command.strip().split("\\s+"));
    }

    /** Environment= assignments (one per line here, unquoted), in order. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : all("Environment")) {
            putAssignment(env, assignment);
        }
        return env;
    }

    /** A KEY=VALUE line of an environment file or an Environment= directive. */
    static void putAssignment(Map<String, String> env, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("not KEY=VALUE: " + assignment);
        }
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }

    /** Exit statuses systemd counts as a clean stop: 0 and whatever SuccessExitStatus= adds. */
    List<Integer> successExitStatuses() {
        List<Integer> codes = new ArrayList<>(List.of(0));
        for (String line : all("SuccessExitStatus")) {
            for (String word : line.strip().split("\\s+")) {
                codes.add(Integer.parseInt(word));
            }
        }
        return codes;
    }
}
