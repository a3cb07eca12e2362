package kspec.dynamics.theory;

/**
 * Expected test and training losses of the model at one time, averaged over the random projection
 * and the training set.
 *
 * @param test  L = E Σ<sub>k</sub> λ<sub>k</sub>v<sub>k</sub>² (the population loss); +∞ at the
 *              interpolation peak P = D at t = ∞
 * @param train L̂ = E (1/D)Σ<sub>μ</sub>(f(x<sub>μ</sub>) − y<sub>μ</sub>)², equal to {@code test} when D = ∞
 */
public record Losses(double test, double train) {

    /** @return L − L̂, the generalisation gap that data reuse opens */
    public double gap() {
        return test - train;
    }
}
