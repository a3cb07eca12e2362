package kspec.dynamics.simulation;

import java.util.Objects;
import kspec.dynamics.Optimizer;
import kspec.dynamics.Sizes;

/**
 * Losses and transfer functions of the finite model, averaged over seeded draws of the projection
 * and the training set (and the batches of SGD), with standard errors.
 *
 * @param sizes     width and data size simulated
 * @param optimizer how it was trained
 * @param draws     independent draws averaged
 * @param times     the times (or steps) reported
 * @param test      E L at each time
 * @param train     E L̂ at each time
 * @param modes     the modes k (0-based) whose transfer function was tracked
 * @param transfer  E[v<sub>k</sub>/w*<sub>k</sub>], indexed [time][tracked mode]
 */
public record Simulation(Sizes sizes, Optimizer optimizer, int draws, double[] times, MeanEstimate[] test,
                         MeanEstimate[] train, int[] modes, MeanEstimate[][] transfer) {

    /** Copies the arrays. */
    public Simulation {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(optimizer, "optimizer");
        times = times.clone();
        test = test.clone();
        train = train.clone();
        modes = modes.clone();
        MeanEstimate[][] copy = new MeanEstimate[transfer.length][];
        for (int i = 0; i < transfer.length; i++) {
            copy[i] = transfer[i].clone();
        }
        transfer = copy;
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public MeanEstimate[] test() {
        return test.clone();
    }

    @Override
    public MeanEstimate[] train() {
        return train.clone();
    }

    @Override
    public int[] modes() {
        return modes.clone();
    }

    /** @return E[v<sub>k</sub>/w*<sub>k</sub>] at time index i for tracked mode index j */
    public MeanEstimate transfer(int i, int j) {
        return transfer[i][j];
    }

    @Override
    public MeanEstimate[][] transfer() {
        MeanEstimate[][] copy = new MeanEstimate[transfer.length][];
        for (int i = 0; i < transfer.length; i++) {
            copy[i] = transfer[i].clone();
        }
        return copy;
    }
}
