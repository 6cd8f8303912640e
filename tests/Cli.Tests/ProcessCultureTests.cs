namespace SchemaNorm.Cli.Tests;

/// <summary>
/// A run that reads a live database keeps the culture data (SQL Server's client needs it); every spelling
/// of --connection the parser takes must be seen, or the connection fails for a reason the user cannot see.
/// </summary>
public class ProcessCultureTests
{
    [Theory]
    [InlineData("--connection", "Server=x")]
    [InlineData("--connection=Server=x")]
    [InlineData("--connection:Server=x")]
    public void Every_spelling_of_the_connection_option_names_a_live_database(params string[] option)
    {
        Assert.True(ProcessCulture.NamesLiveDatabase(["analyze", .. option]));
        // And the parser takes each of them as the connection.
        var parsed = Options.ArgumentParser.Parse(option, Options.LiveOptions.All);
        Assert.Equal("Server=x", parsed.Get("connection"));
    }

    [Fact]
    public void Inputs_and_other_options_do_not()
    {
        Assert.False(ProcessCulture.NamesLiveDatabase(["analyze", "connection.sql", "--config", "connection.json", "--connections-file"]));
    }
}
