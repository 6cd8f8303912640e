using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Emit;
using SchemaNorm.Decomposer.Migration;
using static SchemaNorm.Databases.SqlServer.Ast;

namespace SchemaNorm.Databases.SqlServer;

/// <summary>
/// T-SQL for SQL Server, built as a ScriptDom syntax tree and written by its script generator. Each
/// table is one batch: SET XACT_ABORT ON and one transaction, so that any error (or a failed check, which
/// THROWs) rolls everything back. The batch compiles whether the migration has run or not (statements
/// that must see the new objects run as dynamic SQL), so running it again only prints that it was done.
/// See <see cref="MigrationPlan"/> for the steps.
/// </summary>
public sealed class TSqlMigrationEmitter : IMigrationEmitter
{
    private const string Violations = "@violations";
    private const string Message = "@message";
    private const string Missing = "@missing";
    private const string Extra = "@extra";
    private const string Before = "@before";
    private const string After = "@after";

    public string Dialect => "T-SQL";

    public MigrationScript Emit(IReadOnlyList<MigrationPlan> plans)
    {
        var forward = new TSqlScript();
        var rollback = new TSqlScript();
        foreach (var plan in plans) forward.Batches.Add(Forward(plan));
        foreach (var plan in plans.Reverse()) rollback.Batches.Add(Rollback(plan));
        if (plans.Count == 0)
        {
            var batch = new TSqlBatch();
            batch.Statements.Add(Print("schemanorm: nothing to migrate: no table below the target has a decomposition to apply."));
            forward.Batches.Add(batch);
            var none = new TSqlBatch();
            none.Statements.Add(Print("schemanorm: nothing to roll back."));
            rollback.Batches.Add(none);
        }
        return new MigrationScript(
            Header(plans, "migration") + GenerateOneLine(forward),
            Header(plans, "rollback") + GenerateOneLine(rollback));
    }

    /// <summary>
    /// The script, with every batch whose names or texts hold a line break or control character run as
    /// dynamic SQL built one line at a time (see <see cref="AsOneLineBatches"/>): T-SQL has no escape for a
    /// line break inside a bracketed name, and a line-oriented tool (sqlcmd's GO and :commands, an editor)
    /// must never see one inside a name or string.
    /// </summary>
    private static string GenerateOneLine(TSqlScript script)
    {
        var batches = script.Batches.Select(b =>
        {
            var single = new TSqlScript();
            single.Batches.Add(b);
            var text = Generate(single);
            return HasUnsafeToken(text) ? AsOneLineBatches(text) : text;
        });
        return string.Join(Environment.NewLine + "GO" + Environment.NewLine, batches);
    }

    /// <summary>
    /// True when a name or string literal of the batch holds a character <see cref="DisplayText.NeedsEscape"/>.
    /// A literal whose only such characters are line breaks may be SQL run dynamically (laid out on several
    /// lines by the generator): it counts when it is not SQL that parses, or when a name or literal inside it does.
    /// </summary>
    private static bool HasUnsafeToken(string batch)
    {
        var tokens = new TSql170Parser(initialQuotedIdentifiers: true).GetTokenStream(new StringReader(batch), out _);
        foreach (var t in tokens)
        {
            if (t.Text is null || t.TokenType is TSqlTokenType.WhiteSpace or TSqlTokenType.SingleLineComment or TSqlTokenType.MultilineComment || !DisplayText.HasUnsafe(t.Text))
                continue;
            if (t.TokenType is not (TSqlTokenType.UnicodeStringLiteral or TSqlTokenType.AsciiStringLiteral)) return true;
            var text = t.Text[(t.Text.IndexOf('\'') + 1)..^1].Replace("''", "'", StringComparison.Ordinal);
            if (DisplayText.HasUnsafe(text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)) || !ParsesAsSql(text) || HasUnsafeToken(text))
                return true;
        }
        return false;
    }

    private static bool ParsesAsSql(string text)
    {
        new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);
        return errors.Count == 0;
    }

    /// <summary>
    /// The batch as EXEC sys.sp_executesql @schemanorm_batch, the text assembled by one SET per piece:
    /// each piece a one-line N'...' literal, and each line break or control character NCHAR(code).
    /// </summary>
    private static string AsOneLineBatches(string batch)
    {
        const string variable = "@schemanorm_batch";
        var nl = Environment.NewLine;
        var sb = new StringBuilder();
        sb.Append("-- This batch names objects whose names hold line breaks or control characters: it runs as dynamic SQL.").Append(nl);
        sb.Append("DECLARE ").Append(variable).Append(" AS NVARCHAR (MAX) = N'';").Append(nl);
        var piece = new StringBuilder();
        foreach (var c in batch)
        {
            if (!DisplayText.NeedsEscape(c))
            {
                piece.Append(c);
                continue;
            }
            sb.Append("SET ").Append(variable).Append(" += N'").Append(piece.ToString().Replace("'", "''", StringComparison.Ordinal))
              .Append("' + NCHAR(").Append((int)c).Append(");").Append(nl);
            piece.Clear();
        }
        if (piece.Length > 0)
            sb.Append("SET ").Append(variable).Append(" += N'").Append(piece.ToString().Replace("'", "''", StringComparison.Ordinal)).Append("';").Append(nl);
        sb.Append("EXECUTE sys.sp_executesql ").Append(variable).Append(';').Append(nl);
        return sb.ToString();
    }

    /// <summary>The script text of a syntax tree (keywords upper case, statements ended by semicolons).</summary>
    public static string Generate(TSqlFragment fragment)
    {
        var generator = new Sql170ScriptGenerator(new SqlScriptGeneratorOptions
        {
            KeywordCasing = KeywordCasing.Uppercase,
            IncludeSemicolons = true,
            AlignClauseBodies = false,
            IndentationSize = 4,
        });
        generator.GenerateScript(fragment, out var text);
        return text.TrimEnd() + Environment.NewLine;
    }

    private static string Header(IReadOnlyList<MigrationPlan> plans, string what)
    {
        var lines = new List<string> { $"-- schemanorm {what} script (T-SQL, SQL Server 2012 or later)." };
        foreach (var p in plans) lines.Add($"--   {DisplayText.SqlComment(p.Summary)}");
        if (what == "migration")
        {
            lines.Add("-- Each table: checks the dependencies on the live rows, creates and fills the new tables, renames the");
            lines.Add("-- old table (kept), creates a view under its name, verifies the view against it, then commits.");
            lines.Add("-- Running it again does nothing. The rollback script undoes it.");
            foreach (var n in plans.SelectMany(p => p.Notes).Distinct()) lines.Add($"-- note: {DisplayText.SqlComment(n)}");
        }
        else
        {
            lines.Add("-- Each table: copies back rows changed through the new tables, moves foreign keys back, drops the");
            lines.Add("-- view and the new tables, and gives the old table its name back. Running it again does nothing.");
        }
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private TSqlBatch Forward(MigrationPlan plan)
    {
        var b = new TSqlBatch();
        var s = b.Statements;
        var source = plan.Source;
        s.Add(SetOption(SetOptions.XactAbort, true));
        s.Add(SetOption(SetOptions.NoCount, true));

        // Already applied: the old table sits under its new name and a view under the old one.
        s.Add(If(And([ObjectExists(plan.RenamedSource, "U", true), ObjectExists(source, "V", true)]),
            Block(Print($"schemanorm: {source} was already migrated ({plan.RenamedSource} holds the old rows); nothing to do."), new ReturnStatement())));
        s.Add(If(ObjectExists(source, "U", false),
            Throw(50000, Message($"schemanorm: {source} is not a table in this database; nothing was changed."))));
        var taken = plan.Tables.Select(t => t.Name).Prepend(plan.RenamedSource).ToList();
        s.Add(If(Or(taken.Select(n => ObjectExists(n, null, true))),
            Throw(50000, Message($"schemanorm: one of {string.Join(", ", taken)} already exists; nothing was changed."))));

        s.Add(Declare((Violations, BigInt), (Message, NVarChar(2048)), (Missing, BigInt), (Extra, BigInt), (Before, BigInt), (After, BigInt)));
        s.Add(new BeginTransactionStatement());

        // Keep writers out until the commit: an exclusive table lock, held by the transaction.
        var lockQuery = new TSqlScript();
        var lockBatch = new TSqlBatch();
        lockBatch.Statements.Add(Declare(("@lock", Type(SqlDataTypeOption.Int))));
        var lockRead = Table(source);
        lockRead.TableHints.Add(new TableHint { HintKind = TableHintKind.TabLockX });
        lockRead.TableHints.Add(new TableHint { HintKind = TableHintKind.HoldLock });
        lockBatch.Statements.Add(new SelectStatement { QueryExpression = WithTop(Query([Assign("@lock", Int(1))], lockRead), 1) });
        lockQuery.Batches.Add(lockBatch);
        s.Add(Exec(SystemName("sys", "sp_executesql"), [Text(GenerateInline(lockQuery))]));

        foreach (var check in plan.Checks)
        {
            s.Add(CheckQuery(check, plan));
            s.Add(If(Compare(Var(Violations), BooleanComparisonType.GreaterThan, Int(0)), Block(
                Set(Message, Call("CONCAT", Message($"schemanorm: {check.Description}, but the rows of {source} break it: "), Var(Violations),
                    Message($" {check.Unit}; nothing was changed."))),
                Throw(50001, Var(Message)))));
        }

        foreach (var t in plan.Tables) s.Add(CreateTable(t));
        foreach (var fill in plan.Fills)
            foreach (var statement in Fill(fill, plan)) s.Add(statement);
        foreach (var fk in plan.ForeignKeys) s.Add(AddForeignKey(fk.Table, fk.ConstraintName, fk.Columns, fk.Referenced, fk.ReferencedColumns));
        foreach (var r in plan.IncomingForeignKeys)
        {
            s.Add(DropConstraint(r.Child, r.ConstraintName));
            s.Add(AddForeignKey(r.Child, r.ConstraintName, r.Columns, r.NewTarget, r.ReferencedColumns));
        }

        s.Add(Exec(SystemName("sys", "sp_rename"), [Text(Quoted(source)), Text(plan.RenamedSource.Name)]));
        s.Add(ExecText(GenerateInline(CreateView(plan.View))));

        // The view must give back exactly the old rows.
        s.Add(Exec(SystemName("sys", "sp_executesql"),
            [Text(GenerateInline(Comparison(plan.RenamedSource, source, plan))), Text("@missing bigint OUTPUT, @extra bigint OUTPUT, @before bigint OUTPUT, @after bigint OUTPUT")],
            [(Missing, Missing), (Extra, Extra), (Before, Before), (After, After)]));
        s.Add(If(Or([
                Compare(Var(Missing), BooleanComparisonType.NotEqualToBrackets, Int(0)),
                Compare(Var(Extra), BooleanComparisonType.NotEqualToBrackets, Int(0)),
                Compare(Var(Before), BooleanComparisonType.NotEqualToBrackets, Var(After))]),
            Block(
                Set(Message, Call("CONCAT", Message($"schemanorm: the view {source} does not return the old rows ("), Var(Missing),
                    Text(" missing, "), Var(Extra), Text(" extra, "), Var(Before), Text(" rows before, "), Var(After), Text(" after); nothing was changed."))),
                Throw(50002, Var(Message)))));
        s.Add(new CommitTransactionStatement());
        s.Add(Print($"schemanorm: migrated {plan.Summary}; the old rows are in {plan.RenamedSource}."));
        return b;
    }

    private TSqlBatch Rollback(MigrationPlan plan)
    {
        var b = new TSqlBatch();
        var s = b.Statements;
        var source = plan.Source;
        s.Add(SetOption(SetOptions.XactAbort, true));
        s.Add(SetOption(SetOptions.NoCount, true));
        s.Add(If(ObjectExists(plan.RenamedSource, "U", false),
            Block(Print($"schemanorm: {plan.RenamedSource} does not exist: {source} is not migrated; nothing to roll back."), new ReturnStatement())));
        s.Add(If(ObjectExists(source, "U", true),
            Throw(50000, Message($"schemanorm: {source} is a table again; nothing was changed."))));
        s.Add(Declare((Missing, BigInt), (Extra, BigInt), (Before, BigInt), (After, BigInt)));
        s.Add(new BeginTransactionStatement());

        // Rows changed through the new tables since the migration go back into the old table.
        s.Add(If(ObjectExists(source, "V", true), Block(
            Exec(SystemName("sys", "sp_executesql"),
                [Text(GenerateInline(Comparison(plan.RenamedSource, source, plan))), Text("@missing bigint OUTPUT, @extra bigint OUTPUT, @before bigint OUTPUT, @after bigint OUTPUT")],
                [(Missing, Missing), (Extra, Extra), (Before, Before), (After, After)]),
            If(Or([
                    Compare(Var(Missing), BooleanComparisonType.NotEqualToBrackets, Int(0)),
                    Compare(Var(Extra), BooleanComparisonType.NotEqualToBrackets, Int(0)),
                    Compare(Var(Before), BooleanComparisonType.NotEqualToBrackets, Var(After))]),
                Exec(SystemName("sys", "sp_executesql"), [Text(GenerateInline(CopyBack(plan)))])))));

        foreach (var r in plan.IncomingForeignKeys) s.Add(DropConstraintIfExists(r.Child, r.ConstraintName));
        var dropView = new DropViewStatement();
        dropView.Objects.Add(Name(source));
        s.Add(If(ObjectExists(source, "V", true), dropView));
        foreach (var t in plan.Tables.Reverse())
        {
            var drop = new DropTableStatement();
            drop.Objects.Add(Name(t.Name));
            s.Add(If(ObjectExists(t.Name, "U", true), drop));
        }
        s.Add(Exec(SystemName("sys", "sp_rename"), [Text(Quoted(plan.RenamedSource)), Text(source.Name)]));
        foreach (var r in plan.IncomingForeignKeys)
            s.Add(AddForeignKey(r.Child, r.ConstraintName, r.Columns, source, r.ReferencedColumns));
        s.Add(new CommitTransactionStatement());
        s.Add(Print($"schemanorm: rolled back {source}: the table has its name and its rows back."));
        return b;
    }

    private static QuerySpecification WithTop(QuerySpecification q, int n)
    {
        q.TopRowFilter = new TopRowFilter { Expression = Int(n) };
        return q;
    }

    /// <summary>A statement text for dynamic SQL, without the trailing line break.</summary>
    private static string GenerateInline(TSqlFragment fragment) => Generate(fragment).TrimEnd();


    // ---- pre-flight checks -------------------------------------------------------------------

    private static SelectStatement CheckQuery(DependencyCheck check, MigrationPlan plan)
    {
        var source = plan.Source;
        var types = plan.SourceColumns.ToDictionary(c => c.Name, c => c, StringComparer.OrdinalIgnoreCase);
        ScalarExpression Cmp(string column, string? qualifier = null) => Comparable(Column(column, qualifier), types[column]);
        IEnumerable<SelectElement> Cols(IEnumerable<string> columns, string? qualifier = null) => columns.Select(c => Select(Cmp(c, qualifier), c));

        switch (check)
        {
            case FunctionalDependencyCheck fd when fd.Lhs.Count == 0:
            {
                // A constant column: more than one distinct value is a violation.
                var distinct = Query(Cols(fd.Rhs), Table(source), distinct: true);
                return SelectInto(Violations, new BinaryExpression { FirstExpression = CountBig(), SecondExpression = Int(1), BinaryExpressionType = BinaryExpressionType.Subtract }, Derived(distinct, "d"));
            }
            case FunctionalDependencyCheck fd:
            {
                var distinct = Query(Cols(fd.Lhs.Concat(fd.Rhs)), Table(source), distinct: true);
                var groups = Query(fd.Lhs.Select(c => Select(Column(c))), Derived(distinct, "d"));
                groups.GroupByClause = new GroupByClause();
                foreach (var c in fd.Lhs) groups.GroupByClause.GroupingSpecifications.Add(new ExpressionGroupingSpecification { Expression = Column(c) });
                groups.HavingClause = new HavingClause { SearchCondition = Compare(CountBig(), BooleanComparisonType.GreaterThan, Int(1)) };
                return SelectInto(Violations, CountBig(), Derived(groups, "v"));
            }
            case NullKeyCheck nk:
                return SelectInto(Violations, CountBig(), Table(source), And([
                    Parens(Or(nk.Key.Select(c => (BooleanExpression)IsNull(Column(c))))),
                    Parens(Or(nk.Values.Select(c => (BooleanExpression)IsNull(Column(c), not: true))))]));
            case NotNullCheck nn:
                return SelectInto(Violations, CountBig(), Table(source), Or(nn.Columns.Select(c => (BooleanExpression)IsNull(Column(c)))));
            case DuplicateRowCheck dup:
            {
                var groups = Query(Cols(dup.Columns), Table(source));
                groups.GroupByClause = new GroupByClause();
                foreach (var c in dup.Columns) groups.GroupByClause.GroupingSpecifications.Add(new ExpressionGroupingSpecification { Expression = Cmp(c) });
                groups.HavingClause = new HavingClause { SearchCondition = Compare(CountBig(), BooleanComparisonType.GreaterThan, Int(1)) };
                return SelectInto(Violations, CountBig(), Derived(groups, "v"));
            }
            case JoinCheck jc:
            {
                // Rows of the join of the projections that are not rows of the source.
                var all = jc.Components.SelectMany(c => c).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                TableReference? from = null;
                var aliasOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < jc.Components.Count; i++)
                {
                    var alias = "p" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var part = Derived(Query(Cols(jc.Components[i]), Table(source), distinct: true), alias);
                    var shared = jc.Components[i].Where(aliasOf.ContainsKey).ToList();
                    if (from is null) from = part;
                    else if (shared.Count == 0) from = new UnqualifiedJoin { FirstTableReference = from, SecondTableReference = part, UnqualifiedJoinType = UnqualifiedJoinType.CrossJoin };
                    else from = new QualifiedJoin
                    {
                        FirstTableReference = from, SecondTableReference = part, QualifiedJoinType = QualifiedJoinType.Inner,
                        SearchCondition = And(shared.Select(c => (BooleanExpression)Compare(Column(c, alias), BooleanComparisonType.Equals, Column(c, aliasOf[c])))),
                    };
                    foreach (var c in jc.Components[i]) aliasOf.TryAdd(c, alias);
                }
                var joined = Query(all.Select(c => Select(Column(c, aliasOf[c]), c)), from);
                var rows = Query(Cols(all), Table(source));
                var except = new BinaryQueryExpression { BinaryQueryExpressionType = BinaryQueryExpressionType.Except, FirstQueryExpression = joined, SecondQueryExpression = rows };
                return SelectInto(Violations, CountBig(), Derived(except, "v"));
            }
            default:
                throw new NotSupportedException(check.GetType().Name);
        }
    }

    /// <summary>Columns of types that cannot be compared or grouped (xml, text, ntext, image) are converted first.</summary>
    private static ScalarExpression Comparable(ScalarExpression column, PlanColumn type) => type.Type.Name switch
    {
        "xml" or "ntext" => new CastCall { Parameter = column, DataType = MaxOf(SqlDataTypeOption.NVarChar) },
        "text" => new CastCall { Parameter = column, DataType = MaxOf(SqlDataTypeOption.VarChar) },
        "image" => new CastCall { Parameter = column, DataType = MaxOf(SqlDataTypeOption.VarBinary) },
        _ => column,
    };

    // ---- new tables ---------------------------------------------------------------------------

    private static CreateTableStatement CreateTable(NewTable t)
    {
        var definition = new TableDefinition();
        foreach (var c in t.Columns) definition.ColumnDefinitions.Add(ColumnDefinition(c));
        definition.TableConstraints.Add(Key(t.PrimaryKey, primary: true));
        foreach (var u in t.UniqueKeys) definition.TableConstraints.Add(Key(u, primary: false));
        foreach (var ck in t.Checks)
            if (ExpressionColumns.ParseCondition(ck.Expression) is { } condition)
                definition.TableConstraints.Add(new CheckConstraintDefinition { CheckCondition = condition, ConstraintIdentifier = ck.ConstraintName is null ? null : Id(ck.ConstraintName) });
        return new CreateTableStatement { SchemaObjectName = Name(t.Name), Definition = definition };
    }

    private static ColumnDefinition ColumnDefinition(PlanColumn c)
    {
        var d = new ColumnDefinition { ColumnIdentifier = Id(c.Name) };
        if (c.Computed is { } computed && ExpressionColumns.Parse(computed) is { } expression)
        {
            d.ComputedColumnExpression = expression;
            d.IsPersisted = c.Persisted;
            return d;
        }
        d.DataType = DataType(c.Type);
        if (c.Type.Collation is { } collation) d.Collation = Plain(collation);
        if (c.Identity)
            d.IdentityOptions = new IdentityOptions
            {
                IdentitySeed = new NumericLiteral { Value = Number(c.IdentitySeed) },
                IdentityIncrement = new NumericLiteral { Value = Number(c.IdentityIncrement) },
            };
        if (c.Default is { } def && !c.Identity && ExpressionColumns.Parse(def) is { } value)
            d.DefaultConstraint = new DefaultConstraintDefinition { Expression = value };
        d.Constraints.Add(new NullableConstraintDefinition { Nullable = c.Nullable });
        return d;
    }

    private static UniqueConstraintDefinition Key(PlanKey key, bool primary)
    {
        var k = new UniqueConstraintDefinition { IsPrimaryKey = primary, ConstraintIdentifier = Id(key.ConstraintName) };
        foreach (var c in key.Columns) k.Columns.Add(new ColumnWithSortOrder { Column = Column(c), SortOrder = SortOrder.NotSpecified });
        return k;
    }

    /// <summary>The column's type as the source declared it (an alias type by its name); text, ntext and image become their (max) successors.</summary>
    internal static DataTypeReference DataType(SqlType type)
    {
        if (type.Alias is { } alias)
            return new UserDataTypeReference { Name = Name(ObjectName.Of(alias)) };
        switch (type.Name)
        {
            case "xml": return new XmlDataTypeReference { Name = SystemNameOne("xml") };
            case "text": return MaxOf(SqlDataTypeOption.VarChar);
            case "ntext": return MaxOf(SqlDataTypeOption.NVarChar);
            case "image": return MaxOf(SqlDataTypeOption.VarBinary);
            case "sql_variant": return Type(SqlDataTypeOption.Sql_Variant);
            case "rowversion": return Type(SqlDataTypeOption.Rowversion);
        }
        if (!Enum.TryParse<SqlDataTypeOption>(type.Name, ignoreCase: true, out var option) || option is SqlDataTypeOption.None or SqlDataTypeOption.Table or SqlDataTypeOption.Cursor)
            return new UserDataTypeReference { Name = SystemNameOne(type.Name) };
        var t = Type(option);
        if (type.Length is int length) t.Parameters.Add(length < 0 ? new MaxLiteral { Value = "max" } : Int(length));
        else if (type.Name is "decimal" or "numeric" && type.Precision is int p)
        {
            t.Parameters.Add(Int(p));
            if (type.Scale is int s) t.Parameters.Add(Int(s));
        }
        else if (type.Name is "time" or "datetime2" or "datetimeoffset" && type.Scale is int fs) t.Parameters.Add(Int(fs));
        else if (type.Name is "float" && type.Precision is int fp) t.Parameters.Add(Int(fp));
        return t;
    }

    private static SchemaObjectName SystemNameOne(string name)
    {
        var n = new SchemaObjectName();
        n.Identifiers.Add(Plain(name));
        return n;
    }

    private static IEnumerable<TSqlStatement> Fill(TableFill fill, MigrationPlan plan)
    {
        var types = plan.SourceColumns.ToDictionary(c => c.Name, c => c, StringComparer.OrdinalIgnoreCase);
        if (fill.KeepsIdentity) yield return new SetIdentityInsertStatement { Table = Name(fill.Target), IsOn = true };
        var select = Query(fill.Columns.Select(c => Select(Comparable(Column(c), types[c]), c)), Table(plan.Source),
            fill.KeyColumns.Count == 0 ? null : And(fill.KeyColumns.Select(c => (BooleanExpression)IsNull(Column(c), not: true))), distinct: true);
        var insert = new InsertStatement
        {
            InsertSpecification = new InsertSpecification
            {
                InsertOption = InsertOption.Into,
                Target = Table(fill.Target),
                InsertSource = new SelectInsertSource { Select = select },
            },
        };
        foreach (var c in fill.Columns) insert.InsertSpecification.Columns.Add(Column(c));
        yield return insert;
        if (fill.KeepsIdentity) yield return new SetIdentityInsertStatement { Table = Name(fill.Target), IsOn = false };
    }

    private static AlterTableAddTableElementStatement AddForeignKey(ObjectName table, string name, IReadOnlyList<string> columns, ObjectName referenced, IReadOnlyList<string> referencedColumns)
    {
        var fk = new ForeignKeyConstraintDefinition { ConstraintIdentifier = Id(name), ReferenceTableName = Name(referenced) };
        foreach (var c in columns) fk.Columns.Add(Id(c));
        foreach (var c in referencedColumns) fk.ReferencedTableColumns.Add(Id(c));
        var definition = new TableDefinition();
        definition.TableConstraints.Add(fk);
        return new AlterTableAddTableElementStatement { SchemaObjectName = Name(table), Definition = definition };
    }

    private static AlterTableDropTableElementStatement DropConstraint(ObjectName table, string name)
    {
        var drop = new AlterTableDropTableElementStatement { SchemaObjectName = Name(table) };
        drop.AlterTableDropTableElements.Add(new AlterTableDropTableElement { Name = Id(name), TableElementType = TableElementType.Constraint });
        return drop;
    }

    private static IfStatement DropConstraintIfExists(ObjectName table, string name) =>
        If(ObjectExists(new ObjectName(table.Schema, name), "F", true), DropConstraint(table, name));

    // ---- the view, and checking it ------------------------------------------------------------

    private static CreateViewStatement CreateView(CompatibilityView view)
    {
        TableReference from = Table(view.Base.Table, view.Base.Alias);
        foreach (var j in view.Joins)
            from = new QualifiedJoin
            {
                FirstTableReference = from,
                SecondTableReference = Table(j.Table, j.Alias),
                QualifiedJoinType = j.Outer ? QualifiedJoinType.LeftOuter : QualifiedJoinType.Inner,
                SearchCondition = And(j.On.Select(o => (BooleanExpression)Compare(Column(o.Column, j.Alias), BooleanComparisonType.Equals, Column(o.OtherColumn, o.OtherAlias)))),
            };
        var aliasOf = view.Columns.Where(c => c.Alias is not null).ToDictionary(c => c.Name, c => c.Alias!, StringComparer.OrdinalIgnoreCase);
        var elements = new List<SelectElement>();
        foreach (var c in view.Columns)
        {
            if (c.ComputedExpression is { } expr && ExpressionColumns.Parse(expr) is { } parsed)
            {
                ExpressionColumns.Qualify(parsed, aliasOf);
                elements.Add(Select(parsed, c.Name));
            }
            else elements.Add(Select(Column(c.Column!, c.Alias), c.Name));
        }
        return new CreateViewStatement { SchemaObjectName = Name(view.Name), SelectStatement = new SelectStatement { QueryExpression = Query(elements, from) } };
    }

    /// <summary>
    /// @missing: old rows the view lacks; @extra: view rows that are not old rows; @before/@after: row counts.
    /// Columns the database sets itself (rowversion) are left out.
    /// </summary>
    private static TSqlScript Comparison(ObjectName oldTable, ObjectName view, MigrationPlan plan)
    {
        var columns = plan.SourceColumns.Where(c => !c.DatabaseGenerated).ToList();
        QuerySpecification Rows(ObjectName table) => Query(columns.Select(c => Select(Comparable(Column(c.Name), c), c.Name)), Table(table));
        SelectStatement Difference(string variable, ObjectName first, ObjectName second) => SelectInto(variable, CountBig(),
            Derived(new BinaryQueryExpression { BinaryQueryExpressionType = BinaryQueryExpressionType.Except, FirstQueryExpression = Rows(first), SecondQueryExpression = Rows(second) }, "d"));

        var script = new TSqlScript();
        var batch = new TSqlBatch();
        batch.Statements.Add(Difference(Missing, oldTable, view));
        batch.Statements.Add(Difference(Extra, view, oldTable));
        batch.Statements.Add(SelectInto(Before, CountBig(), Table(oldTable)));
        batch.Statements.Add(SelectInto(After, CountBig(), Table(view)));
        script.Batches.Add(batch);
        return script;
    }

    /// <summary>Replaces the old table's rows with the view's (the current data), keeping identity values.</summary>
    private static TSqlScript CopyBack(MigrationPlan plan)
    {
        var columns = plan.SourceColumns.Where(c => c.Computed is null && !c.DatabaseGenerated).ToList();
        bool identity = columns.Any(c => c.Identity);
        var script = new TSqlScript();
        var batch = new TSqlBatch();
        batch.Statements.Add(new DeleteStatement { DeleteSpecification = new DeleteSpecification { Target = Table(plan.RenamedSource) } });
        if (identity) batch.Statements.Add(new SetIdentityInsertStatement { Table = Name(plan.RenamedSource), IsOn = true });
        var insert = new InsertStatement
        {
            InsertSpecification = new InsertSpecification
            {
                InsertOption = InsertOption.Into,
                Target = Table(plan.RenamedSource),
                InsertSource = new SelectInsertSource { Select = Query(columns.Select(c => Select(Column(c.Name))), Table(plan.Source)) },
            },
        };
        foreach (var c in columns) insert.InsertSpecification.Columns.Add(Column(c.Name));
        batch.Statements.Add(insert);
        if (identity) batch.Statements.Add(new SetIdentityInsertStatement { Table = Name(plan.RenamedSource), IsOn = false });
        script.Batches.Add(batch);
        return script;
    }
}
