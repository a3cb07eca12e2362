package kspec.scaling;

import java.util.Locale;

/**
 * The resource a learning curve scales (Bahri et al. 2021, arXiv 2102.06701): the training-set size
 * D or the model width P.
 */
public enum Axis {

    /** Training-set size D. */
    DATA("D"),
    /** Width P (number of random features). */
    WIDTH("P");

    private final String symbol;

    Axis(String symbol) {
        this.symbol = symbol;
    }

    /** @return the name used in reports and JSON: {@code data} or {@code width} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the resource's symbol, {@code D} or {@code P} */
    public String symbol() {
        return symbol;
    }
}
