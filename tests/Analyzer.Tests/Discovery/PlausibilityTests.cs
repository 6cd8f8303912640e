using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

public class PlausibilityTests
{
    /// <summary>Orders: order id, customer, customer city (a function of customer), amount (random).</summary>
    private static TableData Orders(int rows, int seed = 1)
    {
        var rng = new Random(seed);
        var b = new TableDataBuilder(["OrderId", "CustomerId", "City", "Amount"]);
        for (int r = 0; r < rows; r++)
        {
            int customer = rng.Next(Math.Max(2, rows / 5));
            b.AddRow("O" + r, "C" + customer, "City" + customer % 7, "" + rng.Next(1000));
        }
        return b.Build();
    }

    private static DiscoveredFd Fd(params int[] lhsThenRhs) => new(AttributeSet.Of(lhsThenRhs[..^1]), lhsThenRhs[^1]);

    [Fact]
    public void A_real_dependency_with_many_repeating_groups_is_plausible()
    {
        var t = Orders(300);
        var s = Plausibility.Score(t, Fd(1, 2));
        Assert.Equal(PlausibilityClass.Plausible, s.Class);
        Assert.True(s.RepeatedLhsGroups >= Plausibility.MinRepeatedGroups);
        Assert.True(s.Log10AccidentChance < -3);
        Assert.True(s.RedundantRows > 0);
    }

    [Fact]
    public void The_same_dependency_in_a_handful_of_rows_is_only_a_candidate()
    {
        var t = Orders(6, seed: 3);
        var r = DependencyDiscovery.Discover(t);
        var fd = r.Fds.First(f => f.Lhs == AttributeSet.Of(1) && f.Rhs == 2);
        var s = Plausibility.Score(t, fd);
        Assert.Equal(PlausibilityClass.Candidate, s.Class);
    }

    [Fact]
    public void An_fd_that_holds_in_a_small_sample_by_chance_is_a_candidate_and_ranks_below_the_real_one()
    {
        // 40 rows: CustomerId -> City is real; Amount is random, so any FD into it that holds is an accident.
        var t = Orders(40, seed: 5);
        var r = DependencyDiscovery.Discover(t);
        var ranked = Plausibility.Rank(t, r.Fds);
        foreach (var (fd, score) in ranked.Where(x => x.Fd.Rhs == 3))
            Assert.Equal(PlausibilityClass.Candidate, score.Class);
        var real = ranked.First(x => x.Fd.Lhs == AttributeSet.Of(1) && x.Fd.Rhs == 2);
        Assert.Equal(PlausibilityClass.Plausible, real.Score.Class);
        Assert.True(ranked.ToList().IndexOf(real) < ranked.Count(x => x.Score.Class == PlausibilityClass.Plausible));
    }

    [Fact]
    public void An_fd_on_a_unique_left_side_is_trivial_unless_the_key_is_declared()
    {
        var t = Orders(100);
        var s = Plausibility.Score(t, Fd(0, 2));
        Assert.Equal(PlausibilityClass.Candidate, s.Class);
        Assert.Contains("unique", s.Reason);
        var declared = Plausibility.Score(t, Fd(0, 2), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(PlausibilityClass.Plausible, declared.Class);
    }

    [Fact]
    public void A_constant_column_is_a_candidate()
    {
        var b = new TableDataBuilder(["A", "Country"]);
        for (int r = 0; r < 50; r++) b.AddRow("a" + r % 10, "NL");
        var s = Plausibility.Score(b.Build(), new DiscoveredFd(AttributeSet.Empty, 1));
        Assert.Equal(PlausibilityClass.Candidate, s.Class);
    }

    [Fact]
    public void A_foreign_key_on_the_left_raises_the_score()
    {
        var t = Orders(300);
        var plain = Plausibility.Score(t, Fd(1, 2));
        var withFk = Plausibility.Score(t, Fd(1, 2), new SchemaHints { ForeignKeys = [AttributeSet.Of(1)] });
        Assert.True(withFk.Score > plain.Score);
        Assert.Contains("foreign key", withFk.Reason);
    }
    [Fact]
    public void An_optional_reference_left_empty_neither_blocks_nor_supports_its_fd()
    {
        // SubcategoryID is NULL where a product has no subcategory, and the joined SubcategoryName with it.
        var b = new TableDataBuilder(["ProductID", "SubcategoryID", "SubcategoryName"]);
        for (int p = 0; p < 60; p++)
        {
            bool none = p % 3 == 0;
            b.AddRow("P" + p, none ? null : "" + p % 7, none ? null : "Subcategory " + p % 7);
        }
        var s = Plausibility.Score(b.Build(), Fd(1, 2));
        Assert.Equal(PlausibilityClass.Plausible, s.Class);
        Assert.Equal(7, s.RepeatedLhsGroups); // the group of NULLs is no evidence
    }

    [Fact]
    public void A_description_with_nulls_on_the_left_is_still_a_candidate()
    {
        // Region is NULL for most rows: a missing description determines nothing.
        var b = new TableDataBuilder(["OrderID", "Region", "RegionManager"]);
        for (int o = 0; o < 60; o++)
            b.AddRow("O" + o, o % 2 == 0 ? null : "R" + o % 5, o % 2 == 0 ? null : "M" + o % 5);
        var s = Plausibility.Score(b.Build(), Fd(1, 2));
        Assert.Equal(PlausibilityClass.Candidate, s.Class);
        Assert.Contains("named as an identifier", s.Reason);
    }

    [Fact]
    public void A_column_named_for_its_identifier_needs_two_repeated_values_not_three()
    {
        // Two units of weight in 40 rows: WeightUnitCodeName says whose it is; an unnamed Label does not.
        var b = new TableDataBuilder(["ProductID", "WeightUnitCode", "WeightUnitCodeName", "Label"]);
        for (int p = 0; p < 40; p++)
            b.AddRow("P" + p, p % 2 == 0 ? "LB" : "G", p % 2 == 0 ? "pound" : "gram", p % 2 == 0 ? "x" : "y");
        var t = b.Build();
        Assert.Equal(PlausibilityClass.Plausible, Plausibility.Score(t, Fd(1, 2)).Class);
        Assert.Equal(PlausibilityClass.Candidate, Plausibility.Score(t, Fd(1, 3)).Class);
    }

    [Fact]
    public void A_column_named_for_the_whole_identifier_needs_one_repeated_value()
    {
        // One unit of size in the sample (CM), NULL where a product has none: SizeUnitCodeName is named for
        // SizeUnitCode itself; Label, with the same values, is not, and one value is too few to tell.
        var b = new TableDataBuilder(["ProductID", "SizeUnitCode", "SizeUnitCodeName", "Label"]);
        for (int p = 0; p < 40; p++)
            b.AddRow("P" + p, p % 2 == 0 ? "CM" : null, p % 2 == 0 ? "Centimeter" : null, p % 2 == 0 ? "x" : null);
        var t = b.Build();
        Assert.Equal(PlausibilityClass.Plausible, Plausibility.Score(t, Fd(1, 2)).Class);
        Assert.Equal(PlausibilityClass.Candidate, Plausibility.Score(t, Fd(1, 3)).Class);
    }

    [Fact]
    public void A_flag_set_for_every_row_with_a_reference_is_only_a_candidate()
    {
        // Every product with a subcategory is a finished good, every one without is not: the flag follows
        // whether SubcategoryID is NULL, not which subcategory it is. The subcategory's name does vary, and its
        // Kind, the same for every subcategory of the sample, is NULL where there is none: a joined column.
        var b = new TableDataBuilder(["ProductID", "SubcategoryID", "FinishedGoodsFlag", "SubcategoryName", "Kind"]);
        for (int p = 0; p < 60; p++)
        {
            bool none = p % 3 == 0;
            b.AddRow("P" + p, none ? null : "" + p % 7, none ? "0" : "1", none ? null : "Subcategory " + p % 7, none ? null : "K");
        }
        var t = b.Build();
        var flag = Plausibility.Score(t, Fd(1, 2));
        Assert.Equal(PlausibilityClass.Candidate, flag.Class);
        Assert.Contains("whether the left side is NULL", flag.Reason);
        Assert.Equal(PlausibilityClass.Plausible, Plausibility.Score(t, Fd(1, 3)).Class);
        Assert.Equal(PlausibilityClass.Plausible, Plausibility.Score(t, Fd(1, 4)).Class);
    }

    [Fact]
    public void A_column_with_one_value_wherever_it_is_set_is_told_only_by_the_reference_it_shares_its_nulls_with()
    {
        // Each person has a territory or none; the territory's cost is 0 wherever there is a territory. Hours,
        // never NULL, tells the people without a territory in these rows: it "determines" the cost, but only
        // where it is NULL.
        var b = new TableDataBuilder(["QuotaID", "PersonID", "Hours", "TerritoryID", "TerritoryCost"]);
        var rng = new Random(73);
        for (int r = 0; r < 240; r++)
        {
            int person = rng.Next(20);
            string? territory = person < 4 ? null : "" + person % 7;
            b.AddRow("Q" + r, "" + person, "" + (20 + person), territory, territory is null ? null : "0");
        }
        var t = b.Build();
        var byHours = Plausibility.Score(t, Fd(2, 4));
        Assert.Equal(PlausibilityClass.Candidate, byHours.Class);
        Assert.Contains("where it is NULL", byHours.Reason);
        Assert.Equal(PlausibilityClass.Plausible, Plausibility.Score(t, Fd(3, 4)).Class);
    }
}
