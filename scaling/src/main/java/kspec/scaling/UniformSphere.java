package kspec.scaling;

import java.util.Optional;
import kspec.data.Dataset;
import kspec.manifold.knn.PairwiseDistances;
import kspec.data.synthetic.ManifoldKind;
import kspec.data.synthetic.SyntheticSpec;

/**
 * The population a dataset was drawn from, when it is known to be the uniform distribution on a
 * sphere S<sup>d</sup> of radius r: then the kernel's population spectrum is exact
 * ({@link kspec.kernels.SphericalHarmonicSpectrum}) instead of estimated from a finite Gram matrix.
 *
 * <p>Recognised when the data were sampled by kspec's synthetic sphere (provenance format
 * {@code synthetic}, source {@code sphere:d=…}) and every point still has the same norm (relative
 * spread at most {@value #NORM_TOLERANCE}): a rotation, an isometric embedding, a rescaling or a random
 * subset keep the distribution uniform on a sphere; centring or standardising would change it and
 * also spread the norms, which this check catches.
 *
 * @param sphereDim  d of S<sup>d</sup>
 * @param ambientDim the input dimension of the points
 * @param radius     the common norm r of the points
 */
public record UniformSphere(int sphereDim, int ambientDim, double radius) {

    static final double NORM_TOLERANCE = 1e-10;

    /** @return the sphere the points were drawn uniformly from, or empty when that is not known */
    public static Optional<UniformSphere> of(Dataset data) {
        if (!"synthetic".equals(data.provenance().format()) || !SyntheticSpec.looksSynthetic(data.provenance().source())) {
            return Optional.empty();
        }
        SyntheticSpec spec = SyntheticSpec.parse(data.provenance().source());
        if (spec.kind() != ManifoldKind.SPHERE) {
            return Optional.empty();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double squared : PairwiseDistances.squaredNorms(data.points())) {
            lo = Math.min(lo, Math.sqrt(squared));
            hi = Math.max(hi, Math.sqrt(squared));
        }
        if (!(lo > 0) || hi - lo > NORM_TOLERANCE * hi) {
            return Optional.empty();
        }
        return Optional.of(new UniformSphere(spec.d(), data.dim(), 0.5 * (lo + hi)));
    }
}
