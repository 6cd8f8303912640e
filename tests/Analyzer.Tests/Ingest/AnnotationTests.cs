using SchemaNorm.Analyzer.Ingest.Annotations;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary><c>-- schemanorm:</c> dependency annotations: syntax, placement, and errors.</summary>
public class AnnotationTests
{
    private static readonly SourceLocation Here = new("a.sql", 1, 1);

    [Fact]
    public void Parses_the_three_kinds()
    {
        var fd = AnnotationParser.Parse("fd Ssn, [Project No] -> Ename, \"Hours Worked\"", Here, out _)!;
        Assert.Equal(DependencyKind.Fd, fd.Kind);
        Assert.Equal(["Ssn", "Project No"], fd.Lhs);
        Assert.Equal(["Ename", "Hours Worked"], fd.Rhs);
        Assert.Null(fd.Table);

        var mvd = AnnotationParser.Parse("MVD Course ->> Teacher", Here, out _)!;
        Assert.Equal(DependencyKind.Mvd, mvd.Kind);
        Assert.Equal(["Course"], mvd.Lhs);
        Assert.Equal(["Teacher"], mvd.Rhs);

        var jd = AnnotationParser.Parse("jd (Supplier, Part), (Part, Project), (Supplier, Project)", Here, out _)!;
        Assert.Equal(DependencyKind.Jd, jd.Kind);
        Assert.Equal(3, jd.Components.Count);
        Assert.Equal(["Part", "Project"], jd.Components[1]);
    }

    [Theory]
    [InlineData("fd dbo.EmpProj: Ssn -> Ename", "dbo", "EmpProj")]
    [InlineData("fd EmpProj: Ssn -> Ename", "dbo", "EmpProj")]
    [InlineData("mvd [Sales].[Order Lines]: A ->> B", "Sales", "Order Lines")]
    public void The_table_may_be_named_before_a_colon(string text, string schema, string table)
    {
        var a = AnnotationParser.Parse(text, Here, out var error);
        Assert.Null(error);
        Assert.Equal(new QualifiedName(schema, table), a!.Table);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("fk A -> B", "unknown dependency kind 'fk'")]
    [InlineData("fd A B", "fd expects")]
    [InlineData("fd A ->", "column name is missing")]
    [InlineData("fd A ->> B", "fd expects")]
    [InlineData("mvd A -> B", "mvd expects")]
    [InlineData("jd (A, B)", "at least two")]
    [InlineData("jd A, B", "parentheses")]
    [InlineData("jd (A, B), (B, C", "not closed")]
    [InlineData("fd A -> B extra", "unexpected 'extra'")]
    [InlineData("fd [A -> B", "expected a column name")]
    public void Malformed_annotations_say_what_is_wrong(string text, string message)
    {
        Assert.Null(AnnotationParser.Parse(text, Here, out var error));
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("-- schemanorm: fd A -> B", "fd A -> B")]
    [InlineData("--SchemaNorm:fd A -> B", "fd A -> B")]
    [InlineData("-- schemanorm-disable SN2001", null)]
    [InlineData("-- schemanorm is great", null)]
    [InlineData("-- fd A -> B", null)]
    public void Only_schemanorm_colon_comments_are_annotations(string comment, string? body) =>
        Assert.Equal(body, AnnotationParser.Body(comment));

    [Fact]
    public void Comments_inside_or_directly_above_create_table_belong_to_it()
    {
        var result = ScriptFolder.Ingest("""
            -- schemanorm: fd Pnumber -> Pname, Plocation
            /* the project table */
            -- schemanorm: mvd Pnumber ->> Plocation
            CREATE TABLE dbo.EmpProj (
              Ssn char(9),      -- schemanorm: fd Ssn -> Ename
              Pnumber int,
              -- schemanorm: jd (Ssn, Pnumber), (Pnumber, Hours), (Ssn, Hours)
              Hours int, Ename varchar(40), Pname varchar(40), Plocation varchar(40)
            );
            """);
        result.NoErrors();
        var annotations = result.Table("EmpProj").Annotations;
        Assert.Equal(["fd Pnumber -> Pname, Plocation", "mvd Pnumber ->> Plocation", "fd Ssn -> Ename", "jd (Ssn, Pnumber), (Pnumber, Hours), (Ssn, Hours)"],
            annotations.Select(a => a.ToString()));
        Assert.Equal([1, 3, 5, 7], annotations.Select(a => a.Location.Line));
        Assert.Equal(21, annotations[2].Location.Column);
        Assert.All(annotations, a => Assert.Null(a.Table)); // Table is the name written before a colon
    }

    [Fact]
    public void Elsewhere_an_annotation_names_its_table()
    {
        using var folder = new ScriptFolder();
        // The annotation file sorts first: the table it names is created by a later file.
        folder.Write("a_annotations.sql", """
            -- schemanorm: fd dbo.EmpProj: Ssn -> Ename

            -- schemanorm: fd [EmpProj]: Pnumber -> Pname
            SELECT 1;
            """);
        folder.Write("b_tables.sql", """
            CREATE TABLE EmpProj (Ssn char(9), Pnumber int, Ename varchar(40), Pname varchar(40));

            -- schemanorm: fd EmpProj: Ssn, Pnumber -> Ename
            """);
        var result = SchemaNorm.Analyzer.Ingest.Ingestor.Ingest([folder.Path], new());
        result.NoErrors();
        var annotations = result.Table("EmpProj").Annotations;
        Assert.Equal(3, annotations.Count);
        Assert.All(annotations, a => Assert.Equal(new QualifiedName("dbo", "EmpProj"), a.Table));
        Assert.Contains(annotations, a => a.ToString() == "fd Ssn -> Ename" && a.Location.File.EndsWith("a_annotations.sql") && a.Location.Line == 1);
    }

    [Fact]
    public void A_blank_line_breaks_the_tie_to_the_table_below()
    {
        var result = ScriptFolder.Ingest("-- schemanorm: fd A -> B\n\nCREATE TABLE T (A int, B int);");
        var error = result.SingleError();
        Assert.Equal(1, error.Location!.Line);
        Assert.Contains("must name its table", error.Message);
        Assert.Empty(result.Table("T").Annotations);
    }

    [Fact]
    public void Malformed_annotations_and_unknown_tables_are_errors_with_locations()
    {
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (
              A int, -- schemanorm: fd A => B
              B int
            );
            -- schemanorm: fd dbo.Nowhere: A -> B
            -- schemanorm-disable SN2001 (a suppression: not an annotation)
            """);
        var errors = result.Errors();
        Assert.Equal(2, errors.Count);
        Assert.Equal((2, 10), (errors[0].Location!.Line, errors[0].Location!.Column));
        Assert.Contains("malformed", errors[0].Message);
        Assert.Equal(5, errors[1].Location!.Line);
        Assert.Contains("dbo.Nowhere", errors[1].Message);
    }

    [Fact]
    public void Annotations_in_data_batches_are_read_too()
    {
        // The comment makes the fast INSERT reader hand the batch to ScriptDom, which reads the comment.
        var result = ScriptFolder.Ingest("""
            CREATE TABLE T (A int, B int);
            GO
            INSERT T VALUES (1, 2);
            -- schemanorm: fd T: A -> B
            INSERT T VALUES (2, 2);
            """);
        result.NoErrors();
        Assert.Equal("fd A -> B", Assert.Single(result.Table("T").Annotations).ToString());
        Assert.Equal(2, result.Table("T").Data!.RowCount);
    }
}
