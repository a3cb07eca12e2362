package kspec.dynamics;

/**
 * How the model is trained: continuous-time gradient flow on the training loss, or one of the
 * discrete-time optimizers of Bordelon, Atanasov &amp; Pehlevan (arXiv 2402.01092, App. K). Time is
 * the flow time t for {@link GradientFlow} and the number of steps n for the others.
 *
 * <p>The full-batch optimizers act on the residual v = w* − Aᵀw/√P through a function of the
 * matrix G = (AᵀA/P)(ΨᵀΨ/D) alone, v(time) = r(G) w*, whose value r(g) on a relaxation rate g is
 * {@link FullBatch#residual}.
 */
public sealed interface Optimizer permits Optimizer.FullBatch, Optimizer.OnePassSgd {

    /** @return a short name: flow, gd, momentum or sgd */
    String name();

    /** @return whether time counts steps (true) or is the continuous flow time (false) */
    default boolean discrete() {
        return true;
    }

    /** An optimizer whose residual is a fixed function of G. */
    sealed interface FullBatch extends Optimizer permits GradientFlow, GradientDescent, Momentum {

        /**
         * r(g) after the given time: e<sup>−gt</sup>, (1 − ηg)<sup>n</sup>, or the heavy-ball polynomial.
         *
         * @param rate a relaxation rate g ≥ 0
         * @param time t ≥ 0, or a whole number of steps n ≥ 0
         */
        double residual(double rate, double time);
    }

    /** Gradient flow dv/dt = −Gv. */
    record GradientFlow() implements FullBatch {
        @Override
        public String name() {
            return "flow";
        }

        @Override
        public boolean discrete() {
            return false;
        }

        @Override
        public double residual(double rate, double time) {
            return Math.exp(-rate * time);
        }
    }

    /**
     * Full-batch gradient descent v<sub>n+1</sub> = (1 − ηG)v<sub>n</sub>.
     *
     * @param learningRate η &gt; 0
     */
    record GradientDescent(double learningRate) implements FullBatch {
        public GradientDescent {
            requireRate(learningRate);
        }

        @Override
        public String name() {
            return "gd";
        }

        @Override
        public double residual(double rate, double time) {
            return Math.pow(1 - learningRate * rate, steps(time));
        }
    }

    /**
     * Heavy-ball momentum v<sub>n+1</sub> = v<sub>n</sub> − ηGv<sub>n</sub> + μ(v<sub>n</sub> − v<sub>n−1</sub>), started
     * at rest (v<sub>−1</sub> = v<sub>0</sub>).
     *
     * @param learningRate η &gt; 0
     * @param momentum     μ in [0, 1)
     */
    record Momentum(double learningRate, double momentum) implements FullBatch {
        public Momentum {
            requireRate(learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum = " + momentum + "; it must be in [0, 1)");
            }
        }

        @Override
        public String name() {
            return "momentum";
        }

        /** The recurrence r<sub>n+1</sub> = (1 + μ − ηg)r<sub>n</sub> − μr<sub>n−1</sub>, r<sub>0</sub> = 1, r<sub>1</sub> = 1 − ηg. */
        @Override
        public double residual(double rate, double time) {
            long n = steps(time);
            double previous = 1;
            double current = 1;
            for (long i = 0; i < n; i++) {
                double next = (1 + momentum - learningRate * rate) * current - momentum * previous;
                previous = current;
                current = next;
            }
            return current;
        }
    }

    /**
     * One-pass stochastic gradient descent: every step draws a fresh batch of B samples, so no datum
     * is reused (D = ∞, training loss = test loss).
     *
     * @param learningRate η &gt; 0
     * @param batch        B ≥ 1
     */
    record OnePassSgd(double learningRate, int batch) implements Optimizer {
        public OnePassSgd {
            requireRate(learningRate);
            if (batch < 1) {
                throw new IllegalArgumentException("batch size = " + batch + "; it must be >= 1");
            }
        }

        @Override
        public String name() {
            return "sgd";
        }
    }

    /**
     * @param time a time argument of a discrete optimizer
     * @return it as a step count
     * @throws IllegalArgumentException unless it is a whole number ≥ 0
     */
    static long steps(double time) {
        if (!(time >= 0) || time != Math.rint(time) || time > 1e15) {
            throw new IllegalArgumentException("a discrete optimizer counts whole steps; got time " + time);
        }
        return (long) time;
    }

    private static void requireRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate = " + learningRate + "; it must be finite and > 0");
        }
    }
}
