using Npgsql;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

public class ConnectionTargetTests
{
    [Theory]
    [InlineData("Host=db.example.com;Username=app;Password=s3cret;Database=shop")]
    [InlineData("Server=db.example.com;Port=5432;User Id=app;Password=s3cret;Database=shop")]
    [InlineData("postgres://app:s3cret@db.example.com/shop")]
    [InlineData("postgresql://app:s3cret@db.example.com:5432/shop?sslmode=require")]
    public void PostgreSQL_is_told_by_its_keywords_or_its_URI(string text)
    {
        var target = ConnectionTarget.Parse(text);
        Assert.Equal(DatabaseProvider.PostgreSql, target.Provider);
        Assert.Equal("db.example.com:5432", target.Server);
        Assert.Equal("shop", target.Database);
        Assert.Equal("postgres://db.example.com:5432/shop/public.orders", target.ObjectUri("public", "orders"));
    }

    [Theory]
    [InlineData("Server=db.example.com;Database=Shop;User Id=app;Password=s3cret", "db.example.com")]
    [InlineData("Data Source=tcp:db.example.com,1433;Initial Catalog=Shop;Integrated Security=true", "db.example.com:1433")]
    [InlineData(@"Server=.\SQLEXPRESS;Database=Shop;Trusted_Connection=True", "localhost%5CSQLEXPRESS")]
    public void SQL_Server_is_told_by_Server_or_Data_Source(string text, string server)
    {
        var target = ConnectionTarget.Parse(text);
        Assert.Equal(DatabaseProvider.SqlServer, target.Provider);
        Assert.Equal(server, target.Server);
        Assert.Equal("Shop", target.Database);
        Assert.Equal($"mssql://{server}/Shop/dbo.Orders", target.ObjectUri("dbo", "Orders"));
    }

    [Fact]
    public void The_provider_option_decides_a_string_both_could_read()
    {
        const string text = "Database=shop;User Id=app;Password=x";
        Assert.Throws<FormatException>(() => ConnectionTarget.Parse(text));
        Assert.Equal(DatabaseProvider.PostgreSql, ConnectionTarget.Parse(text, DatabaseProvider.PostgreSql).Provider);
        Assert.Equal(DatabaseProvider.SqlServer, ConnectionTarget.Parse(text, DatabaseProvider.SqlServer).Provider);
        Assert.Equal(DatabaseProvider.PostgreSql, ConnectionTarget.Parse("Server=h;Database=d;User Id=u", DatabaseProvider.PostgreSql).Provider);
    }

    [Fact]
    public void A_URI_becomes_Npgsql_keywords_with_its_parts_decoded()
    {
        var target = ConnectionTarget.Parse("postgresql://my%40user:p%3Ass%2Fw@[::1]:6543/my%20db?sslmode=verify-full&application_name=ci");
        var b = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("my@user", b.Username);
        Assert.Equal("p:ss/w", b.Password);
        Assert.Equal("::1", b.Host);
        Assert.Equal(6543, b.Port);
        Assert.Equal("my db", b.Database);
        Assert.Equal(SslMode.VerifyFull, b.SslMode);
        Assert.Equal("ci", b.ApplicationName);
    }

    [Fact]
    public void A_URI_with_several_hosts_keeps_each_port()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionTarget.Parse("postgres://u@h1:5433,h2:5434/db").ConnectionString);
        Assert.Equal("h1:5433,h2:5434", b.Host);
    }

    [Theory]
    [InlineData("postgres://u:pw@h/db?nosuchparam=1", "nosuchparam")]
    [InlineData("postgres://u:pw@h:99999/db", "port")]
    [InlineData("postgres://u:pw@h/db?sslmode=sometimes", "sslmode")]
    public void A_bad_URI_says_what_is_wrong(string text, string mentioned)
    {
        var e = Assert.Throws<FormatException>(() => ConnectionTarget.Parse(text));
        Assert.Contains(mentioned, e.Message);
        Assert.DoesNotContain("pw", e.Message.Replace("supported", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("this is not a connection string=;;=")]
    [InlineData("Host=h;Password='unterminated")]
    [InlineData("Host=h;Port=notanumber;Password=hunter2")]
    public void A_malformed_string_never_repeats_the_password(string text)
    {
        var e = Assert.Throws<FormatException>(() => ConnectionTarget.Parse(text));
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.DoesNotContain("unterminated", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_postgres_URI_cannot_be_forced_onto_SQL_Server() =>
        Assert.Throws<FormatException>(() => ConnectionTarget.Parse("postgres://u@h/db", DatabaseProvider.SqlServer));
}
