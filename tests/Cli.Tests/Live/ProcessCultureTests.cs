using System.Diagnostics;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>The tool runs with ICU (for SQL Server) but reads the same under any locale.</summary>
public class ProcessCultureTests
{
    [Fact]
    public void Output_does_not_follow_the_users_locale()
    {
        var cli = typeof(CommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [cli, "analyze", "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LANG"] = "de_DE.UTF-8";
        start.Environment["LC_ALL"] = "de_DE.UTF-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Contains("(default 10,000;", stdout); // de-DE would write 10.000
    }
}
