namespace SchemaNorm.Cli.Tests;

/// <summary>
/// The text report as a terminal shows it: wrapped to the width (COLUMNS, the terminal's, else 100),
/// coloured only on a terminal (--color, NO_COLOR), baselined findings counted, suppression reasons
/// shown, and --quiet keeping standard output short.
/// </summary>
public class TextReportLayoutTests
{
    private const string Esc = "\u001b[";

    /// <summary>Runs in-process as if standard output were (or were not) a terminal of the given width.</summary>
    private static CliRunner.Result Run(string directory, bool terminal, Dictionary<string, string> environment, int? terminalWidth, params string[] args) =>
        CliRunner.RunAs(directory, terminal, environment, terminalWidth, args);

    private static readonly Dictionary<string, string> NoVariables = [];

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>A line too long for the width may only be one that cannot break: an indent and one word, or a heading.</summary>
    private static void AssertFits(string text, int width)
    {
        foreach (var line in Lines(text).Where(l => l.Length > width))
            Assert.True(line.Trim().Split(' ').Length == 1, $"longer than {width}: '{line}'");
    }

    [Fact]
    public void Paragraphs_wrap_at_100_columns_off_a_terminal_and_at_COLUMNS_when_it_is_set()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        var wide = Run(dir.Root, terminal: false, NoVariables, null, "analyze", "schema.sql", "--fail-on", "none");
        Assert.Contains(Lines(wide.Stdout), l => l.Length is > 60 and <= 100);
        Assert.DoesNotContain(Lines(wide.Stdout), l => l.Length > 100 && l.StartsWith("    ", StringComparison.Ordinal));

        var narrow = Run(dir.Root, terminal: false, new() { ["COLUMNS"] = "60" }, null, "analyze", "schema.sql", "--fail-on", "none");
        Assert.Equal(0, narrow.ExitCode);
        var paragraphs = Lines(narrow.Stdout).Where(l => l.StartsWith("    ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(paragraphs);
        Assert.All(paragraphs, l => Assert.True(l.Length <= 60, l));
        // The same words, only broken differently.
        Assert.Equal(Words(wide.Stdout), Words(narrow.Stdout));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void On_a_terminal_the_report_fits_the_terminal()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        var r = Run(dir.Root, terminal: true, NoVariables, 64, "analyze", "schema.sql", "--fail-on", "none", "--color", "never");
        Assert.All(Lines(r.Stdout).Where(l => l.StartsWith("    ", StringComparison.Ordinal)), l => Assert.True(l.Length <= 64, l));
        Assert.Contains(Lines(r.Stdout), l => l.Length > 50 && l.StartsWith("    ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_built_tool_honours_COLUMNS()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        var r = BuiltCli.Run(dir.Root, new Dictionary<string, string?> { ["COLUMNS"] = "50" }, "analyze", "schema.sql");
        Assert.True(r.ExitCode == 1, r.Stderr);
        AssertFits(string.Join('\n', Lines(r.Stdout).Where(l => l.StartsWith("    ", StringComparison.Ordinal))), 50);
        Assert.DoesNotContain(Esc, r.Stdout, StringComparison.Ordinal); // a pipe gets no colour
    }

    [Theory]
    [InlineData("see [Order Details] and `SELECT a, b FROM t` here", "[Order Details]", "`SELECT a, b FROM t`")]
    [InlineData("a \"Cust Code\" column and C:\\some dir", "\"Cust Code\"", "C:\\some")]
    [InlineData("an [unclosed bracket stays words", "[unclosed", "bracket")]
    public void Names_quoted_code_and_paths_are_never_split(string text, string whole, string another)
    {
        var words = Output.TextWrap.Words(text).ToList();
        Assert.Contains(whole, words);
        Assert.Contains(another, words);
        var sb = new System.Text.StringBuilder();
        Output.TextWrap.Wrap(sb, text, "", width: Output.TextLayout.MinWidth);
        Assert.Contains(whole, sb.ToString());
    }

    [Fact]
    public void Colour_only_on_a_terminal_and_never_with_NO_COLOR_unless_asked_for()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        string[] analyze = ["analyze", "schema.sql", "--fail-on", "none"];

        var terminal = Run(dir.Root, terminal: true, NoVariables, 120, analyze);
        Assert.Contains(Esc + "1;33mwarning", terminal.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, Run(dir.Root, terminal: false, NoVariables, null, analyze).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, Run(dir.Root, terminal: true, new() { ["NO_COLOR"] = "1" }, 120, analyze).Stdout, StringComparison.Ordinal);
        Assert.Contains(Esc, Run(dir.Root, terminal: true, new() { ["NO_COLOR"] = "" }, 120, analyze).Stdout, StringComparison.Ordinal); // empty means unset
        Assert.DoesNotContain(Esc, Run(dir.Root, terminal: true, NoVariables, 120, [.. analyze, "--color", "never"]).Stdout, StringComparison.Ordinal);
        Assert.Contains(Esc, Run(dir.Root, terminal: false, new() { ["NO_COLOR"] = "1" }, null, [.. analyze, "--color", "always"]).Stdout, StringComparison.Ordinal);

        // A file is never coloured, even when the command runs on a terminal.
        Assert.Equal(0, Run(dir.Root, terminal: true, NoVariables, 120, [.. analyze, "--color", "always", "-o", "report.txt"]).ExitCode);
        var file = File.ReadAllText(Path.Combine(dir.Root, "report.txt"));
        Assert.Contains("warning SN2001", file);
        Assert.DoesNotContain(Esc, file, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_tool_colours_a_pipe_only_with_color_always_and_rejects_other_words()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        Assert.Contains(Esc + "1;33mwarning", BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--color", "always").Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, BuiltCli.Run(dir.Root, "analyze", "schema.sql").Stdout, StringComparison.Ordinal);
        var bad = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--color", "sometimes");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--color takes one of auto, always, never, not 'sometimes'", bad.Stderr);
    }

    [Fact]
    public void Baselined_findings_are_a_count_unless_show_baselined_lists_them()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "baseline.json").ExitCode);
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Heap);

        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json");
        Assert.True(r.ExitCode == 1, r.Stderr);
        Assert.Contains("warning SN1001", r.Stdout);
        Assert.DoesNotContain("SN2001", r.Stdout);
        Assert.Contains("  dbo.EmpProj — 1NF, key (Ssn, Pnumber) (2 in the baseline)", r.Stdout);
        Assert.Contains("Baseline baseline.json: 2 known, 1 new, 0 no longer found. The known ones are not listed (--show-baselined lists them).", r.Stdout);

        var all = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json", "--show-baselined");
        Assert.Equal(2, Lines(all.Stdout).Count(l => l.Contains("warning SN2001", StringComparison.Ordinal) && l.EndsWith("(in the baseline)", StringComparison.Ordinal)));
        Assert.DoesNotContain("--show-baselined lists", all.Stdout);
    }

    [Fact]
    public void A_table_with_new_and_baselined_findings_shows_the_new_and_counts_the_rest()
    {
        using var dir = new CliRunner.Scratch();
        var oneFd = TestScripts.EmpProj.Replace("    -- schemanorm: fd Pnumber -> Pname, Plocation\n", "");
        dir.Write("schema.sql", oneFd);
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "baseline.json").ExitCode);
        dir.Write("schema.sql", TestScripts.EmpProj);
        var r = CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--baseline", "baseline.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Single(Lines(r.Stdout), l => l.Contains("warning SN2001", StringComparison.Ordinal));
        Assert.Contains("  1 finding in the baseline (--show-baselined lists it)", r.Stdout);
    }

    [Fact]
    public void The_reason_of_a_suppression_is_shown_under_a_table_listed_in_one_line()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", "-- schemanorm-disable SN1001: staging only\n" + TestScripts.Heap);
        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("dbo.Heap — 5NF, key (A, B) (1 suppressed)", r.Stdout);
        Assert.Contains("      suppressed SN1001 — comment at schema.sql:1: staging only", r.Stdout);
    }

    [Fact]
    public void Quiet_prints_only_the_failing_findings_one_line_each_and_the_summary()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj + TestScripts.Heap);
        var r = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "--quiet");
        Assert.True(r.ExitCode == 1, r.Stderr);
        var lines = Lines(r.Stdout).Where(l => l.Length > 0).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("schema.sql:5:", lines[0]);
        Assert.Contains(": warning SN2001 ", lines[0]);
        Assert.Contains(": warning SN1001 ", lines[2]);
        Assert.Equal("2 tables, 2 below BCNF; 3 warnings.", lines[3]);
        Assert.Equal("", r.Stderr);

        // Only what fails the run: with --fail-on error no warning is listed.
        var none = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "-q", "--fail-on", "error");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal(["2 tables, 2 below BCNF; 3 warnings."], Lines(none.Stdout).Where(l => l.Length > 0));

        // Baselined findings do not fail the run, so quiet leaves them out.
        Assert.Equal(0, CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--write-baseline", "baseline.json").ExitCode);
        var baselined = BuiltCli.Run(dir.Root, "analyze", "schema.sql", "-q", "--baseline", "baseline.json");
        Assert.Equal(0, baselined.ExitCode);
        Assert.Equal(["2 tables, 2 below BCNF; 3 warnings."], Lines(baselined.Stdout).Where(l => l.Length > 0));
    }

    [Fact]
    public void Quiet_leaves_the_machine_formats_whole()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        Assert.Equal(CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json").Stdout,
                     CliRunner.RunIn(dir.Root, "analyze", "schema.sql", "--format", "json", "--quiet").Stdout);
    }
}
