package kspec.cli;

import kspec.kernels.Architecture;
import kspec.kernels.Parameterization;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The network whose infinite-width kernels are built, in neural-tangents conventions: either the
 * common case ({@code --depth --activation --w-std --b-std}) or a full {@code --arch} string.
 */
final class ArchitectureOptions {

    @Option(names = "--arch", paramLabel = "LAYERS",
            description = "Full architecture, e.g. \"Dense(1.5,0.05) Relu Dense(1.5,0.05) Erf Dense(1.5)\"; "
                    + "replaces --depth/--activation/--w-std/--b-std.")
    String arch;

    @Option(names = "--depth", paramLabel = "L", description = "Hidden layers: L × [Dense, activation] then a readout Dense (default: 2).")
    Integer depth;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "relu, erf, gelu, abrelu(a,b), leakyrelu(a), abs, sin, cos, rbf(g), exp, sign, identity, "
                    + "relu^k, or tanh/softplus/silu by quadrature (default: relu).")
    String activation;

    @Option(names = "--w-std", paramLabel = "SIGMA_W", description = "Weight std of every Dense, readout included (default: sqrt(2)).")
    Double wStd;

    @Option(names = "--b-std", paramLabel = "SIGMA_B", description = "Bias std of every Dense (default: no bias, which differs from 0 for the standard NTK).")
    Double bStd;

    @Option(names = "--parameterization", paramLabel = "ntk|standard", converter = ParameterizationConverter.class,
            description = "Parameterization (default: ntk).")
    Parameterization parameterization;

    @Option(names = "--width", paramLabel = "W", description = "Hidden width (needed by the standard parameterization's NTK).")
    Integer width;

    /** Default depth: two hidden layers. */
    static final int DEFAULT_DEPTH = 2;
    /** Deepest network from --depth: the kernel of a deep ReLU network has converged to its fixed point long before. */
    static final int MAX_DEPTH = 1000;
    /** Default σ_w = √2, the He scale that keeps ReLU pre-activation variance constant with depth. */
    static final double DEFAULT_W_STD = Math.sqrt(2);

    /** @return the architecture the options describe */
    Architecture architecture() {
        if (width != null) {
            OptionRanges.atLeast("--width", width, 1, "the hidden width");
        }
        if (arch != null) {
            if (depth != null || activation != null || wStd != null || bStd != null) {
                throw new UsageException("--arch describes the whole network: drop --depth/--activation/--w-std/--b-std");
            }
            return Architecture.parse(arch, parameterization, width);
        }
        if (depth != null) {
            OptionRanges.within("--depth", depth, 1, MAX_DEPTH, "hidden layers; the kernel recursion costs depth × n²");
        }
        if (wStd != null) {
            OptionRanges.finiteAbove("--w-std", wStd, 0, true, "the weight standard deviation");
        }
        if (bStd != null) {
            OptionRanges.finiteAbove("--b-std", bStd, 0, false, "the bias standard deviation");
        }
        return Architecture.simple(depth == null ? DEFAULT_DEPTH : depth, activation == null ? "relu" : activation,
                wStd == null ? DEFAULT_W_STD : wStd, bStd, parameterization, width);
    }

    /** Parses ntk|standard. */
    static final class ParameterizationConverter implements ITypeConverter<Parameterization> {
        @Override
        public Parameterization convert(String value) {
            try {
                return Parameterization.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
