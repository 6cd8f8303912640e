using System.Globalization;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

/// <summary>The design a wide table's names and layout show when its sample is too small to weigh a dependency.</summary>
public class NamedDesignTests
{
    // A booking joined with its room and the room's building: each row's columns together, its stamps last.
    private static readonly string[] Wide =
    [
        "BookingID", "GuestName", "Nights", "RoomID", "ModifiedDate",
        "RoomName", "Floor", "BuildingID", "Room_rowguid", "RoomModifiedDate",
        "BuildingName", "BuildingCity", "Building_rowguid", "BuildingModifiedDate",
    ];

    private static string?[] Booking(int booking, int room, int building) =>
    [
        S(booking), "Guest " + S(booking), S(1 + booking % 3), S(room), "2024-01-0" + S(1 + booking % 9),
        "Room " + S(room), S(room % 4), S(building), "R-" + S(room), "2023-05-0" + S(1 + room % 9),
        "Building " + S(building), "City " + S(building), "B-" + S(building), "2022-02-0" + S(1 + building % 9),
    ];

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static TableData Data(IReadOnlyList<string> names, IEnumerable<string?[]> rows)
    {
        var b = new TableDataBuilder(names);
        foreach (var r in rows) b.AddRow(r);
        return b.Build();
    }

    private static int At(string name) => Array.IndexOf(Wide, name);

    private static AttributeSet Of(params string[] names) => AttributeSet.Of(names.Select(At));

    [Fact]
    public void The_fewest_rows_to_weigh_are_the_fewest_in_which_the_evidence_rules_can_accept_an_fd()
    {
        // Pairs of rows sharing a left-side value, each pair its own right-side value: the layout most
        // favourable to the chance test.
        static PlausibilityScore Pairs(int rows)
        {
            var data = Data(["GroupID", "Label"], Enumerable.Range(0, rows).Select(i => new string?[] { S(i / 2), "L" + S(i / 2) }));
            return Plausibility.Score(data, new DiscoveredFd(AttributeSet.Single(0), 1, 0));
        }
        int n = NamedDesign.FewestRowsToWeigh;
        Assert.True(n > 4, $"{n}");
        Assert.Equal(PlausibilityClass.Plausible, Pairs(n).Class);
        Assert.Equal(PlausibilityClass.Candidate, Pairs(n - 1).Class);
        Assert.True(NamedDesign.TooFewRows(n - 1));
        Assert.False(NamedDesign.TooFewRows(n));
    }

    [Fact]
    public void In_three_rows_each_stamped_block_belongs_to_the_identifier_named_for_its_stamps()
    {
        var data = Data(Wide, [Booking(1, 10, 100), Booking(2, 11, 100), Booking(3, 12, 101)]);
        var fds = NamedDesign.Find(data, Of("BookingID"));
        Assert.Equal(2, fds.Count);
        Assert.Contains(new FunctionalDependency(Of("RoomID"), Of("RoomName", "Floor", "BuildingID", "Room_rowguid", "RoomModifiedDate")), fds);
        Assert.Contains(new FunctionalDependency(Of("BuildingID"), Of("BuildingName", "BuildingCity", "Building_rowguid", "BuildingModifiedDate")), fds);
        Assert.Equal(At("BookingID"), NamedDesign.OwnIdentifier(data, "dbo_Booking", fds));
    }

    [Fact]
    public void A_block_the_rows_contradict_is_not_taken()
    {
        var other = Booking(3, 10, 101); // room 10 again, in another building
        var data = Data(Wide, [Booking(1, 10, 100), Booking(2, 11, 100), other]);
        var fds = NamedDesign.Find(data, Of("BookingID"));
        var building = Assert.Single(fds);
        Assert.Equal(Of("BuildingID"), building.Lhs);
    }

    [Fact]
    public void A_block_holding_a_declared_key_column_is_not_taken()
    {
        var data = Data(Wide, [Booking(1, 10, 100), Booking(2, 11, 100), Booking(3, 12, 101)]);
        var fds = NamedDesign.Find(data, Of("BookingID", "BuildingID"));
        Assert.Equal(Of("BuildingID"), Assert.Single(fds).Lhs);
    }

    [Fact]
    public void A_sample_large_enough_to_weigh_is_left_to_the_rows()
    {
        int n = NamedDesign.FewestRowsToWeigh;
        var data = Data(Wide, Enumerable.Range(0, n).Select(i => Booking(i, 10 + i, 100 + i % 2)));
        Assert.Empty(NamedDesign.Find(data, Of("BookingID")));
    }

    [Fact]
    public void Names_without_row_stamps_show_nothing()
    {
        // A textbook table: identifiers and names, but no row laid out with its stamps.
        var data = Data(["StudentID", "StudentName", "CourseID", "CourseName"],
            [["1", "Ann", "10", "Maths"], ["2", "Bob", "10", "Maths"], ["3", "Cyd", "11", "Physics"]]);
        Assert.Empty(NamedDesign.Find(data, AttributeSet.Empty));
    }

    [Fact]
    public void An_identifier_listed_after_its_block_does_not_claim_it()
    {
        string[] names = ["BookingID", "Nights", "ModifiedDate", "RoomName", "Room_rowguid", "RoomModifiedDate", "RoomID"];
        var data = Data(names, [["1", "2", "d1", "Blue", "g1", "d2", "10"], ["2", "1", "d1", "Red", "g2", "d3", "11"]]);
        Assert.Empty(NamedDesign.Find(data, AttributeSet.Single(0)));
    }
}
