package kspec.cli;

import kspec.manifold.Dataset;
import kspec.spectra.fit.TargetSpectrum;
import org.ejml.data.DMatrixRMaj;

/** The regression targets a data set carries: real-valued targets if any, else one-hot centred labels. */
final class Targets {

    private Targets() {
    }

    /** @return n × t targets, or null when the data have neither targets nor labels */
    static DMatrixRMaj of(Dataset data) {
        if (data.targets().isPresent()) {
            return data.targets().get();
        }
        return data.labels().map(TargetSpectrum::oneHotCentred).orElse(null);
    }
}
