using System.Diagnostics;

namespace SchemaNorm.Cli.Tests.Live;

/// <summary>
/// The tool loads ICU only for a run that reads a live database (SQL Server's client needs it), and reads
/// the same under any locale.
/// </summary>
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

    [Theory]
    [InlineData(true, "analyze", "--connection", "Server=x")]
    [InlineData(true, "analyze", "--connection=Server=x")]
    [InlineData(true, "analyze", "-connection", "Server=x")]
    [InlineData(false, "analyze", "schema.sql")]
    [InlineData(false, "analyze", "connection.sql", "--format", "json")]
    public void Only_a_command_line_that_names_a_live_database_keeps_culture_data(bool live, params string[] args)
    {
        Assert.Equal(SchemaNorm.Cli.ProcessCulture.ConnectionOption, SchemaNorm.Cli.Options.LiveOptions.Connection.Name);
        Assert.Equal(live, SchemaNorm.Cli.ProcessCulture.NamesLiveDatabase(args));
    }

    [Fact]
    public void The_sql_server_client_gets_culture_data_in_the_built_tool()
    {
        // Nothing listens on port 1: the run must fail at the network, not at SqlClient's refusal of
        // invariant globalization mode, which comes before it.
        var result = BuiltCli.Run(Path.GetTempPath(), "analyze", "--provider", "sqlserver",
            "--connection", "Server=tcp:127.0.0.1,1;Database=x;User Id=u;Password=p;TrustServerCertificate=true;Connect Timeout=3");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Globalization", result.Stderr);
        Assert.Contains("127.0.0.1", result.Stderr);
    }
}
