using SchemaNorm.Tests;

namespace SchemaNorm.Cli.Tests;

/// <summary>discover's and decompose's text as a terminal shows it (wrapped, coloured), and lists in parentheses kept whole.</summary>
public class OutputLayoutTests
{
    private const string Esc = "\u001b[";

    private static CliRunner.Result Run(string directory, bool terminal, Dictionary<string, string> environment, int? terminalWidth, params string[] args) =>
        CliRunner.RunAs(directory, terminal, environment, terminalWidth, args);

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A key column that determines seven columns with long names: one FD line of about 190 characters.</summary>
    private static string WideRows()
    {
        var names = Enumerable.Range(1, 7).Select(i => $"a_rather_long_column_name_{i}").ToList();
        var rows = Enumerable.Range(1, 6).Select(r => string.Join(',', [r.ToString(), .. names.Select((_, c) => ((r * (c + 2)) % 5).ToString())]));
        return string.Join('\n', [string.Join(',', ["id", .. names]), .. rows]) + "\n";
    }

    [Fact]
    public void Discover_wraps_its_text_at_the_width_and_colours_it_only_on_a_terminal()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("rows.csv", WideRows());
        string[] discover = ["discover", "rows.csv", "--fds-only"];

        var wide = Run(dir.Root, terminal: false, [], null, discover);
        Assert.True(wide.ExitCode == 0, wide.Stderr);
        Assert.All(Lines(wide.Stdout), l => Assert.True(l.Length <= 100, l));
        var narrow = Run(dir.Root, terminal: true, new() { ["NO_COLOR"] = "1" }, 60, discover);
        Assert.All(Lines(narrow.Stdout), l => Assert.True(l.Length <= 60, l));
        Assert.Contains(Lines(narrow.Stdout), l => l.StartsWith("      a_rather_long", StringComparison.Ordinal)); // a continuation line
        Assert.Equal(Words(wide.Stdout), Words(narrow.Stdout));
        Assert.DoesNotContain(Esc, wide.Stdout + narrow.Stdout, StringComparison.Ordinal);

        var colored = Run(dir.Root, terminal: true, [], 120, discover);
        Assert.StartsWith(Esc + "1mrows" + Esc + "0m", colored.Stdout, StringComparison.Ordinal);
        Assert.Contains(Esc + "1mfunctional dependencies (", colored.Stdout, StringComparison.Ordinal);

        var toFile = Run(dir.Root, terminal: true, [], 120, [.. discover, "-o", "out.txt"]);
        Assert.Equal(0, toFile.ExitCode);
        Assert.DoesNotContain(Esc, File.ReadAllText(Path.Combine(dir.Root, "out.txt")), StringComparison.Ordinal);
        Assert.Contains(Esc, Run(dir.Root, terminal: false, [], null, [.. discover, "--color", "always"]).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Decompose_colours_its_text_only_on_a_terminal()
    {
        var schema = Path.Combine(TestPaths.SampleSchemas, "1-partial-dependency", "schema.sql");
        string[] decompose = ["decompose", schema, "--table", "Enrollment"];
        var plain = Run(TestPaths.RepoRoot, terminal: false, [], null, decompose);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.DoesNotContain(Esc, plain.Stdout, StringComparison.Ordinal);

        var colored = Run(TestPaths.RepoRoot, terminal: true, [], 100, decompose);
        Assert.Contains(Esc + "1mCourse" + Esc + "0m (CourseCode, CourseTitle, Credits)", colored.Stdout, StringComparison.Ordinal);
        Assert.Contains(Esc + "1msplits, in order:", colored.Stdout, StringComparison.Ordinal);
        // The same text once the colours are taken out.
        Assert.Equal(plain.Stdout, System.Text.RegularExpressions.Regex.Replace(colored.Stdout, @"\u001b\[[0-9;]*m", ""));
        Assert.DoesNotContain(Esc, Run(TestPaths.RepoRoot, terminal: true, new() { ["NO_COLOR"] = "1" }, 100, decompose).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proposed_tables_column_list_is_not_broken_across_lines_when_it_fits_on_one()
    {
        using var dir = new CliRunner.Scratch();
        dir.Write("schema.sql", TestScripts.EmpProj);
        // From 50 columns on, each list (the longest, "EmpProj_Pnumber(Pnumber, Pname, Plocation),", has 44
        // characters) fits on a continuation line.
        foreach (int width in Enumerable.Range(50, 41))
        {
            var r = Run(dir.Root, terminal: false, new() { ["COLUMNS"] = width.ToString() }, null, "analyze", "schema.sql", "--fail-on", "none");
            var lines = Lines(r.Stdout);
            int start = lines.FindIndex(l => l.StartsWith("  proposal (", StringComparison.Ordinal));
            Assert.True(start >= 0, r.Stdout);
            foreach (var line in lines.Skip(start).TakeWhile(l => l.Length > 0))
            {
                Assert.True(line.Count(c => c == '(') == line.Count(c => c == ')'), $"width {width}: '{line}'");
                Assert.True(line.Length <= width, $"width {width}: '{line}'");
            }
        }
    }

    [Theory]
    [InlineData(40, "T(a, b),", "U(c, d)")]
    [InlineData(6, "T(a,", "d)")]
    public void Parentheses_keep_their_words_together_only_when_they_fit(int room, string first, string last)
    {
        var words = Output.TextWrap.Words("T(a, b), U(c, d)", keepParenthesesUpTo: room).ToList();
        Assert.Equal(first, words[0]);
        Assert.Equal(last, words[^1]);
    }
}
