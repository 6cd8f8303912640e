using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Decomposer.Migration;
using SchemaNorm.Decomposer.Proposal;
using SchemaNorm.Tests;
using SchemaNorm.Databases.SqlServer;
using Model = SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>
/// Migration plans and their T-SQL: every script for every sample schema and every textbook case parses
/// (with the SQL it runs dynamically), and the scripts do what the plan says in the order it says.
/// </summary>
public class MigrationTests
{
    public static TheoryData<string> SampleFolders()
    {
        var data = new TheoryData<string>();
        // The samples that show a normalization problem (schema.sql); the repository samples show inputs.
        foreach (var d in Directory.GetDirectories(TestPaths.SampleSchemas).Where(d => File.Exists(Path.Combine(d, "schema.sql"))).Order())
            data.Add(Path.GetFileName(d));
        return data;
    }

    private static Model.SchemaModel Ingest(params string[] paths)
    {
        var result = Ingestor.Ingest(paths, new IngestOptions());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model;
    }

    private static Decomposition Propose(Model.SchemaModel model, Model.Table table, NormalForm target)
    {
        var analysis = SchemaAnalyzer.AnalyzeTable(model, table, AnalysisOptions.Default with { Target = target }, new DiagnosticBag());
        return Normalizer.Propose(model, analysis, new DecompositionOptions { Target = target });
    }

    [Theory]
    [MemberData(nameof(SampleFolders))]
    public void Every_sample_schema_gives_scripts_that_parse(string folder)
    {
        var model = Ingest(Path.Combine(TestPaths.SampleSchemas, folder, "schema.sql"));
        foreach (var target in new[] { NormalForm.Third, NormalForm.BCNF, NormalForm.Fourth, NormalForm.Fifth })
        {
            var ds = model.Tables.Select(t => Propose(model, t, target)).ToList();
            var plans = MigrationPlanner.PlanAll(ds, model);
            var script = new TSqlMigrationEmitter().Emit(plans);
            ScriptAssert.Parses(script.Forward);
            ScriptAssert.Parses(script.Rollback);
            Assert.Equal(ds.Count(d => d.Changes), plans.Count);
        }
    }

    [Theory]
    [MemberData(nameof(TextbookCaseTests.Ids), MemberType = typeof(TextbookCaseTests))]
    public void Every_textbook_case_gives_scripts_that_parse(string id)
    {
        var c = TextbookCase.Load(id);
        foreach (var pk in new[] { false, true })
            foreach (var target in new[] { NormalForm.Third, NormalForm.BCNF, NormalForm.Fourth, NormalForm.Fifth })
            {
                var d = Normalizer.Propose(c.Table(pk), c.Dependencies(), null, new DecompositionOptions { Target = target });
                if (!d.Changes) continue;
                var script = new TSqlMigrationEmitter().Emit([MigrationPlanner.Plan(d, null)]);
                var forward = ScriptAssert.Parses(script.Forward);
                ScriptAssert.Parses(script.Rollback);
                Assert.Equal(d.Tables.Count, ScriptAssert.All<CreateTableStatement>(forward).Count);
                if (d.Alternative is { Changes: true } alt)
                    ScriptAssert.Parses(new TSqlMigrationEmitter().Emit([MigrationPlanner.Plan(alt, null)]).Forward);
            }
    }

    [Fact]
    public void Two_proposals_that_name_a_table_alike_get_distinct_tables_in_one_script()
    {
        // Both proposals split CustomerID -> CustomerName into a table named after the customer: before, the
        // script created the first and the second one's existence check then stopped the run.
        var path = Path.Combine(Path.GetTempPath(), $"schemanorm-twonames-{Guid.NewGuid():N}.sql");
        File.WriteAllText(path, """
            CREATE TABLE dbo.Orders (OrderID int NOT NULL PRIMARY KEY, CustomerID int NOT NULL, CustomerName varchar(50) NOT NULL);
            CREATE TABLE dbo.Invoices (InvoiceID int NOT NULL PRIMARY KEY, CustomerID int NOT NULL, CustomerName varchar(50) NOT NULL);
            -- schemanorm: fd dbo.Orders: CustomerID -> CustomerName
            -- schemanorm: fd dbo.Invoices: CustomerID -> CustomerName
            """);
        try
        {
            var model = Ingest(path);
            var ds = model.Tables.Select(t => Propose(model, t, NormalForm.BCNF)).ToList();
            var proposed = ds.SelectMany(d => d.Tables.Select(t => t.Name)).ToList();
            Assert.True(proposed.Count > proposed.Distinct(StringComparer.OrdinalIgnoreCase).Count(), "the two proposals should name a table alike: " + string.Join(", ", proposed));

            var plans = MigrationPlanner.PlanAll(ds, model);
            var created = plans.SelectMany(p => p.Tables.Select(t => t.Name.Name)).ToList();
            Assert.Equal(created.Count, created.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            // Each plan's foreign keys and view point at its own tables.
            foreach (var p in plans)
            {
                var own = p.Tables.Select(t => t.Name.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                Assert.NotEmpty(p.ForeignKeys);
                Assert.All(p.ForeignKeys, fk => Assert.Contains(fk.Table.Name, own));
                Assert.All(p.ForeignKeys, fk => Assert.Contains(fk.Referenced.Name, own));
            }
            var script = new TSqlMigrationEmitter().Emit(plans);
            var forward = ScriptAssert.Parses(script.Forward);
            var tables = ScriptAssert.All<CreateTableStatement>(forward).Select(c => c.SchemaObjectName.BaseIdentifier.Value).ToList();
            Assert.Equal(tables.Count, tables.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Enrollment_script_checks_creates_fills_renames_views_verifies_and_commits_in_that_order()
    {
        var model = Ingest(Path.Combine(TestPaths.SampleSchemas, "1-partial-dependency", "schema.sql"));
        var d = Propose(model, model.Tables[0], NormalForm.BCNF);
        var plan = MigrationPlanner.Plan(d, model);
        var script = ScriptAssert.Parses(new TSqlMigrationEmitter().Emit([plan]).Forward);
        var statements = script.Batches.Single().Statements.ToList();

        // SET XACT_ABORT ON comes first; everything that changes data is inside one transaction.
        var xact = Assert.IsType<PredicateSetStatement>(statements[0]);
        Assert.True(xact.IsOn && xact.Options.HasFlag(SetOptions.XactAbort));
        int begin = statements.FindIndex(s => s is BeginTransactionStatement);
        int commit = statements.FindIndex(s => s is CommitTransactionStatement);
        Assert.True(begin > 0 && commit > begin);
        int Index<T>(Func<T, bool>? where = null) where T : TSqlStatement =>
            statements.FindIndex(s => s is T t && (where?.Invoke(t) ?? true));

        // The guard that makes a second run a no-op: already migrated -> PRINT and RETURN.
        var guard = Assert.IsType<IfStatement>(statements[2]);
        Assert.Contains(ScriptAssert.All<ReturnStatement>(guard), _ => true);
        Assert.True(Index<IfStatement>() < begin);

        // The check of CourseCode -> CourseTitle, Credits comes before the first CREATE TABLE, and THROWs.
        var check = plan.Checks.OfType<FunctionalDependencyCheck>().Single();
        Assert.Equal(["CourseCode"], check.Lhs);
        Assert.Equal(["CourseTitle", "Credits"], check.Rhs);
        int firstCheck = statements.FindIndex(begin, s => s is SelectStatement);
        int firstCreate = Index<CreateTableStatement>();
        Assert.True(firstCheck > begin && firstCheck < firstCreate);
        Assert.NotEmpty(ScriptAssert.All<ThrowStatement>(statements[firstCheck + 1]));

        // Tables, then fills (SELECT DISTINCT), then the foreign key, then the rename, the view, the verification.
        var creates = statements.OfType<CreateTableStatement>().ToList();
        Assert.Equal(d.Tables.Select(t => t.Name).Order(), creates.Select(c => c.SchemaObjectName.BaseIdentifier.Value).Order());
        Assert.All(creates, c => Assert.Single(c.Definition.TableConstraints.OfType<UniqueConstraintDefinition>(), u => u.IsPrimaryKey));
        var inserts = statements.OfType<InsertStatement>().ToList();
        Assert.Equal(2, inserts.Count);
        Assert.All(inserts, i => Assert.Equal(UniqueRowFilter.Distinct, ((QuerySpecification)((SelectInsertSource)i.InsertSpecification.InsertSource).Select).UniqueRowFilter));
        int fk = Index<AlterTableAddTableElementStatement>();
        int rename = Index<ExecuteStatement>(e => e.ExecuteSpecification.ExecutableEntity is ExecutableProcedureReference p && p.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value == "sp_rename");
        int view = Index<ExecuteStatement>(e => e.ExecuteSpecification.ExecutableEntity is ExecutableStringList);
        Assert.True(firstCreate < statements.IndexOf(inserts[0]) && statements.IndexOf(inserts[^1]) < fk && fk < rename && rename < view && view < commit);

        // The view keeps the old name and the old columns, in order.
        var viewText = ScriptAssert.DynamicSql(statements[view]).Single();
        var createView = ScriptAssert.All<CreateViewStatement>(ScriptAssert.Parses(viewText)).Single();
        Assert.Equal("Enrollment", createView.SchemaObjectName.BaseIdentifier.Value);
        var outputs = ((QuerySpecification)createView.SelectStatement.QueryExpression).SelectElements
            .Cast<SelectScalarExpression>().Select(e => e.ColumnName.Value).ToList();
        Assert.Equal(d.Source.ColumnNames, outputs);

        // The verification compares both ways with EXCEPT, and the row counts, before the commit.
        var verification = ScriptAssert.DynamicSql(statements[view + 1]).Single();
        var excepts = ScriptAssert.All<BinaryQueryExpression>(ScriptAssert.Parses(verification));
        Assert.Equal(2, excepts.Count(e => e.BinaryQueryExpressionType == BinaryQueryExpressionType.Except));
        Assert.IsType<IfStatement>(statements[view + 2]);
    }

    [Fact]
    public void Rollback_copies_back_drops_the_view_and_tables_and_renames_the_table_back()
    {
        var model = Ingest(Path.Combine(TestPaths.SampleSchemas, "2-transitive-dependency", "schema.sql"));
        var d = Propose(model, model.Tables[0], NormalForm.BCNF);
        var plan = MigrationPlanner.Plan(d, model);
        var rollback = ScriptAssert.Parses(new TSqlMigrationEmitter().Emit([plan]).Rollback);
        var statements = rollback.Batches.Single().Statements.ToList();

        Assert.Single(ScriptAssert.All<DropViewStatement>(rollback));
        Assert.Equal(d.Tables.Count, ScriptAssert.All<DropTableStatement>(rollback).Count);
        // Tables are dropped children first: the table holding the foreign key before the one it references.
        var drops = ScriptAssert.All<DropTableStatement>(rollback).Select(x => x.Objects[0].BaseIdentifier.Value).ToList();
        var child = d.Tables.Single(t => t.ForeignKeys.Count > 0);
        Assert.True(drops.IndexOf(child.Name) < drops.IndexOf(child.ForeignKeys[0].ReferencedTable));
        var rename = statements.OfType<ExecuteStatement>().Last(e => e.ExecuteSpecification.ExecutableEntity is ExecutableProcedureReference);
        var args = ((ExecutableProcedureReference)rename.ExecuteSpecification.ExecutableEntity).Parameters.Select(p => ((StringLiteral)p.ParameterValue).Value).ToList();
        Assert.Equal(["[dbo].[Employee_unnormalized]", "Employee"], args);
        // Rows changed through the new tables are copied back before anything is dropped.
        var copy = ScriptAssert.DynamicSql(rollback).Select(ScriptAssert.Parses).SelectMany(ScriptAssert.All<DeleteStatement>).ToList();
        Assert.Single(copy);
    }

    private static Model.Table Orders()
    {
        var orders = new Model.Table(new Model.QualifiedName("dbo", "Orders"), new Model.SourceLocation("t.sql", 1, 1));
        void Add(string name, string type, bool nullable, bool identity = false) =>
            orders.Columns.Add(new Model.Column(name, new Model.SqlType(type, Length: type == "nvarchar" ? 40 : null), new Model.SourceLocation("t.sql", 2, 1)) { IsNullable = nullable, IsIdentity = identity });
        Add("OrderID", "int", false, identity: true);
        Add("OrderDate", "date", false);
        Add("CustomerID", "nchar", true);
        Add("CustomerName", "nvarchar", true);
        Add("Version", "rowversion", false);
        orders.PrimaryKey = new Model.KeyConstraint("PK_Orders", true, ["OrderID"], new Model.SourceLocation("t.sql", 3, 1));
        orders.Annotations.Add(new Model.DependencyAnnotation(Model.DependencyKind.Fd, ["CustomerID"], ["CustomerName"], [], new Model.SourceLocation("t.sql", 4, 1)));
        return orders;
    }

    [Fact]
    public void Foreign_keys_into_the_old_table_move_to_the_new_table_that_holds_their_key()
    {
        var orders = Orders();
        var lines = new Model.Table(new Model.QualifiedName("dbo", "OrderLines"), new Model.SourceLocation("t.sql", 10, 1));
        lines.Columns.Add(new Model.Column("OrderID", new Model.SqlType("int"), new Model.SourceLocation("t.sql", 11, 1)) { IsNullable = false });
        lines.Columns.Add(new Model.Column("LineNo", new Model.SqlType("int"), new Model.SourceLocation("t.sql", 12, 1)) { IsNullable = false });
        lines.PrimaryKey = new Model.KeyConstraint("PK_OrderLines", true, ["OrderID", "LineNo"], new Model.SourceLocation("t.sql", 13, 1));
        lines.ForeignKeys.Add(new Model.ForeignKey("FK_OrderLines_Orders", ["OrderID"], new Model.QualifiedName("dbo", "Orders"), ["OrderID"], new Model.SourceLocation("t.sql", 14, 1)));
        var model = new Model.SchemaModel();
        model.Add(orders);
        model.Add(lines);

        var d = Propose(model, orders, NormalForm.BCNF);
        var remainder = d.Tables.Single(t => t.IsRemainder);
        var plan = MigrationPlanner.Plan(d, model);
        var redirect = Assert.Single(plan.IncomingForeignKeys);
        Assert.Equal("FK_OrderLines_Orders", redirect.ConstraintName);
        Assert.Equal("OrderLines", redirect.Child.Name);
        Assert.Equal(remainder.Name, redirect.NewTarget.Name);

        var script = new TSqlMigrationEmitter().Emit([plan]);
        var forward = ScriptAssert.Parses(script.Forward);
        Assert.Contains(ScriptAssert.All<AlterTableDropTableElementStatement>(forward), s => s.SchemaObjectName.BaseIdentifier.Value == "OrderLines");
        var rollback = ScriptAssert.Parses(script.Rollback);
        var back = ScriptAssert.All<ForeignKeyConstraintDefinition>(rollback).Single();
        Assert.Equal("Orders", back.ReferenceTableName.BaseIdentifier.Value);
    }

    [Fact]
    public void Identity_stays_on_the_key_it_numbers_and_a_nullable_reference_is_a_left_join_with_a_null_check()
    {
        var orders = Orders();
        var model = new Model.SchemaModel();
        model.Add(orders);
        var d = Propose(model, orders, NormalForm.BCNF);
        var plan = MigrationPlanner.Plan(d, model);

        var remainder = plan.Tables.Single(t => t.PrimaryKey.Columns.SequenceEqual(["OrderID"]));
        Assert.True(remainder.Columns.Single(c => c.Name == "OrderID").Identity);
        Assert.True(plan.Fills.Single(f => f.Target == remainder.Name).KeepsIdentity);
        var customer = plan.Tables.Single(t => t != remainder);
        Assert.False(customer.Columns.Single(c => c.Name == "CustomerID").Nullable);
        Assert.Equal(["CustomerID"], plan.Fills.Single(f => f.Target == customer.Name).KeyColumns);

        // The view keeps orders without a customer: LEFT JOIN, and the script refuses rows it could not keep.
        Assert.True(Assert.Single(plan.View.Joins).Outer);
        var nullCheck = plan.Checks.OfType<NullKeyCheck>().Single();
        Assert.Equal(["CustomerID"], nullCheck.Key);
        Assert.Equal(["CustomerName"], nullCheck.Values);

        // The database sets a rowversion: it is never inserted, and never compared.
        Assert.DoesNotContain(plan.Fills, f => f.Columns.Contains("Version"));
        Assert.Contains(plan.View.Columns, c => c.Name == "Version" && c.Alias is not null);
        var forward = ScriptAssert.Parses(new TSqlMigrationEmitter().Emit([plan]).Forward);
        Assert.Equal(2, ScriptAssert.All<SetIdentityInsertStatement>(forward).Count);
        Assert.DoesNotContain(ScriptAssert.DynamicSql(forward).Where(t => t.Contains("EXCEPT")), t => t.Contains("[Version]"));
        var view = ScriptAssert.DynamicSql(forward).Select(ScriptAssert.Parses).SelectMany(ScriptAssert.All<QualifiedJoin>).Single();
        Assert.Equal(QualifiedJoinType.LeftOuter, view.QualifiedJoinType);
    }

    [Fact]
    public void A_computed_column_reading_two_new_tables_is_computed_by_the_view_with_qualified_columns()
    {
        var orders = Orders();
        orders.Columns.Add(new Model.Column("Label", new Model.SqlType("sql_variant"), new Model.SourceLocation("t.sql", 9, 1))
        {
            ComputedExpression = "CustomerName + N' ' + CONVERT(nvarchar(10), OrderDate)",
        });
        var model = new Model.SchemaModel();
        model.Add(orders);
        var d = Propose(model, orders, NormalForm.BCNF);
        var plan = MigrationPlanner.Plan(d, model);

        Assert.DoesNotContain(plan.Tables, t => t.Columns.Any(c => c.Name == "Label"));
        var label = plan.View.Columns.Single(c => c.Name == "Label");
        Assert.NotNull(label.ComputedExpression);
        Assert.Equal(d.Source.ColumnNames, plan.View.Columns.Select(c => c.Name));

        var forward = ScriptAssert.Parses(new TSqlMigrationEmitter().Emit([plan]).Forward);
        var view = ScriptAssert.DynamicSql(forward).Select(ScriptAssert.Parses).SelectMany(ScriptAssert.All<CreateViewStatement>).Single();
        var labelExpression = ((QuerySpecification)view.SelectStatement.QueryExpression).SelectElements
            .Cast<SelectScalarExpression>().Single(e => e.ColumnName.Value == "Label").Expression;
        var references = ScriptAssert.All<ColumnReferenceExpression>(labelExpression);
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.Equal(2, r.MultiPartIdentifier.Identifiers.Count));
    }

    [Fact]
    public void A_table_without_a_key_is_checked_for_duplicate_rows_and_an_mvd_split_for_spurious_rows()
    {
        var model = Ingest(Path.Combine(TestPaths.SampleSchemas, "6-multivalued-dependency", "schema.sql"));
        var table = model.Tables[0];
        table.PrimaryKey = null;
        var d = Propose(model, table, NormalForm.Fourth);
        var plan = MigrationPlanner.Plan(d, model);
        Assert.Single(plan.Checks.OfType<DuplicateRowCheck>());
        var join = Assert.Single(plan.Checks.OfType<JoinCheck>());
        Assert.Equal(2, join.Components.Count);
        var forward = ScriptAssert.Parses(new TSqlMigrationEmitter().Emit([plan]).Forward);
        Assert.Contains(ScriptAssert.All<BinaryQueryExpression>(forward), e => e.BinaryQueryExpressionType == BinaryQueryExpressionType.Except);
    }

    [Fact]
    public void Column_types_keep_length_precision_collation_and_alias_types()
    {
        Assert.Equal("DECIMAL (19, 4)", Text(new Model.SqlType("decimal", Precision: 19, Scale: 4)));
        Assert.Equal("NVARCHAR (MAX)", Text(new Model.SqlType("nvarchar", Length: -1)));
        Assert.Equal("DATETIME2 (3)", Text(new Model.SqlType("datetime2", Scale: 3)));
        Assert.Equal("VARCHAR (MAX)", Text(new Model.SqlType("text")));
        Assert.Equal("[dbo].[Phone]", Text(new Model.SqlType("nvarchar", Length: 24) { Alias = new Model.QualifiedName("dbo", "Phone") }));
        Assert.Equal("geography", Text(new Model.SqlType("geography")));

        static string Text(Model.SqlType t) => TSqlMigrationEmitter.Generate(TSqlMigrationEmitter.DataType(t)).Trim();
    }
}
