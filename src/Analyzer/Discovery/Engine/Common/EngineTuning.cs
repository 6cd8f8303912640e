namespace SchemaNorm.Analyzer.Discovery.Engine.Common;

/// <summary>
/// The constants that trade sampling against validation. Settable only from inside the assembly and the
/// benchmark harness (for measuring alternatives); the defaults are the measured best on the benchmark tables.
/// </summary>
internal static class EngineTuning
{
    /// <summary>Sampling continues while a window finds new agree sets in at least this share of its comparisons (HyFD uses 1%).</summary>
    public static double SamplingThreshold { get; set; } = 0.01;

    /// <summary>Back to sampling when more than this share of a level's candidates fail validation.</summary>
    public static double ResampleShare { get; set; } = 0.01;

    /// <summary>Tables of at most this many rows compare every pair at once (about 4.5 million pairs at 3000).</summary>
    public static int AllPairsRowLimit { get; set; } = 3000;

    /// <summary>
    /// Measured costs (ns, this machine class) behind the choice between validating candidates and
    /// comparing every pair on longer tables: one pair with the agree-set bitmap or with the hash set,
    /// and one row of a candidate's pivot partition during validation (refinement and right-side checks).
    /// </summary>
    public static double PairCostBitmap { get; set; } = 3;
    public static double PairCostHashed { get; set; } = 10;
    public static double ValidationRowCost { get; set; } = 8;

    /// <summary>
    /// Tables of at least this many columns split the FD induction over the threads (one tree per thread);
    /// narrower ones keep one tree, whose induction is too short for a second walk to pay.
    /// </summary>
    public static int SplitInductionColumns { get; set; } = 64;
}
