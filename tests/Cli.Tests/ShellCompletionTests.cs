using System.Diagnostics;

namespace SchemaNorm.Cli.Tests;

/// <summary>`schemanorm completion`: scripts made from the option tables, and help wrapped to the terminal.</summary>
public class ShellCompletionTests
{
    /// <summary>Sources the bash script and asks it to complete the words, as bash does on Tab.</summary>
    private static string[] BashCompletes(string script, params string[] words)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--norc");
        using var bash = Process.Start(start)!;
        var quoted = string.Join(' ', words.Select(w => "'" + w.Replace("'", "'\\''") + "'"));
        bash.StandardInput.Write(script + $"\nCOMP_WORDS=({quoted}); COMP_CWORD={words.Length - 1}; _schemanorm; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n");
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEnd();
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, errors);
        Assert.Equal("", errors);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void The_bash_script_completes_commands_and_each_commands_own_options()
    {
        var r = BuiltCli.Run(Path.GetTempPath(), "completion", "bash");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["decompose", "discover"], BashCompletes(r.Stdout, "schemanorm", "d").Order());
        Assert.Equal(["--fail-on"], BashCompletes(r.Stdout, "schemanorm", "analyze", "--fai"));
        Assert.Equal(["--show-baselined"], BashCompletes(r.Stdout, "schemanorm", "analyze", "--show"));
        // discover has no --fail-on: its table says so, and so does its completion.
        Assert.Empty(BashCompletes(r.Stdout, "schemanorm", "discover", "--fai"));
        Assert.Equal(["fish"], BashCompletes(r.Stdout, "schemanorm", "completion", "f"));
    }

    [Fact]
    public void Every_option_of_every_command_is_offered_by_every_shell()
    {
        var bash = CliRunner.Run("completion", "bash").Stdout;
        var zsh = CliRunner.Run("completion", "zsh").Stdout;
        var fish = CliRunner.Run("completion", "fish").Stdout;
        Assert.Contains("autoload -U +X bashcompinit && bashcompinit\n", zsh);
        foreach (var command in CommandLine.Commands)
            foreach (var option in command.Options)
            {
                Assert.Contains("--" + option.Name, bash);
                Assert.Contains($"complete -c schemanorm -n '__fish_seen_subcommand_from {command.Name}' -l {option.Name}", fish);
            }
    }

    [Theory]
    [InlineData]
    [InlineData("tcsh")]
    [InlineData("bash", "zsh")]
    public void A_missing_or_unknown_shell_is_a_usage_error(params string[] rest)
    {
        var r = CliRunner.Run(["completion", .. rest]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("give one shell: bash, zsh, fish, powershell", r.Stderr);
    }

    [Fact]
    public void The_powershell_script_registers_a_native_completer_with_every_option_under_its_command()
    {
        // No pwsh on the test machines: the script's structure is checked, not run.
        var r = CliRunner.Run("completion", "powershell");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Register-ArgumentCompleter -Native -CommandName schemanorm -ScriptBlock {", r.Stdout);
        var lines = r.Stdout.Split('\n');
        foreach (var command in CommandLine.Commands)
        {
            var entry = Assert.Single(lines, l => l.StartsWith($"        '{command.Name}' = @(", StringComparison.Ordinal) && l.Contains('\t'));
            foreach (var option in command.Options)
            {
                Assert.Contains($"'--{option.Name}\t", entry);
                if (option.Alias is { } alias) Assert.Contains($"'-{alias}\t", entry);
            }
        }
        Assert.Contains(lines, l => l.Contains("'completion' = @('bash\tbash', 'fish\tfish', 'powershell\tpowershell', 'zsh\tzsh')"));
        // Quotes inside single-quoted strings are doubled: every line has an even number of them.
        Assert.All(lines, l => Assert.True(l.Count(c => c == '\'') % 2 == 0, l));
        Assert.Contains("''", r.Stdout); // "a command's options" and the like
        Assert.Equal(r.Stdout.Count(c => c == '{'), r.Stdout.Count(c => c == '}'));
    }

    [Fact]
    public void The_bash_script_completes_the_tools_own_commands_from_the_same_tree()
    {
        var script = CliRunner.Run("completion", "bash").Stdout;
        Assert.Equal(["decompose", "discover"], BashCompletes(script, "schemanorm", "help", "d").Order());
        Assert.Equal(["powershell"], BashCompletes(script, "schemanorm", "completion", "p"));
        Assert.Equal(["--help", "--version"], BashCompletes(script, "schemanorm", "--").Order());
        Assert.Equal(["-o"], BashCompletes(script, "schemanorm", "analyze", "-o"));
    }

    [Fact]
    public void Help_wraps_at_the_terminal_width_and_keeps_one_line_per_option_in_a_pipe()
    {
        var piped = BuiltCli.Run(Path.GetTempPath(), "analyze", "--help").Stdout;
        Assert.Contains(piped.Split('\n'), l => l.Length > 120);

        var narrow = BuiltCli.Run(Path.GetTempPath(), new Dictionary<string, string?> { ["COLUMNS"] = "72" }, "analyze", "--help").Stdout;
        var lines = narrow.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.True(l.Length <= 72 || !l.Trim().Contains(' '), l));
        // Nothing lost: the same words in the same order.
        Assert.Equal(string.Join(' ', piped.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                     string.Join(' ', narrow.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }
}
