package kspec.scaling.laws;

import kspec.data.runs.RunRole;

/** The scaling laws kspec fits to a run table. */
public enum LawForm {

    /** Hoffmann et al.'s L = E + A/N^α + B/D^β ({@link ChinchillaLaw}). */
    CHINCHILLA("chinchilla"),
    /** Kaplan et al.'s L(N) = (N_c/N)^α_N ({@link KaplanPowerLaw}). */
    KAPLAN_N("kaplan-n"),
    /** Kaplan et al.'s L(D) = (D_c/D)^α_D ({@link KaplanPowerLaw}). */
    KAPLAN_D("kaplan-d"),
    /** Kaplan et al.'s L(N, D) ({@link KaplanDataLaw}). */
    KAPLAN_ND("kaplan-nd"),
    /** Kaplan et al.'s L(N, S) ({@link KaplanStepsLaw}). */
    KAPLAN_NS("kaplan-ns");

    private final String key;

    LawForm(String key) {
        this.key = key;
    }

    /** @return the name used in reports, e.g. {@code kaplan-nd} */
    public String key() {
        return key;
    }

    /** @return a new instance of the law */
    public LossLaw law() {
        return switch (this) {
            case CHINCHILLA -> new ChinchillaLaw();
            case KAPLAN_N -> new KaplanPowerLaw(RunRole.PARAMS);
            case KAPLAN_D -> new KaplanPowerLaw(RunRole.TOKENS);
            case KAPLAN_ND -> new KaplanDataLaw();
            case KAPLAN_NS -> new KaplanStepsLaw();
        };
    }

    /** @return the form named {@code key} */
    public static LawForm of(String key) {
        for (LawForm f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown law form '" + key
                + "': use chinchilla, kaplan-n, kaplan-d, kaplan-nd or kaplan-ns");
    }
}
