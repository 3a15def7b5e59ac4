package io.chorus.core.config;

/**
 * A setting a module refuses, naming the field as the module knows it. The configuration loader
 * turns the field into the key the operator wrote; an API turns it into its own parameter name.
 */
public final class SettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field   the record component refused, e.g. {@code audioBitrateBps}
     * @param problem what is wrong, phrased to follow a name: "must be between 1 and 16, got 0"
     */
    public SettingException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
