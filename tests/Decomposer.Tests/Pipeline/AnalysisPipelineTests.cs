using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Ingest.Annotations;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Decomposer.Tests.Pipeline;

/// <summary>The library's run from a model to proposals, without the command line.</summary>
public sealed class AnalysisPipelineTests : IDisposable
{
    // Each course's title and credits repeat with the course; nothing declares it, the rows show it.
    private const string Enrollment = """
        CREATE TABLE dbo.Enrollment (
            StudentID   int          NOT NULL,
            CourseCode  char(6)      NOT NULL,
            Grade       char(2)      NULL,
            CourseTitle nvarchar(80) NOT NULL,
            Credits     tinyint      NOT NULL,
            CONSTRAINT PK_Enrollment PRIMARY KEY (StudentID, CourseCode)
        );
        GO
        INSERT INTO dbo.Enrollment (StudentID, CourseCode, Grade, CourseTitle, Credits) VALUES
         (1001, 'DB101', 'A',  N'Introduction to Databases', 5),
         (1001, 'MA201', 'B+', N'Linear Algebra', 6),
         (1001, 'CS110', 'A-', N'Programming I', 6),
         (1002, 'DB101', 'B',  N'Introduction to Databases', 5),
         (1002, 'CS110', 'C',  N'Programming I', 6),
         (1003, 'DB101', 'A',  N'Introduction to Databases', 5),
         (1003, 'MA201', 'A',  N'Linear Algebra', 6),
         (1003, 'ST150', NULL, N'Statistics', 4),
         (1004, 'CS110', 'B',  N'Programming I', 6),
         (1004, 'ST150', 'B-', N'Statistics', 4),
         (1005, 'DB101', 'C+', N'Introduction to Databases', 5),
         (1005, 'MA201', 'B',  N'Linear Algebra', 6),
         (1006, 'ST150', 'A',  N'Statistics', 4),
         (1006, 'CS110', 'A',  N'Programming I', 6);
        GO
        CREATE TABLE dbo.Student (StudentID int NOT NULL PRIMARY KEY, Name nvarchar(80) NOT NULL);
        GO
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("schemanorm-pipeline").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SchemaModel Model()
    {
        var path = Path.Combine(_folder, "schema.sql");
        File.WriteAllText(path, Enrollment);
        var ingest = Ingestor.Ingest([path], new IngestOptions());
        Assert.DoesNotContain(ingest.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return ingest.Model;
    }

    private static bool CourseFd(TableDependency d, Table table) =>
        d.Fd is { } fd && fd.Lhs == AttributeSet.Single(table.IndexOf("CourseCode")) && fd.Rhs.Contains(table.IndexOf("CourseTitle"));

    [Fact]
    public void A_dependency_shown_by_the_rows_reaches_the_analysis_and_the_proposal_splits_on_it()
    {
        var model = Model();
        var result = AnalysisPipeline.Run(model, new PipelineOptions { Proposals = ProposalScope.BelowTarget }, new DiagnosticBag());

        var enrollment = model.Find("dbo.Enrollment")!;
        Assert.Contains(result.Data![enrollment].Used, d => CourseFd(d, enrollment));
        var analysis = result.Analysis.Tables.Single(t => t.Table == enrollment);
        Assert.Equal(NormalForm.First, analysis.NormalForm);
        var proposal = Assert.Single(result.Proposals!.All);
        Assert.Same(analysis, proposal.Table);
        Assert.True(proposal.Required.Lossless);
        var course = AttributeSet.Of([enrollment.IndexOf("CourseCode"), enrollment.IndexOf("CourseTitle"), enrollment.IndexOf("Credits")]);
        Assert.Contains(proposal.Required.Tables, t => t.Columns == course);
    }

    [Fact]
    public void Without_the_search_of_rows_the_declared_key_alone_leaves_nothing_to_propose()
    {
        var result = AnalysisPipeline.Run(Model(), new PipelineOptions { FindInRows = false, Proposals = ProposalScope.BelowTarget }, new DiagnosticBag());

        Assert.Null(result.Data);
        Assert.Empty(result.Proposals!.All);
    }

    [Fact]
    public void A_dependency_the_options_reject_is_not_taken_from_the_rows_and_a_note_says_so()
    {
        var model = Model();
        var rejected = new RejectedDependency(new QualifiedName("dbo", "Enrollment"), DependencyKind.Fd, ["CourseCode"], ["CourseTitle"], "titles are free text",
            new SourceLocation("schemanorm.json", 3, 5));
        var options = new PipelineOptions { Discovery = new DiscoverySettings { Rejected = [rejected] } };

        var result = AnalysisPipeline.Run(model, options, new DiagnosticBag());

        var enrollment = model.Find("dbo.Enrollment")!;
        var data = result.Data![enrollment];
        Assert.DoesNotContain(data.Used, d => CourseFd(d, enrollment));
        Assert.Contains(data.Notes, n => n.Contains("the config file rejects it (titles are free text)"));
    }

    [Fact]
    public void Named_tables_are_the_only_ones_searched_and_reported_and_each_gets_a_proposal()
    {
        var model = Model();
        var options = new PipelineOptions { Tables = [new QualifiedName("dbo", "Student")], Proposals = ProposalScope.EveryTable };

        var result = AnalysisPipeline.Run(model, options, new DiagnosticBag());

        var student = model.Find("dbo.Student")!;
        Assert.Same(student, Assert.Single(result.Analysis.Tables).Table);
        Assert.DoesNotContain(model.Find("dbo.Enrollment")!, result.Data!.Keys);
        Assert.False(Assert.Single(result.Proposals!.All).Required.Changes);
    }

    [Fact]
    public void Reported_tables_narrow_the_result_after_the_analysis()
    {
        var model = Model();
        var options = new PipelineOptions { ReportedTables = [new QualifiedName("dbo", "Student")], Proposals = ProposalScope.BelowTarget };

        var result = AnalysisPipeline.Run(model, options, new DiagnosticBag());

        Assert.Equal("Student", Assert.Single(result.Analysis.Tables).Table.Name.Name);
        Assert.Contains(model.Find("dbo.Enrollment")!, result.Data!.Keys);
        Assert.Empty(result.Proposals!.All);
    }

    [Fact]
    public void Progress_tells_each_phase_in_order_with_the_table_searched()
    {
        var progress = new Recorded();
        AnalysisPipeline.Run(Model(), new PipelineOptions { Proposals = ProposalScope.BelowTarget }, new DiagnosticBag(), progress);

        var phases = progress.Reports.Select(p => p.Phase).Distinct().ToList();
        Assert.Equal([PipelinePhase.Discovering, PipelinePhase.Discovered, PipelinePhase.Analyzing, PipelinePhase.Proposing], phases);
        Assert.Contains(progress.Reports, p => p.Phase == PipelinePhase.Discovering && p.Table == "dbo.Enrollment" && p.Discovery is null);
    }

    [Fact]
    public void Dependencies_found_in_the_rows_pass_through_a_full_table_check_which_may_drop_them()
    {
        var model = Model();
        var check = new DroppingEveryDataDependency();
        var result = AnalysisPipeline.Run(model, new PipelineOptions(), new DiagnosticBag(), fullTable: check);

        var enrollment = model.Find("dbo.Enrollment")!;
        Assert.Contains(check.Seen, d => CourseFd(d, enrollment));
        var analysis = result.Analysis.Tables.Single(t => t.Table == enrollment);
        Assert.DoesNotContain(analysis.Dependencies, d => d.Source == DependencySource.Data);
    }

    [Fact]
    public void After_an_error_in_the_options_no_proposal_is_made()
    {
        var options = new PipelineOptions
        {
            Analysis = new AnalysisOptions { ConfigDependencies = [AnnotationText.Parse("fd CourseCode -> CourseTitle", new SourceLocation("schemanorm.json", 1, 1), out _)!] },
            Proposals = ProposalScope.BelowTarget,
        };
        var diagnostics = new DiagnosticBag();

        var result = AnalysisPipeline.Run(Model(), options, diagnostics);

        Assert.True(diagnostics.HasErrors);
        Assert.Null(result.Proposals);
    }

    private sealed class Recorded : IProgress<PipelineProgress>
    {
        public List<PipelineProgress> Reports { get; } = [];
        public void Report(PipelineProgress value) => Reports.Add(value);
    }

    private sealed class DroppingEveryDataDependency : IFullTableCheck
    {
        public List<TableDependency> Seen { get; } = [];

        public IReadOnlyList<TableDependency> Confirm(Table table, IReadOnlyList<TableDependency> fromSample)
        {
            Seen.AddRange(fromSample);
            return fromSample.Where(d => d.Source != DependencySource.Data).ToList();
        }
    }
}
