package io.chorus.signalling.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What must hold for this node to take new participants, each as a named check; {@code GET
 * /api/ready} answers 503 naming the checks that fail, so that a load balancer or an orchestrator
 * sends joins elsewhere (docs/rest-api.md). A check must answer at once: probes come every few
 * seconds and must not wait on the media or the rooms.
 */
public final class Readiness {
    /** One condition: empty when it holds, otherwise why not. */
    public record Check(String name, Supplier<Optional<String>> problem) {
    }

    private final List<Check> checks;

    public Readiness(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Each check's name and its problem, or "ok"; in the order given. */
    Map<String, String> evaluate() {
        Map<String, String> results = new LinkedHashMap<>();
        for (Check check : checks) {
            results.put(check.name(), check.problem().get().orElse("ok"));
        }
        return results;
    }
}
