using System.IO.Compression;
using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>.dacpac packages as input: what is read from them, where it is located, and what is refused.</summary>
public class DacpacInputTests
{
    private static IngestResult Ingest(IngestOptions? options = null, params string[] paths) => Ingestor.Ingest(paths, options ?? new IngestOptions());

    private static string Package(ScriptFolder folder, string ddl, DacpacTestPackages.Extras? extras = null, string name = "Shop.dacpac") =>
        DacpacTestPackages.Build(Path.Combine(folder.Path, name), [("schema.sql", ddl)], extras);

    [Fact]
    public void Tables_columns_and_keys_come_from_the_packages_model_located_at_the_package()
    {
        using var folder = new ScriptFolder();
        var package = Package(folder, """
            CREATE TYPE dbo.Name FROM nvarchar(50) NOT NULL;
            GO
            CREATE TABLE dbo.Product (
                Id int IDENTITY(10, 5) NOT NULL CONSTRAINT PK_Product PRIMARY KEY,
                Name dbo.Name,
                Code varchar(12) COLLATE Latin1_General_CS_AS NULL,
                Price decimal(9,2) NOT NULL CONSTRAINT DF_Product_Price DEFAULT ((0)),
                Doubled AS (Price * 2) PERSISTED,
                CONSTRAINT CK_Product_Price CHECK ((Price >= 0))
            );
            GO
            CREATE UNIQUE INDEX UX_Product_Code ON dbo.Product (Code) WHERE (Code IS NOT NULL);
            GO
            CREATE TABLE dbo.Line (ProductId int NOT NULL CONSTRAINT FK_Line_Product REFERENCES dbo.Product, Qty int NULL);
            """);
        var result = Ingest(null, package);
        result.NoErrors();

        var product = result.Table("dbo.Product");
        Assert.Equal(new SourceLocation(package, 1, 1), product.Location);
        Assert.Equal(["Id", "Name", "Code", "Price", "Doubled"], product.ColumnNames);
        var id = product.FindColumn("Id")!;
        Assert.True(id.IsIdentity);
        Assert.Equal((10m, 5m), (id.IdentitySeed, id.IdentityIncrement));
        var name = product.FindColumn("Name")!;
        Assert.Equal(new SqlType("nvarchar", Length: 50) { Alias = new QualifiedName("dbo", "Name") }, name.Type);
        Assert.False(name.IsNullable); // the alias type is NOT NULL
        Assert.Equal("Latin1_General_CS_AS", product.FindColumn("Code")!.Type.Collation);
        Assert.Equal("0", product.FindColumn("Price")!.DefaultExpression);
        Assert.Equal("Price * 2", product.FindColumn("Doubled")!.ComputedExpression);
        Assert.Equal(["Id"], product.PrimaryKey!.Columns);
        Assert.Equal("PK_Product", product.PrimaryKey.Name);
        var index = Assert.Single(product.UniqueIndexes);
        Assert.Equal(("UX_Product_Code", "Code IS NOT NULL"), (index.Name, index.Filter));
        Assert.Equal("Price >= 0", Assert.Single(product.CheckConstraints).Expression);

        var fk = Assert.Single(result.Table("dbo.Line").ForeignKeys);
        Assert.Equal((new QualifiedName("dbo", "Product"), "Id"), (fk.ReferencedTable, Assert.Single(fk.ReferencedColumns)));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("keeps no source files or lines") && d.Location?.File == package);
    }

    [Fact]
    public void Temporal_history_and_graph_tables_are_what_sql_server_makes_them()
    {
        using var folder = new ScriptFolder();
        var package = Package(folder, """
            CREATE TABLE dbo.Emp (Id int NOT NULL PRIMARY KEY,
                ValidFrom datetime2 GENERATED ALWAYS AS ROW START NOT NULL, ValidTo datetime2 GENERATED ALWAYS AS ROW END NOT NULL,
                PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo)) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.EmpHistory));
            GO
            CREATE TABLE dbo.Person (Id int NOT NULL PRIMARY KEY, Name nvarchar(10)) AS NODE;
            GO
            CREATE TABLE dbo.Likes (Rating int) AS EDGE;
            """);
        var result = Ingest(null, package);
        result.NoErrors();
        Assert.Equal(TableKind.TemporalHistory, result.Table("dbo.EmpHistory").Kind);
        Assert.Equal(["Id", "ValidFrom", "ValidTo"], result.Table("dbo.EmpHistory").ColumnNames);
        Assert.Equal(TableKind.GraphNode, result.Table("dbo.Person").Kind);
        Assert.Equal(["$node_id", "Id", "Name"], result.Table("dbo.Person").ColumnNames);
        Assert.Equal(["$edge_id", "$from_id", "$to_id", "Rating"], result.Table("dbo.Likes").ColumnNames);
    }

    [Fact]
    public void The_post_deployment_script_gives_sample_rows_located_in_the_package()
    {
        using var folder = new ScriptFolder();
        var package = Package(folder, "CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY, Name nvarchar(20) NOT NULL);",
            new DacpacTestPackages.Extras(PostDeploy: "INSERT INTO dbo.Region VALUES ('NW', N'North West');\nINSERT INTO dbo.Region VALUES ('NW', N'Again');\n"));
        var result = Ingest(null, package);
        // The second row breaks the primary key: an error in the package's postdeploy.sql, at its line.
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation(Path.Combine(package, "postdeploy.sql"), 2, 1), error.Location);
    }

    [Fact]
    public void A_packages_sqlcmd_variables_have_no_values_so_the_deployment_script_needs_var()
    {
        using var folder = new ScriptFolder();
        var package = Package(folder, "CREATE TABLE dbo.Region (Code nvarchar(20) NOT NULL PRIMARY KEY);",
            new DacpacTestPackages.Extras(PostDeploy: "INSERT INTO dbo.Region VALUES ('$(HomeRegion)');\nINSERT INTO dbo.Region VALUES ('$(DatabaseName)');\n",
                Variables: ["HomeRegion"]));

        var without = Ingest(null, package);
        Assert.Contains(without.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("$(HomeRegion) is not defined"));

        var with = Ingest(new IngestOptions { Variables = new Dictionary<string, string> { ["HomeRegion"] = "NW" } }, package);
        with.NoErrors();
        // DatabaseName is SSDT's own variable: the package's name.
        Assert.Equal(new string?[] { "NW", "Shop" }, with.Table("dbo.Region").Column("Code"));
    }

    /// <summary>A package whose foreign key points into the package it references (Catalog.dacpac, built against C:\refs\Catalog.dacpac).</summary>
    private static string PackageWithReference(ScriptFolder folder) => Package(folder, """
        CREATE TABLE dbo.Product (Id int NOT NULL PRIMARY KEY);
        GO
        CREATE TABLE dbo.Line (ProductId int NOT NULL CONSTRAINT FK_Line_Product REFERENCES dbo.Product (Id));
        """, new DacpacTestPackages.Extras(References: [("Catalog.dacpac", @"C:\refs\Catalog.dacpac")], External: ["[dbo].[Product]"]));

    [Fact]
    public void A_referenced_package_beside_it_is_loaded_and_its_tables_are_not_read()
    {
        using var folder = new ScriptFolder();
        var package = PackageWithReference(folder);
        Package(folder, "CREATE TABLE dbo.Product (Id int NOT NULL PRIMARY KEY);", name: "Catalog.dacpac");
        var result = Ingest(null, package);
        result.NoErrors();
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("references Catalog.dacpac"));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("references table dbo.Product"));
        Assert.Equal("dbo.Line", Assert.Single(result.Model.Tables).Name.ToString());
        Assert.Equal(new QualifiedName("dbo", "Product"), Assert.Single(result.Table("dbo.Line").ForeignKeys).ReferencedTable);
    }

    [Fact]
    public void A_missing_referenced_package_is_a_located_error_that_says_where_it_is_looked_for()
    {
        using var folder = new ScriptFolder();
        var package = PackageWithReference(folder);
        var error = Assert.Single(Ingest(null, package).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation(package, 1, 1), error.Location);
        Assert.Contains("from the path it was built against or from the package's folder", error.Message);
    }

    [Fact]
    public void A_referenced_package_outside_the_inputs_tree_is_not_read()
    {
        using var folder = new ScriptFolder();
        using var elsewhere = new ScriptFolder();
        var outside = Package(elsewhere, "CREATE TABLE dbo.Product (Id int NOT NULL PRIMARY KEY);", name: "Catalog.dacpac");
        var package = Package(folder, """
            CREATE TABLE dbo.Product (Id int NOT NULL PRIMARY KEY);
            GO
            CREATE TABLE dbo.Line (ProductId int NOT NULL CONSTRAINT FK_Line_Product REFERENCES dbo.Product (Id));
            """, new DacpacTestPackages.Extras(References: [("Catalog.dacpac", outside)], External: ["[dbo].[Product]"]));
        var result = Ingest(null, package);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("is outside"));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("would read the referenced package"));
        Assert.Empty(result.Model.Tables);

        // Allowed, it is read.
        var allowed = Ingest(new IngestOptions { AllowRead = [elsewhere.Path] }, package);
        allowed.NoErrors();
        Assert.Equal("dbo.Line", Assert.Single(allowed.Model.Tables).Name.ToString());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_a_located_error()
    {
        using var folder = new ScriptFolder();
        var path = folder.Write("Broken.dacpac", "CREATE TABLE t (a int);");
        var error = Assert.Single(Ingest(null, path).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation(path, 1, 1), error.Location);
        Assert.Contains("not a .dacpac package: it is not a zip file", error.Message);
    }

    [Fact]
    public void A_zip_without_a_model_is_a_located_error()
    {
        using var folder = new ScriptFolder();
        var path = Path.Combine(folder.Path, "Other.dacpac");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("hello");
        var error = Assert.Single(Ingest(null, path).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation(path, 1, 1), error.Location);
        Assert.Contains("holds no model.xml", error.Message);
    }

    [Fact]
    public void A_model_changed_after_the_build_is_refused_by_its_checksum()
    {
        using var folder = new ScriptFolder();
        var package = Package(folder, "CREATE TABLE dbo.T (a int NOT NULL PRIMARY KEY);");
        using (var zip = ZipFile.Open(package, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("model.xml")!;
            string model;
            using (var reader = new StreamReader(entry.Open())) model = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("model.xml").Open());
            writer.Write(model.Replace("[a]", "[b]", StringComparison.Ordinal));
        }
        var error = Assert.Single(Ingest(null, package).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation(package, 1, 1), error.Location);
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void A_part_larger_than_the_file_limit_is_refused_before_it_is_unpacked()
    {
        using var folder = new ScriptFolder();
        var package = Package(folder, "CREATE TABLE dbo.T (a int NOT NULL PRIMARY KEY);",
            new DacpacTestPackages.Extras(PostDeploy: "INSERT INTO dbo.T VALUES (1);\n" + new string(' ', 64 * 1024) + "\n"));
        var limits = new IngestOptions { Limits = ReadLimits.Default with { MaxFileBytes = 32 * 1024 } };
        var error = Assert.Single(Ingest(limits, package).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(new SourceLocation(package, 1, 1), error.Location);
        Assert.Contains("postdeploy.sql unpacks to", error.Message);
    }

    [Fact]
    public void A_part_is_read_no_further_than_the_size_it_declares()
    {
        // A zip bomb declares a small size and unpacks to far more: what follows the declared size is never read.
        using var folder = new ScriptFolder();
        const string first = "INSERT INTO dbo.T VALUES (1);\n";
        var package = Package(folder, "CREATE TABLE dbo.T (a int NOT NULL PRIMARY KEY);",
            new DacpacTestPackages.Extras(PostDeploy: first + "INSERT INTO dbo.T VALUES (2);\n" + new string('-', 1_000_000) + "\n"));
        DeclareSize(package, "postdeploy.sql", (uint)first.Length);
        var result = Ingest(null, package);
        result.NoErrors();
        Assert.Equal(new string?[] { "1" }, result.Table("dbo.T").Column("a"));
    }

    /// <summary>Writes a smaller uncompressed size into a part's local header and central directory entry, as a zip bomb does.</summary>
    private static void DeclareSize(string zipPath, string part, uint size)
    {
        var bytes = File.ReadAllBytes(zipPath);
        var name = Encoding.ASCII.GetBytes(part);
        for (int i = 0; i + 46 < bytes.Length; i++)
        {
            uint signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name) && BitConverter.ToUInt16(bytes, i + 26) == name.Length)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
            else if (signature == 0x02014b50 && BitConverter.ToUInt16(bytes, i + 28) == name.Length && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
        }
        File.WriteAllBytes(zipPath, bytes);
    }

    [Fact]
    public void A_folder_of_packages_is_read_and_its_csv_files_give_rows()
    {
        using var folder = new ScriptFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "artifacts"));
        var package = Package(folder, "CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY, Name nvarchar(20) NOT NULL);", name: Path.Combine("artifacts", "Shop.dacpac"));
        folder.Write(Path.Combine("artifacts", "Region.csv"), "Code,Name\nNW,North West\nSE,South East\n");
        var result = Ingest(null, Path.Combine(folder.Path, "artifacts"));
        result.NoErrors();
        Assert.Equal(new SourceLocation(package, 1, 1), result.Table("dbo.Region").Location);
        Assert.Equal(2, result.Table("dbo.Region").Data!.RowCount);
    }

    [Fact]
    public void A_folder_with_scripts_is_read_from_its_scripts_and_its_packages_are_named()
    {
        using var folder = new ScriptFolder();
        var script = folder.Write("Region.sql", "CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY);");
        Directory.CreateDirectory(Path.Combine(folder.Path, "bin"));
        var package = Package(folder, "CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY);", name: Path.Combine("bin", "Shop.dacpac"));
        var result = Ingest(null, folder.Path);
        result.NoErrors();
        Assert.Equal(script, result.Table("dbo.Region").Location.File);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Location?.File == package && d.Message.Contains("not read"));
    }

    [Fact]
    public void A_package_given_with_the_scripts_it_was_built_from_defines_each_table_twice()
    {
        using var folder = new ScriptFolder();
        var script = folder.Write("Region.sql", "CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY);");
        var package = Package(folder, "CREATE TABLE dbo.Region (Code char(2) NOT NULL PRIMARY KEY);");
        var result = Ingest(null, package, script);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("dbo.Region is created twice", error.Message);
    }
}
