using System.Text.RegularExpressions;
using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>With -v, analyze tells where its time and memory went, phase by phase; without it, nothing.</summary>
public class PhaseTimingTests
{
    [Fact]
    public void Verbose_analyze_prints_one_timing_line_with_each_phase()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("orders.csv", "id,customer,city\n1,a,x\n2,a,x\n3,b,y\n4,b,y\n5,c,x\n");

        var verbose = BuiltCli.Run(dir.Root, "analyze", "orders.csv", "-v");
        Assert.True(verbose.ExitCode is 0 or 1, verbose.Stderr);
        var line = Assert.Single(verbose.Stderr.Split('\n'), l => l.StartsWith("schemanorm: timing: ", StringComparison.Ordinal));
        Assert.Matches(new Regex(@"^schemanorm: timing: reading [\d.]+ s \([\d.]+ s CPU, peak [\d,]+ MiB\), discovery [\d.]+ s .*, analysis .*, proposals [\d.]+ s \([\d.]+ s CPU, peak [\d,]+ MiB\)$"), line.TrimEnd('\r'));

        Assert.DoesNotContain("timing:", BuiltCli.Run(dir.Root, "analyze", "orders.csv").Stderr);
    }
}
