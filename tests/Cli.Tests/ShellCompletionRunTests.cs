using System.Diagnostics;

namespace SchemaNorm.Cli.Tests;

/// <summary>A fact that runs only where the shell is installed (.ci/services installs zsh, fish and PowerShell).</summary>
public sealed class ShellFactAttribute : FactAttribute
{
    public ShellFactAttribute(string shell)
    {
        if (InstalledShell.Find(shell) is null) Skip = $"{shell} is not installed (.ci/services installs it)";
    }
}

internal static class InstalledShell
{
    /// <summary>The shell's full path on PATH or among the .NET global tools (pwsh), or null.</summary>
    public static string? Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the shell with these arguments and returns its standard output (stderr must stay empty unless allowed).</summary>
    public static string Run(string shell, IEnumerable<string> args, int timeoutMs = 60_000)
    {
        var start = new ProcessStartInfo(Find(shell)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["TERM"] = "dumb";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(timeoutMs), $"{shell} did not finish");
        Assert.True(p.ExitCode == 0, $"{shell} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}

/// <summary>
/// The completion scripts loaded into the real shells and asked to complete, as a user pressing Tab would
/// (fish: complete -C; PowerShell: TabExpansion2; zsh: an interactive shell on a pseudo-terminal).
/// </summary>
public class ShellCompletionRunTests
{
    private static string Script(string shell)
    {
        // PowerShell dot-sources only a .ps1 file.
        var path = Path.Combine(Path.GetTempPath(), $"schemanorm-completion-{Guid.NewGuid():N}.{(shell == "powershell" ? "ps1" : shell)}");
        var r = BuiltCli.Run(Path.GetTempPath(), "completion", shell);
        Assert.Equal(0, r.ExitCode);
        File.WriteAllText(path, r.Stdout);
        return path;
    }

    [ShellFact("fish")]
    public void Fish_completes_commands_options_and_the_words_of_help()
    {
        var script = Script("fish");
        try
        {
            var output = InstalledShell.Run("fish", ["--no-config", "-c",
                $"source {script}; for line in {string.Join(' ', Lines)}; echo \"[$line]\"; complete -C $line; end"]);
            AssertCompletes(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [ShellFact("pwsh")]
    public void PowerShell_completes_commands_options_and_the_words_of_help()
    {
        var script = Script("powershell");
        try
        {
            var output = InstalledShell.Run("pwsh", ["-NoProfile", "-NonInteractive", "-Command",
                $". '{script}'; foreach ($line in @({string.Join(", ", Lines)})) " +
                "{ \"[$line]\"; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText }"], 180_000);
            AssertCompletes(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [ShellFact("zsh")]
    public void Zsh_completes_an_option_on_tab_in_a_shell_without_a_zshrc()
    {
        // zsh -f reads no startup file, so the script must load the completion system itself.
        var script = Script("zsh");
        var driver = Path.Combine(Path.GetTempPath(), $"schemanorm-zpty-{Guid.NewGuid():N}.zsh");
        File.WriteAllText(driver, $$"""
            zmodload zsh/zpty
            zpty z zsh -f -i
            zpty -w z 'PS1="> "; source {{script}}; print READY'
            all=""
            # Wait for the shell (compinit may take a while on a loaded machine), then press Tab and wait
            # for the line to be completed; each wait gives up after about 20 s.
            for i in {1..200}; do zpty -r -t z chunk && all+=$chunk; [[ $all == *READY*'> '* ]] && break; sleep 0.1; done
            zpty -w -n z $'schemanorm analyze --fai\t'
            for i in {1..200}; do zpty -r -t z chunk && all+=$chunk; [[ $all == *'--fail-on'* ]] && break; sleep 0.1; done
            zpty -d z
            print -r -- "$all"
            """);
        try
        {
            var output = InstalledShell.Run("zsh", ["-f", driver]);
            Assert.Contains("schemanorm analyze --fail-on", output);
            Assert.DoesNotContain("command not found", output);
        }
        finally
        {
            File.Delete(script);
            File.Delete(driver);
        }
    }

    /// <summary>The lines each shell is asked to complete, quoted for both fish and PowerShell.</summary>
    private static readonly string[] Lines = ["'schemanorm ana'", "'schemanorm analyze --fai'", "'schemanorm discover --fai'", "'schemanorm help d'"];

    /// <summary>Commands, a command's own options (discover has no --fail-on), and the words of help.</summary>
    private static void AssertCompletes(string output)
    {
        var blocks = Blocks(output);
        Assert.Equal(["analyze"], Words(blocks["schemanorm ana"]));
        Assert.Equal(["--fail-on"], Words(blocks["schemanorm analyze --fai"]));
        Assert.Empty(Words(blocks["schemanorm discover --fai"]));
        Assert.Equal(["decompose", "discover"], Words(blocks["schemanorm help d"]).Order());
    }

    /// <summary>"[line]" headers followed by the completions printed for that line.</summary>
    private static Dictionary<string, List<string>> Blocks(string output)
    {
        var blocks = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('[') && line.EndsWith(']')) blocks[line[1..^1]] = current = [];
            else if (line.Length > 0) current?.Add(line);
        }
        return blocks;
    }

    /// <summary>The completed words (fish prints "word\tdescription").</summary>
    private static List<string> Words(List<string> lines) => lines.Select(l => l.Split('\t')[0]).ToList();
}
