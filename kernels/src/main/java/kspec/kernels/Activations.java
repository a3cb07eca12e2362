package kspec.kernels;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Factory for the {@link Activation}s, in neural-tangents naming. Closed forms: {@link #relu()},
 * {@link #abRelu}, {@link #leakyRelu}, {@link #abs()}, {@link #erf}, {@link #sigmoidLike()},
 * {@link #gelu()}, {@link #sin}, {@link #cos}, {@link #rbf}, {@link #exp}, {@link #sign()},
 * {@link #identity()}, {@link #rectifiedMonomial}. Any other φ with φ′: {@link #series} (Hermite
 * expansion, fast; {@link #tanh()}, {@link #softplus()}, {@link #silu()} are built on it) or
 * {@link #numerical} (2-D Gauss–Hermite quadrature, the slow reference).
 *
 * <p>String tokens ({@link #parse}), case-insensitive, defaults as in NT:
 * {@code Relu, ABRelu(a,b), LeakyRelu(alpha), Abs, Erf[(a[,b[,c]])] (1,1,0), SigmoidLike, Gelu,
 * Sin[(a[,b[,c]])] (1,1,0), Cos[(a[,b[,c]])], Rbf[(gamma)] (1), Exp[(a[,b])] (1,1), Sign, Identity,
 * RectifiedMonomial(n) (n = 0…3), Tanh, Softplus, Silu}.
 */
public final class Activations {

    /** The names {@link #parse} accepts, for error messages and help texts. */
    public static final List<String> NAMES = List.of("Relu", "ABRelu(a,b)", "LeakyRelu(alpha)", "Abs",
            "Erf(a,b,c)", "SigmoidLike", "Gelu", "Sin(a,b,c)", "Cos(a,b,c)", "Rbf(gamma)", "Exp(a,b)", "Sign",
            "Identity", "RectifiedMonomial(n)", "Tanh", "Softplus", "Silu");

    /** NT's {@code Sigmoid_like}: 0.5·erf(x/2.4020563531719796) + 0.5, a least-squares fit of the logistic sigmoid. */
    private static final double SIGMOID_LIKE_SCALE = 2.4020563531719796;

    private Activations() {
    }

    /** @return ReLU, max(x, 0) */
    public static Activation relu() {
        return new ABRelu(0, 1, "Relu");
    }

    /** @return a·min(x, 0) + b·max(x, 0) */
    public static Activation abRelu(double a, double b) {
        requireFinite("ABRelu", a, b);
        return new ABRelu(a, b, "ABRelu(" + DualMath.fmt(a) + "," + DualMath.fmt(b) + ")");
    }

    /** @return α·min(x, 0) + max(x, 0) = ABRelu(α, 1) */
    public static Activation leakyRelu(double alpha) {
        requireFinite("LeakyRelu", alpha);
        return new ABRelu(alpha, 1, "LeakyRelu(" + DualMath.fmt(alpha) + ")");
    }

    /** @return |x| = ABRelu(−1, 1) */
    public static Activation abs() {
        return new ABRelu(-1, 1, "Abs");
    }

    /** @return a·erf(b·x) + c */
    public static Activation erf(double a, double b, double c) {
        requireFinite("Erf", a, b, c);
        return new Erf(a, b, c, "Erf(" + DualMath.fmt(a) + "," + DualMath.fmt(b) + "," + DualMath.fmt(c) + ")");
    }

    /** @return erf(x) */
    public static Activation erf() {
        return new Erf(1, 1, 0, "Erf");
    }

    /** @return NT's sigmoid-like Erf, 0.5·erf(x/2.4020563531719796) + 0.5 */
    public static Activation sigmoidLike() {
        return new Erf(0.5, 1 / SIGMOID_LIKE_SCALE, 0.5, "SigmoidLike");
    }

    /** @return GELU, x·Φ_N(x) (exact, not the tanh approximation) */
    public static Activation gelu() {
        return new Gelu();
    }

    /** @return a·sin(b·x + c) */
    public static Activation sin(double a, double b, double c) {
        requireFinite("Sin", a, b, c);
        return new Sin(a, b, c, "Sin(" + DualMath.fmt(a) + "," + DualMath.fmt(b) + "," + DualMath.fmt(c) + ")");
    }

    /** @return a·cos(b·x + c) = a·sin(b·x + c + π/2) */
    public static Activation cos(double a, double b, double c) {
        requireFinite("Cos", a, b, c);
        return new Sin(a, b, c + Math.PI / 2,
                "Cos(" + DualMath.fmt(a) + "," + DualMath.fmt(b) + "," + DualMath.fmt(c) + ")");
    }

    /** @return the RBF activation √2·sin(√(2γ)x + π/4), dual exp(−γ(q₁ + q₂ − 2c)); γ &gt; 0 */
    public static Activation rbf(double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("Rbf gamma must be a finite number > 0 (got " + gamma + ")");
        }
        return new Rbf(gamma, "Rbf(" + DualMath.fmt(gamma) + ")");
    }

    /** @return a·exp(b·x) */
    public static Activation exp(double a, double b) {
        requireFinite("Exp", a, b);
        return new Exp(a, b, "Exp(" + DualMath.fmt(a) + "," + DualMath.fmt(b) + ")");
    }

    /** @return sign(x) (NTK contribution of lower layers dropped: φ′ = 0) */
    public static Activation sign() {
        return new Sign();
    }

    /** @return x */
    public static Activation identity() {
        return new Identity();
    }

    /** @return max(x, 0)ⁿ, n = 0…3 */
    public static Activation rectifiedMonomial(int degree) {
        return new RectifiedMonomial(degree);
    }

    /**
     * A generic activation integrated by Gauss–Hermite quadrature; see the accuracy statement on
     * {@code GaussHermiteActivation} (rounding level for analytic φ, ~1e-3 for a kink at 64 nodes).
     *
     * @param name     the token it prints as (not parseable unless it is a built-in name)
     * @param phi      φ
     * @param phiPrime φ′
     * @param nodes    nodes per dimension, 1…200 (cost ∝ nodes² per entry and layer)
     * @return the activation
     */
    public static Activation numerical(String name, DoubleUnaryOperator phi, DoubleUnaryOperator phiPrime, int nodes) {
        return new GaussHermiteActivation(name, phi, phiPrime, nodes);
    }

    /**
     * A generic activation evaluated from its Hermite expansion (Mehler's formula), with per-point
     * coefficients: about 4·terms flops per kernel entry and layer, against nodes² evaluations of φ
     * for {@link #numerical}; see the accuracy statement on {@code HermiteSeriesActivation} (rounding
     * level for smooth φ at moderate variance, algebraic convergence for a kink).
     *
     * @param name  the token it prints as (not parseable unless it is a built-in name)
     * @param phi   φ
     * @param phiPrime φ′
     * @param terms K, the highest power of the correlation kept, 1…199
     * @return the activation
     */
    public static Activation series(String name, DoubleUnaryOperator phi, DoubleUnaryOperator phiPrime, int terms) {
        return new HermiteSeriesActivation(name, phi, phiPrime, terms);
    }

    /** @return tanh, by its Hermite series with the default number of terms */
    public static Activation tanh() {
        return series("Tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x), HermiteSeriesActivation.DEFAULT_TERMS);
    }

    /** @return softplus log(1 + eˣ), by its Hermite series */
    public static Activation softplus() {
        return series("Softplus", x -> x > 30 ? x : Math.log1p(Math.exp(x)), Activations::logistic,
                HermiteSeriesActivation.DEFAULT_TERMS);
    }

    /** @return SiLU x·σ(x), by its Hermite series */
    public static Activation silu() {
        return series("Silu", x -> x * logistic(x), x -> {
            double s = logistic(x);
            return s * (1 + x * (1 - s));
        }, HermiteSeriesActivation.DEFAULT_TERMS);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Builds an activation from its name and arguments (the token form without parentheses).
     *
     * @param name case-insensitive name, see the class comment
     * @param args the numbers inside the parentheses (empty when none). Not modified.
     * @return the activation
     * @throws IllegalArgumentException for an unknown name, a wrong argument count or a bad value
     */
    public static Activation of(String name, double... args) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "relu":
                arity(name, args, 0, 0);
                return relu();
            case "abrelu":
                arity(name, args, 2, 2);
                return abRelu(args[0], args[1]);
            case "leakyrelu":
                arity(name, args, 1, 1);
                return leakyRelu(args[0]);
            case "abs":
                arity(name, args, 0, 0);
                return abs();
            case "erf":
                arity(name, args, 0, 3);
                return args.length == 0 ? erf() : erf(arg(args, 0, 1), arg(args, 1, 1), arg(args, 2, 0));
            case "sigmoidlike":
            case "sigmoid_like":
                arity(name, args, 0, 0);
                return sigmoidLike();
            case "gelu":
                arity(name, args, 0, 0);
                return gelu();
            case "sin":
                arity(name, args, 0, 3);
                return sin(arg(args, 0, 1), arg(args, 1, 1), arg(args, 2, 0));
            case "cos":
                arity(name, args, 0, 3);
                return cos(arg(args, 0, 1), arg(args, 1, 1), arg(args, 2, 0));
            case "rbf":
                arity(name, args, 0, 1);
                return rbf(arg(args, 0, 1));
            case "exp":
                arity(name, args, 0, 2);
                return exp(arg(args, 0, 1), arg(args, 1, 1));
            case "sign":
                arity(name, args, 0, 0);
                return sign();
            case "identity":
                arity(name, args, 0, 0);
                return identity();
            case "rectifiedmonomial":
                arity(name, args, 1, 1);
                if (args[0] != Math.rint(args[0])) {
                    throw new IllegalArgumentException("RectifiedMonomial degree must be an integer 0…3 (got " + args[0] + ")");
                }
                return rectifiedMonomial((int) args[0]);
            case "tanh":
                arity(name, args, 0, 0);
                return tanh();
            case "softplus":
                arity(name, args, 0, 0);
                return softplus();
            case "silu":
            case "swish":
                arity(name, args, 0, 0);
                return silu();
            default:
                throw new IllegalArgumentException("Unknown activation '" + name + "': known activations are "
                        + String.join(", ", NAMES));
        }
    }

    /**
     * Parses a single activation token such as {@code relu}, {@code Erf(1,2,0)} or {@code leakyrelu(0.1)}.
     *
     * @param token the token
     * @return the activation
     * @throws IllegalArgumentException with the reason (and position for syntax errors)
     */
    public static Activation parse(String token) {
        List<Layer> layers = ArchitectureParser.parseLayers(token);
        if (layers.size() != 1 || !(layers.get(0) instanceof Activation act)) {
            throw new IllegalArgumentException("Expected one activation, e.g. relu or erf(1,1,0) (got '" + token
                    + "'); known activations are " + String.join(", ", NAMES));
        }
        return act;
    }

    private static double arg(double[] args, int i, double fallback) {
        return i < args.length ? args[i] : fallback;
    }

    private static void arity(String name, double[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            String expected = min == max ? String.valueOf(min) : min + "…" + max;
            throw new IllegalArgumentException(name + " takes " + expected + " argument(s), got " + args.length);
        }
    }

    private static void requireFinite(String name, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " parameters must be finite (got " + v + ")");
            }
        }
    }
}
