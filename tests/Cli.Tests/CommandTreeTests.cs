using SchemaNorm.Cli.Options;

namespace SchemaNorm.Cli.Tests;

/// <summary>The command line as System.CommandLine parses it from the option tables, read back as the commands' arguments.</summary>
public class CommandTreeTests
{
    private static readonly IReadOnlyList<OptionSpec> Specs =
    [
        CommonOptions.Format, CommonOptions.Output, CommonOptions.Var, CommonOptions.Quiet, InputOptions.Verbose, CommonOptions.NoHeader,
    ];

    private static UsageException Rejects(params string[] args) => Assert.Throws<UsageException>(() => ArgumentParser.Parse(args, Specs));

    [Fact]
    public void Values_are_taken_in_every_spelling()
    {
        var a = ArgumentParser.Parse(["x.sql", "--format", "json", "-o", "r.txt", "y.sql"], Specs);
        Assert.Equal(["x.sql", "y.sql"], a.Positionals);
        Assert.Equal("json", a.Get("format"));
        Assert.Equal("r.txt", a.Get("output"));

        Assert.Equal("json", ArgumentParser.Parse(["--format=json"], Specs).Get("format"));
        Assert.Equal("json", ArgumentParser.Parse(["--format:json"], Specs).Get("format"));
        Assert.Equal("r.txt", ArgumentParser.Parse(["-or.txt"], Specs).Get("output"));
    }

    [Fact]
    public void A_single_option_given_twice_keeps_the_last_and_a_repeatable_one_keeps_all_in_order()
    {
        var a = ArgumentParser.Parse(["--format", "json", "--var", "a=1", "--format", "text", "--var", "b=2"], Specs);
        Assert.Equal("text", a.Get("format"));
        Assert.Equal(["a=1", "b=2"], a.GetAll("var"));
        // One value per occurrence: the word after the value is an input.
        Assert.Equal(["b=2"], ArgumentParser.Parse(["--var", "a=1", "b=2"], Specs).Positionals);
    }

    [Fact]
    public void Flags_bundle_and_take_no_value()
    {
        var a = ArgumentParser.Parse(["-qv", "x.sql"], Specs);
        Assert.True(a.Has("quiet"));
        Assert.True(a.Has("verbose"));
        Assert.Equal(["x.sql"], a.Positionals);
        Assert.Equal("--quiet takes no value", Rejects("--quiet=yes", "x.sql").Message);
        Assert.Equal("--no-header takes no value", Rejects("--no-header:true").Message);
        // A value may start with a dash; a known option written with = is an option, not a value.
        Assert.Equal("-x=1", ArgumentParser.Parse(["--var", "-x=1"], Specs).Get("var"));
        Assert.Equal("--var needs a value (NAME=VALUE)", Rejects("--var", "--quiet=yes").Message);
    }

    [Fact]
    public void Double_dash_ends_the_options_and_a_lone_dash_is_an_input()
    {
        var a = ArgumentParser.Parse(["-", "--", "--format", "-q"], Specs);
        Assert.Equal(["-", "--format", "-q"], a.Positionals);
        Assert.False(a.Has("format"));
        Assert.False(a.Has("quiet"));
    }

    [Fact]
    public void An_at_sign_is_part_of_a_file_name_not_a_response_file()
    {
        Assert.Equal(["@schema.sql"], ArgumentParser.Parse(["@schema.sql"], Specs).Positionals);
    }

    [Fact]
    public void A_missing_value_or_an_unknown_option_is_named()
    {
        Assert.Equal("--format needs a value (FORMAT)", Rejects("x.sql", "--format").Message);
        Assert.Equal("--output needs a value (FILE)", Rejects("-o").Message);
        Assert.StartsWith("unknown option '--fromat=json'; did you mean '--format'?", Rejects("--fromat=json").Message);
        Assert.StartsWith("unknown option '-x'", Rejects("x.sql", "-x").Message);
    }

    [Fact]
    public void Help_before_the_command_shows_the_commands_help()
    {
        var r = CliRunner.Run("--help", "discover");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("Usage: schemanorm discover", r.Stdout);
    }

    [Theory]
    [InlineData("version", "x")]
    [InlineData("help", "analyze", "x")]
    [InlineData("--version", "x")]
    public void Extra_words_after_the_tools_own_commands_are_an_error(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("schemanorm", r.Stderr);
        Assert.Contains("'x'", r.Stderr);
    }

    [Fact]
    public void Version_by_command_or_option()
    {
        Assert.Equal(CliRunner.Run("--version").Stdout, CliRunner.Run("version").Stdout);
        Assert.StartsWith("schemanorm ", CliRunner.Run("version").Stdout);
    }

    [Fact]
    public void A_control_character_in_a_mistyped_command_is_shown_escaped()
    {
        var r = CliRunner.Run("an\u001blyze");
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain('\u001b', r.Stderr);
    }
}
