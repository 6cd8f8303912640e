using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Decomposer.Tests.Pipeline;

/// <summary>An MVD's support counts groups of rows as the search compares values, NULLs included.</summary>
public class MvdSupportTests
{
    // X ->> Y | Z: the four rows pair both Y with both Z, all under a NULL X.
    private static TableData Rows()
    {
        var rows = new TableDataBuilder(["X", "Y", "Z"]);
        rows.AddRow(null, "y1", "z1");
        rows.AddRow(null, "y1", "z2");
        rows.AddRow(null, "y2", "z1");
        rows.AddRow(null, "y2", "z2");
        return rows.Build();
    }

    private static readonly DiscoveredMvd XToY = new(AttributeSet.Single(0), AttributeSet.Single(1), AttributeSet.Single(2));

    [Fact]
    public void Rows_whose_left_side_is_NULL_form_one_group_when_NULLs_are_equal()
    {
        Assert.Equal(1, DataDependencies.MvdSupport(Rows(), XToY, NullSemantics.Equal));
    }

    [Fact]
    public void Rows_whose_left_side_is_NULL_support_nothing_when_NULLs_are_distinct()
    {
        Assert.Equal(0, DataDependencies.MvdSupport(Rows(), XToY, NullSemantics.Distinct));
    }

    [Fact]
    public void Two_NULLs_on_the_right_are_two_values_when_NULLs_are_distinct()
    {
        var rows = new TableDataBuilder(["X", "Y", "Z"]);
        rows.AddRow("1", null, "z1");
        rows.AddRow("1", null, "z2");
        var data = rows.Build();

        Assert.Equal(0, DataDependencies.MvdSupport(data, XToY, NullSemantics.Equal));
        Assert.Equal(1, DataDependencies.MvdSupport(data, XToY, NullSemantics.Distinct));
    }
}
