package kspec.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module graph of README.md ("Modules"), enforced on the production classes of every module on
 * this module's classpath (cli depends, directly or not, on every library module). An arrow X ← Y
 * there means Y may use X; every other dependency between kspec packages, or on picocli from outside
 * {@code kspec.cli}, fails the build. JDK and other third-party packages are not checked.
 *
 * <p>Modules that are not on the classpath yet ({@code kspec.dynamics}, {@code kspec.spark}) and the
 * benchmarks ({@code kspec.bench}, which nothing may use) are optional layers: the rule already
 * constrains them and is checked for them as soon as their classes are on this classpath.
 */
@AnalyzeClasses(packages = {"kspec", "picocli"}, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule MODULES_FOLLOW_THE_DOCUMENTED_GRAPH = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("core").definedBy("kspec.core..")
            .layer("data").definedBy("kspec.data..")
            .layer("spectra").definedBy("kspec.spectra..")
            .layer("kernels").definedBy("kspec.kernels..")
            .layer("manifold").definedBy("kspec.manifold..")
            .optionalLayer("dynamics").definedBy("kspec.dynamics..")
            .layer("scaling").definedBy("kspec.scaling..")
            .optionalLayer("spark").definedBy("kspec.spark..")
            .layer("cli").definedBy("kspec.cli..")
            .optionalLayer("bench").definedBy("kspec.bench..")
            .layer("picocli").definedBy("picocli..")

            .whereLayer("core").mayNotAccessAnyLayer()
            .whereLayer("data").mayOnlyAccessLayers("core")
            .whereLayer("spectra").mayOnlyAccessLayers("core")
            .whereLayer("kernels").mayOnlyAccessLayers("core", "spectra")
            .whereLayer("manifold").mayOnlyAccessLayers("core", "data", "spectra")
            .whereLayer("dynamics").mayOnlyAccessLayers("core", "data", "spectra", "kernels")
            .whereLayer("scaling").mayOnlyAccessLayers("core", "data", "spectra", "kernels", "manifold")
            .whereLayer("spark").mayOnlyAccessLayers("core", "data", "spectra", "kernels", "manifold",
                    "dynamics", "scaling")
            .whereLayer("bench").mayOnlyAccessLayers("core", "data", "spectra", "kernels", "manifold",
                    "dynamics", "scaling")
            .whereLayer("cli").mayOnlyAccessLayers("core", "data", "spectra", "kernels", "manifold",
                    "dynamics", "scaling", "spark", "picocli")

            .whereLayer("spark").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench").mayNotBeAccessedByAnyLayer()
            .whereLayer("picocli").mayOnlyBeAccessedByLayers("cli");
}
