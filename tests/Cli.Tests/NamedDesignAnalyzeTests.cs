using System.Text.Json;

namespace SchemaNorm.Cli.Tests;

/// <summary>
/// A wide table whose sample is too small to weigh a dependency is split as its names and layout show,
/// and the proposal says that it rests on the names.
/// </summary>
public class NamedDesignAnalyzeTests
{
    private static JsonElement OnlyTable(string json) => JsonDocument.Parse(json).RootElement.GetProperty("tables")[0];

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private const string Header =
        "BookingID,GuestName,Nights,RoomID,ModifiedDate,RoomName,Floor,BuildingID,Room_rowguid,RoomModifiedDate," +
        "BuildingName,BuildingCity,Building_rowguid,BuildingModifiedDate";

    private static readonly string[] Rows =
    [
        "1,Ann,2,10,2024-01-02,Blue,1,100,R-10,2023-05-01,North,Oslo,B-100,2022-02-01",
        "2,Bob,1,11,2024-01-03,Red,2,100,R-11,2023-05-02,North,Oslo,B-100,2022-02-01",
        "3,Cyd,3,12,2024-01-04,Green,1,101,R-12,2023-05-03,South,Bergen,B-101,2022-02-02",
        "4,Dan,1,12,2024-01-05,Green,1,101,R-12,2023-05-03,South,Bergen,B-101,2022-02-02",
    ];

    private static JsonElement Analyze(string file, string content)
    {
        using var dir = new CliRunner.Scratch();
        var path = dir.Write(file, content);
        var r = CliRunner.Run("analyze", path, "--format", "json", "--fail-on", "none");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return OnlyTable(r.Stdout).Clone();
    }

    private static void AssertSplitByNames(JsonElement table)
    {
        var d = table.GetProperty("decomposition");
        Assert.True(d.GetProperty("lossless").GetBoolean());
        var tables = d.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(3, tables.Count);
        JsonElement Holding(string column) => Assert.Single(tables, t => Strings(t.GetProperty("columns")).Contains(column) && !Strings(t.GetProperty("key")).Contains(column));
        var booking = Holding("GuestName");
        var room = Holding("RoomName");
        var building = Holding("BuildingName");
        Assert.Equal(["BookingID", "GuestName", "Nights", "RoomID", "ModifiedDate"], Strings(booking.GetProperty("columns")));
        Assert.Equal(["BookingID"], Strings(booking.GetProperty("key")));
        Assert.Equal(["RoomID", "RoomName", "Floor", "BuildingID", "Room_rowguid", "RoomModifiedDate"], Strings(room.GetProperty("columns")));
        Assert.Equal(["RoomID"], Strings(room.GetProperty("key")));
        Assert.Equal(["BuildingID", "BuildingName", "BuildingCity", "Building_rowguid", "BuildingModifiedDate"], Strings(building.GetProperty("columns")));
        Assert.Equal(["BuildingID"], Strings(building.GetProperty("key")));
        // Visible as resting on the names, not on the rows.
        Assert.Contains("names", room.GetProperty("origin").GetString());
        Assert.Contains("too few", building.GetProperty("origin").GetString());
    }

    [Fact]
    public void Three_rows_of_a_csv_are_split_by_their_names_and_layout()
    {
        AssertSplitByNames(Analyze("Booking.csv", string.Join("\n", [Header, .. Rows[..3]]) + "\n"));
    }

    [Fact]
    public void The_findings_say_the_dependency_rests_on_the_names()
    {
        var table = Analyze("Booking.csv", string.Join("\n", [Header, .. Rows[..3]]) + "\n");
        var finding = Assert.Single(table.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("message").GetString()!.StartsWith("RoomName", StringComparison.Ordinal));
        Assert.Contains("Shown by the column names and their layout, not the rows", finding.GetProperty("message").GetString());
        Assert.DoesNotContain("Found in the sample rows", finding.GetProperty("message").GetString());
        // In the table's dependency list: still from the data source, marked as resting on the names.
        var dependencies = table.GetProperty("dependencies").EnumerateArray().ToList();
        var named = dependencies.Where(d => d.TryGetProperty("basis", out var b) && b.GetString() == "names").ToList();
        Assert.Contains(named, d => Strings(d.GetProperty("lhs")).SequenceEqual(["RoomID"]));
        Assert.All(named, d => Assert.Equal("data", d.GetProperty("source").GetString()));
        Assert.DoesNotContain(dependencies, d => d.GetProperty("source").GetString() == "key" && d.TryGetProperty("basis", out _));

        using var dir = new CliRunner.Scratch();
        var path = dir.Write("Booking.csv", string.Join("\n", [Header, .. Rows[..3]]) + "\n");
        var text = CliRunner.Run("analyze", path, "--fail-on", "none");
        Assert.Contains("(names, not confirmed by the 3 rows)", text.Stdout);
    }

    [Fact]
    public void Four_rows_with_a_declared_key_are_split_by_their_names_and_layout()
    {
        var columns = Header.Split(',');
        string Type(string c) => c.EndsWith("ID", StringComparison.Ordinal) || c is "Nights" or "Floor" ? "int" : c.EndsWith("Date", StringComparison.Ordinal) ? "date" : "nvarchar(50)";
        var ddl = "CREATE TABLE dbo.Booking (\n" + string.Join(",\n", columns.Select(c => $"    {c} {Type(c)} NOT NULL"))
                  + ",\n    PRIMARY KEY (BookingID)\n);\nINSERT INTO dbo.Booking VALUES\n"
                  + string.Join(",\n", Rows.Select(r => "(" + string.Join(", ", r.Split(',').Select((v, i) => Type(columns[i]) == "int" ? v : $"'{v}'")) + ")"))
                  + ";\n";
        AssertSplitByNames(Analyze("booking.sql", ddl));
    }
}
