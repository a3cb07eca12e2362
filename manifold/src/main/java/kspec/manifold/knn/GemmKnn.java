package kspec.manifold.knn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import kspec.core.concurrent.Futures;
import kspec.core.linalg.Blas;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact brute-force k nearest neighbours by tiles of one GEMM each.
 *
 * <p>The n points are cut into tiles of {@value #TILE} rows. For every tile pair (I, J) with
 * J ≥ I (the distance matrix is symmetric, so half the GEMM flops) one GEMM C = X_I·X_Jᵀ (SYRK on
 * the diagonal tiles) gives ‖x_i − x_j‖² = ‖x_i‖² + ‖x_j‖² − 2C_ij (clamped at 0), and each entry is
 * offered to the k-best list of row i and of row j.
 *
 * <p><b>Threads.</b> W workers (W = the configured BLAS thread count) take tile pairs from a shared
 * counter; each runs its GEMM on <i>one</i> BLAS thread and then scans its own tile into its
 * <i>own</i> k-best lists, so both cores stay busy with GEMM or selection and no BLAS thread spins
 * idle while Java selects. (With one multi-threaded GEMM followed by a parallel Java scan, OpenBLAS's
 * idle threads spin-wait while Java selects; bench/README.md, kNN section.) The BLAS
 * pool is set to one thread for the search and restored afterwards (one search at a time, and only
 * after every worker has stopped), so W threads never compete with BLAS threads. A candidate enters a list when it is smaller than the list's worst in (squared
 * distance, index) order, so every list — and their merge — is independent of which worker saw which
 * tile: for a given BLAS thread count (which sets the tiling) results are deterministic. Memory: W·n·k
 * entries for the lists, W tiles of at most TILE × TILE on the heap and W natively, and one off-heap
 * copy of the points; never an n × n matrix. Finally the k selected distances of each row are
 * square-rooted, the small ones (where the expansion cancels) recomputed directly so that exact
 * repeats give exactly 0, and sorted by (distance, index).
 */
final class GemmKnn {

    /**
     * Rows per tile: a 2048 × 2048 tile is 32 MB and a GEMM of ~6.6 GFlop at dim 784; the fastest of
     * the tile sizes compared in bench/README.md ("Constants chosen by measurement").
     */
    static final int TILE = 2048;

    /** Guards the process-wide BLAS pool size while a search has it at one thread. */
    private static final Object BLAS_POOL = new Object();

    /** Fewest tile pairs per worker: diagonal pairs cost half, so a few per worker balance the load. */
    private static final int PAIRS_PER_WORKER = 3;

    private GemmKnn() {
    }

    /**
     * @param x n × dim points. Not modified.
     * @param k neighbours per point, k &lt; n
     * @param indices   Modified: n × k neighbour row indices (into x)
     * @param distances Modified: n × k distances, ascending per row
     */
    static void search(DMatrixRMaj x, int k, int[] indices, double[] distances) {
        int n = x.numRows;
        double[] norms = PairwiseDistances.squaredNorms(x);
        KBestLists[] lists;
        synchronized (BLAS_POOL) { // the pool size is process-wide: one search at a time resizes it
            int blasThreads = Blas.threads();
            int tile = tileRows(n, blasThreads);
            List<int[]> pairs = new ArrayList<>();
            for (int i0 = 0; i0 < n; i0 += tile) {
                for (int j0 = i0; j0 < n; j0 += tile) {
                    pairs.add(new int[] {i0, j0});
                }
            }
            int workers = Math.max(1, Math.min(blasThreads, pairs.size()));
            lists = new KBestLists[workers];
            double[][] tiles = new double[workers][];
            for (int w = 0; w < workers; w++) { // allocated here, so that running out of memory stops nothing mid-GEMM
                lists[w] = new KBestLists(n, k);
                tiles[w] = new double[tile * tile];
            }
            try (TileProducts shared = TileProducts.of(x, tile)) {
                runWorkers(shared, pairs, tile, n, norms, lists, tiles, blasThreads);
            }
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            KBestLists.merge(lists, i, indices, distances);
            KBestLists.refine(x, norms, k, i, indices, distances);
        });
    }

    /**
     * Runs one worker per list on its own thread, the BLAS pool at one thread meanwhile, and returns
     * only when every worker has stopped — also when one failed — so that the shared native points are
     * never freed, nor the pool resized, under a running GEMM. The first failure is rethrown.
     */
    private static void runWorkers(TileProducts shared, List<int[]> pairs, int tile, int n, double[] norms, KBestLists[] lists,
                                   double[][] tiles, int blasThreads) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(lists.length, r -> {
            Thread t = new Thread(r, "kspec-knn");
            t.setDaemon(true);
            return t;
        });
        Blas.setThreads(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < lists.length; w++) {
                KBestLists best = lists[w];
                double[] cd = tiles[w];
                running.add(pool.submit(() -> {
                    try (TileProducts products = shared.forThread()) {
                        for (int p = next.getAndIncrement(); p < pairs.size(); p = next.getAndIncrement()) {
                            int i0 = pairs.get(p)[0];
                            int j0 = pairs.get(p)[1];
                            int i1 = Math.min(n, i0 + tile);
                            int j1 = Math.min(n, j0 + tile);
                            products.product(i0, i1, j0, j1, cd);
                            best.scan(cd, norms, i0, i1, j0, j1);
                        }
                    } catch (RuntimeException | Error e) {
                        next.set(pairs.size()); // the others stop after their current tile
                        throw e;
                    }
                }));
            }
            Throwable failure = Futures.awaitAll(running);
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
        } finally {
            pool.shutdown();
            Blas.setThreads(blasThreads);
        }
    }

    /**
     * Rows per tile: at most {@value #TILE}, and small enough that the m(m + 1)/2 tile pairs of
     * m = ⌈n/tile⌉ row blocks give every worker at least {@value #PAIRS_PER_WORKER} of them — with one
     * 2048-row tile at n = 2000 a single worker would do everything (measured: kNN + ID 0.72× numpy
     * there, against 0.5× with the work split).
     */
    static int tileRows(int n, int workers) {
        int blocks = (n + TILE - 1) / TILE;
        while (blocks < n && (long) blocks * (blocks + 1) / 2 < (long) PAIRS_PER_WORKER * workers) {
            blocks++;
        }
        return (n + blocks - 1) / blocks;
    }
}
