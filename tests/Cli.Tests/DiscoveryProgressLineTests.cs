using SchemaNorm.Analyzer.Discovery;
using SchemaNorm.Cli.Output;

namespace SchemaNorm.Cli.Tests;

/// <summary>The discovery progress line: it says what it counts, and no count changes meaning between phases or searches.</summary>
public class DiscoveryProgressLineTests
{
    private static DiscoveryProgress At(DiscoveryPhase phase, int level, long work, long found) => new(phase, level, work, found, TimeSpan.Zero);

    [Fact]
    public void Counts_of_several_searches_add_up_each_in_its_own_counter()
    {
        var tally = new DiscoveryTally();
        // An FD search: rows compared, two levels checked, 4 FDs.
        tally.Add(At(DiscoveryPhase.Preparing, 3, 4, 0));
        tally.Add(At(DiscoveryPhase.Sampling, 0, 60, 9));
        tally.Add(At(DiscoveryPhase.Sampling, 0, 100, 12)); // agree sets are not dependencies: counted nowhere
        tally.Add(At(DiscoveryPhase.Induction, 0, 12, 30));
        tally.Add(At(DiscoveryPhase.Validation, 1, 5, 30));
        Assert.Equal("checking candidates, level 1 of 3, 100 row pairs compared, 0 candidates checked, 0 FDs", tally.Describe(DiscoveryPhase.Validation));
        tally.Add(At(DiscoveryPhase.Validation, 2, 7, 25));
        Assert.Equal(5, tally.AllChecked);
        tally.Add(At(DiscoveryPhase.Done, 0, 0, 4));
        Assert.Equal((100L, 12L, 4L), (tally.RowPairsCompared, tally.CandidatesChecked, tally.Fds));

        // An MVD search of the same table: its tests are candidates checked too; its pairs add to the pairs.
        tally.Add(At(DiscoveryPhase.Preparing, 3, 4, 0));
        tally.Add(At(DiscoveryPhase.Sampling, 0, 6, 2));
        tally.Add(At(DiscoveryPhase.Mvds, 1, 10, 1));
        tally.Add(At(DiscoveryPhase.Jds, 0, 13, 0));
        Assert.Equal("checking JDs, 106 row pairs compared, 25 candidates checked, 4 FDs, 1 MVD", tally.Describe(DiscoveryPhase.Jds));
        tally.Add(At(DiscoveryPhase.Done, 0, 0, 0));
        Assert.Equal((106L, 25L, 4L, 1L), (tally.RowPairsCompared, tally.CandidatesChecked, tally.Fds, tally.Mvds));
    }

    [Fact]
    public void A_new_table_starts_its_counts_again()
    {
        using var progress = new ProgressLine(new CliContext(TextWriter.Null, TextWriter.Null, interactive: false), quiet: false) { Table = "a" };
        progress.Report(At(DiscoveryPhase.Done, 0, 0, 7));
        Assert.Equal(7, progress.Tally.Fds);
        progress.Table = "b";
        Assert.Equal(0, progress.Tally.Fds);
    }

    [Fact]
    public void On_a_terminal_discover_shows_what_it_counts_and_clears_the_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("rows.csv", "a,b,c\n1,x,p\n2,x,q\n3,y,p\n4,y,q\n");
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, interactive: true) { CurrentDirectory = dir.Root, Variable = _ => null };
        Assert.Equal(0, CommandLine.Run(["discover", "rows.csv"], context));
        var shown = stderr.ToString();
        Assert.Matches(@"\rrows: done, ([0-9,]+ row pairs compared, )?[0-9,]+ candidates? checked, [0-9,]+ FDs?", shown);
        Assert.EndsWith("\r", shown); // the line is wiped before the report

        var quiet = new StringWriter();
        var offTerminal = new CliContext(new StringWriter(), quiet, interactive: false) { CurrentDirectory = dir.Root };
        Assert.Equal(0, CommandLine.Run(["discover", "rows.csv"], offTerminal));
        Assert.Equal("", quiet.ToString());
    }
}
