using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Decomposer.Naming;
using SchemaNorm.Decomposer.Proposal;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>The choices a designer would make: which split first, declared keys kept whole, names, which data FDs to trust.</summary>
public class DesignChoiceTests
{
    private static Table Table(string name, params string[] columns)
    {
        var t = new Table(new QualifiedName("dbo", name), new SourceLocation("t.sql", 1, 1));
        foreach (var c in columns) t.Columns.Add(new Column(c, new SqlType("int"), new SourceLocation("t.sql", 2, 1)) { IsNullable = false });
        return t;
    }

    private static TableDependency Fd(Table t, string lhs, string rhs) => TableDependency.Functional(
        new FunctionalDependency(AttributeSet.Of(lhs.Split(',').Select(c => t.IndexOf(c.Trim()))), AttributeSet.Of(rhs.Split(',').Select(c => t.IndexOf(c.Trim())))),
        DependencySource.Declared);

    private static TableDependency Key(Table t) => TableDependency.Functional(
        new FunctionalDependency(AttributeSet.Of(t.PrimaryKey!.Columns.Select(t.IndexOf)), AttributeSet.Range(t.Columns.Count)), DependencySource.Key);

    [Fact]
    public void A_split_that_keeps_the_primary_key_whole_comes_first_and_a_tearing_one_only_when_nothing_else_is_left()
    {
        var t = Table("R", "A", "B", "C", "D");
        t.PrimaryKey = new KeyConstraint("PK_R", true, ["A", "B"], new SourceLocation("t.sql", 3, 1));
        var d = Normalizer.Propose(t, [Key(t), Fd(t, "C", "B"), Fd(t, "A", "D")]);

        Assert.Equal("A", d.Steps[0].Lhs.Format(d.ColumnNames));
        Assert.Null(d.Steps[0].Relaxed);
        Assert.Equal("C", d.Steps[1].Lhs.Format(d.ColumnNames));
        Assert.Contains("primary key (A, B)", d.Steps[1].Relaxed);
        Assert.Contains(d.Notes, n => n.Contains("primary key (A, B) is split"));
        Assert.True(d.Lossless);
    }

    [Fact]
    public void A_foreign_key_moves_whole_with_its_columns_and_is_not_torn_apart_while_another_split_exists()
    {
        var t = Table("R", "K", "A", "C", "D", "E");
        t.PrimaryKey = new KeyConstraint("PK_R", true, ["K"], new SourceLocation("t.sql", 3, 1));
        t.ForeignKeys.Add(new ForeignKey("FK_R_T", ["C", "D"], new QualifiedName("dbo", "T"), ["C", "D"], new SourceLocation("t.sql", 4, 1)));

        // A -> C, D moves the whole foreign key, which goes with it.
        var whole = Normalizer.Propose(t, [Key(t), Fd(t, "A", "C, D")]);
        var holder = whole.Tables.Single(x => x.ForeignKeys.Any(f => f.IsExternal));
        Assert.Equal("A, C, D", holder.Columns.Format(whole.ColumnNames));
        Assert.Equal("T", holder.ForeignKeys.Single(f => f.IsExternal).ReferencedTable);

        // A -> C alone would tear it apart, and E -> A is the split left: the proposal then tears it, says
        // so, and (both tearing it) takes the dependency-preserving BCNF decomposition that exists.
        var torn = Normalizer.Propose(t, [Key(t), Fd(t, "A", "C"), Fd(t, "E", "A")]);
        Assert.True(torn.DependencyPreserving);
        Assert.Contains(torn.Notes, n => n.Contains("foreign key (C, D) to dbo.T is not held by any one table"));
    }

    [Fact]
    public void A_preserving_decomposition_that_tears_a_foreign_key_the_splits_keep_whole_is_offered_beside_them()
    {
        var t = Table("R", "K", "A", "B", "C", "D");
        t.PrimaryKey = new KeyConstraint("PK_R", true, ["K"], new SourceLocation("t.sql", 3, 1));
        t.ForeignKeys.Add(new ForeignKey("FK_R_T", ["A", "B"], new QualifiedName("dbo", "T"), ["A", "B"], new SourceLocation("t.sql", 4, 1)));
        var d = Normalizer.Propose(t, [Key(t), Fd(t, "C, D", "A"), Fd(t, "B", "D")]);

        Assert.Equal(DecompositionMethod.BcnfSplit, d.Method);
        Assert.Contains(d.Tables, x => AttributeSet.Of(t.IndexOf("A"), t.IndexOf("B")).IsSubsetOf(x.Columns));
        Assert.False(d.DependencyPreserving);
        Assert.True(d.DependencyPreservingBcnfExists);
        var alt = Assert.IsType<Decomposition>(d.Alternative);
        Assert.True(alt.DependencyPreserving);
        Assert.DoesNotContain(alt.Tables, x => AttributeSet.Of(t.IndexOf("A"), t.IndexOf("B")).IsSubsetOf(x.Columns));
        Assert.Contains(d.Notes, n => n.Contains("splits the foreign key (A, B)"));
    }

    [Theory]
    [InlineData("CustomerID", "Customer")]
    [InlineData("DeptCode", "Dept")]
    [InlineData("County_name", "County")]
    [InlineData("Lot#", "Lot")]
    [InlineData("Property_id#", "Property")]
    [InlineData("Ssn", null)]
    [InlineData("au_id", null)]
    [InlineData("S#", null)]
    public void Key_columns_name_tables_after_what_they_identify(string column, string? stem) =>
        Assert.Equal(stem, TableNamer.Stem(column));

    [Theory]
    [InlineData("Customers", "Customer")]
    [InlineData("Category", "Categories")]
    [InlineData("Address", "Addresses")]
    [InlineData("Status", "Statuses")]
    [InlineData("Statuses", "Status")]
    [InlineData("Analysis", "Analyses")]
    [InlineData("Bus", "Buses")]
    [InlineData("People", "Person")]
    [InlineData("ORDERS", "ORDER")]
    [InlineData("order_items", "order_item")]
    // Uncountable: no other number, rather than a word that is not one (Sery, New).
    [InlineData("Series", "Series")]
    [InlineData("News", "News")]
    [InlineData("Equipment", "Equipment")]
    [InlineData("Table1", "Table1")]
    public void The_other_number_of_a_name_is_a_real_word(string name, string other) =>
        Assert.Equal(other, TableNamer.OtherNumber(name));

    [Fact]
    public void Names_avoid_reserved_words_and_names_in_use_and_follow_referenced_tables()
    {
        var orders = Table("Orders", "OrderID", "CustomerID", "ShipperID", "Note");
        orders.ForeignKeys.Add(new ForeignKey("FK_Orders_Shippers", ["ShipperID"], new QualifiedName("dbo", "Shippers"), ["ShipperID"], new SourceLocation("t.sql", 5, 1)));
        var model = new SchemaModel();
        model.Add(orders);
        model.Add(Table("Customer", "X"));
        var namer = new TableNamer(orders, model);
        int Col(string c) => orders.IndexOf(c);

        // The remainder of Orders keeps its key: Order (the other number).
        Assert.Equal("Order_2", namer.Name(AttributeSet.Of(Col("OrderID"), Col("Note")), AttributeSet.Of(Col("OrderID")), keepsSourceKey: true));
        // CustomerID -> Customer is taken by another table: Customers.
        Assert.Equal("Customers", namer.Name(AttributeSet.Of(Col("CustomerID"), Col("Note")), AttributeSet.Of(Col("CustomerID"))));
        // Keyed by a foreign key's columns: the referenced table's name (free in this model).
        Assert.Equal("Shippers", namer.Name(AttributeSet.Of(Col("ShipperID"), Col("Note")), AttributeSet.Of(Col("ShipperID"))));
        // Ordered is reserved? No; Order is: a table keyed by OrderID elsewhere gets Orders' other forms.
        var again = namer.Name(AttributeSet.Of(Col("OrderID"), Col("CustomerID")), AttributeSet.Of(Col("OrderID")));
        Assert.DoesNotContain(again, new[] { "Order", "Orders", "Order_2" });
    }

    private static Table WithRows(Table t, params string?[][] rows)
    {
        var b = new TableDataBuilder(t.ColumnNames);
        foreach (var r in rows) b.AddRow(r);
        t.Data = b.Build();
        return t;
    }

    private static TableDependency DataFd(Table t, string lhs, string rhs) => TableDependency.Functional(
        new FunctionalDependency(AttributeSet.Of(t.IndexOf(lhs)), AttributeSet.Of(t.IndexOf(rhs))), DependencySource.Data,
        evidence: new DataEvidence(t.Data!.RowCount, 0));

    [Fact]
    public void A_data_fd_that_mostly_repeats_null_is_not_split_on()
    {
        var t = Table("People", "PersonID", "Company", "Suffix");
        t.PrimaryKey = new KeyConstraint("PK_People", true, ["PersonID"], new SourceLocation("t.sql", 3, 1));
        // 100 companies of two people without a suffix, 100 companies of one person with one: the FD is far
        // from chance, but every repeat is a repeated NULL.
        var rows = Enumerable.Range(0, 300).Select(i => i < 200
            ? new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Company " + i / 2, null }
            : [i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Company " + i, "Suffix " + i]).ToArray();
        WithRows(t, rows);
        var d = Normalizer.Propose(t, [Key(t), DataFd(t, "Company", "Suffix")]);
        Assert.Equal(DecompositionMethod.None, d.Method);
        Assert.Contains(d.SetAside, a => a.Reason.Contains("mostly as NULL"));
    }

    [Fact]
    public void A_data_fd_onto_columns_named_for_the_whole_identifier_is_split_on_with_one_repeated_value()
    {
        // One size unit in the sample (CM), NULL for unsized products: SizeUnitCodeName is named for SizeUnitCode
        // itself; Label, with the same values, is not, and one repeated value is too few for it.
        var t = Table("Product", "ProductID", "SizeUnitCode", "SizeUnitCodeName", "Label");
        t.PrimaryKey = new KeyConstraint("PK_Product", true, ["ProductID"], new SourceLocation("t.sql", 3, 1));
        var rows = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "CM", "Centimeter", "x" }
            : [i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null]).ToArray();
        WithRows(t, rows);
        var named = Normalizer.Propose(t, [Key(t), DataFd(t, "SizeUnitCode", "SizeUnitCodeName")]);
        Assert.Equal("SizeUnitCode", Assert.Single(named.Steps).Lhs.Format(named.ColumnNames));
        var unnamed = Normalizer.Propose(t, [Key(t), DataFd(t, "SizeUnitCode", "Label")]);
        Assert.Equal(DecompositionMethod.None, unnamed.Method);
        Assert.Contains(unnamed.SetAside, a => a.Reason.Contains("only one left-side value repeats"));
    }

    [Fact]
    public void A_data_fd_onto_columns_named_for_the_identifiers_stem_is_not_judged_by_chance()
    {
        // Fourteen subcategories in two categories: in so few rows the category's name could follow its id by
        // chance, but CategoryName and Category_rowguid carry CategoryID's stem; Label, with the same values, does not.
        var t = Table("Subcategory", "SubcategoryID", "CategoryID", "CategoryName", "Category_rowguid", "Label");
        t.PrimaryKey = new KeyConstraint("PK_Subcategory", true, ["SubcategoryID"], new SourceLocation("t.sql", 3, 1));
        var rows = Enumerable.Range(0, 14).Select(i => new string?[]
        {
            i.ToString(System.Globalization.CultureInfo.InvariantCulture), i < 11 ? "1" : "2", i < 11 ? "Components" : "Bikes",
            i < 11 ? "guid-1" : "guid-2", i < 11 ? "Components" : "Bikes",
        }).ToArray();
        WithRows(t, rows);
        var named = Normalizer.Propose(t, [Key(t), DataFd(t, "CategoryID", "CategoryName"), DataFd(t, "CategoryID", "Category_rowguid")]);
        Assert.Equal("CategoryID", Assert.Single(named.Steps).Lhs.Format(named.ColumnNames));
        var unnamed = Normalizer.Propose(t, [Key(t), DataFd(t, "CategoryID", "Label")]);
        Assert.Equal(DecompositionMethod.None, unnamed.Method);
        Assert.Contains(unnamed.SetAside, a => a.Reason.Contains("by chance"));
    }

    [Fact]
    public void A_data_fd_onto_columns_named_for_the_identifiers_stem_is_split_on_with_one_repeated_value()
    {
        // Ten territories: five in one country, each other country with one. CountryName and
        // CountryModifiedDate carry CountryCode's stem; Label, with the same values, does not.
        var t = Table("Territory", "TerritoryID", "CountryCode", "CountryName", "CountryModifiedDate", "Label");
        t.PrimaryKey = new KeyConstraint("PK_Territory", true, ["TerritoryID"], new SourceLocation("t.sql", 3, 1));
        var rows = Enumerable.Range(0, 10).Select(i => new string?[]
        {
            i.ToString(System.Globalization.CultureInfo.InvariantCulture), i < 5 ? "US" : "C" + i, i < 5 ? "United States" : "Country " + i,
            "2019-04-30", i < 5 ? "United States" : "Country " + i,
        }).ToArray();
        WithRows(t, rows);
        var named = Normalizer.Propose(t, [Key(t), DataFd(t, "CountryCode", "CountryName"), DataFd(t, "CountryCode", "CountryModifiedDate")]);
        Assert.Equal("CountryCode", Assert.Single(named.Steps).Lhs.Format(named.ColumnNames));
        var unnamed = Normalizer.Propose(t, [Key(t), DataFd(t, "CountryCode", "Label")]);
        Assert.Equal(DecompositionMethod.None, unnamed.Method);
        Assert.Contains(unnamed.SetAside, a => a.Reason.Contains("only one left-side value repeats"));
    }

    [Fact]
    public void A_data_fd_with_well_supported_repeats_is_split_on_and_the_rows_confirm_it()
    {
        var t = Table("People", "PersonID", "DeptCode", "DeptName");
        t.PrimaryKey = new KeyConstraint("PK_People", true, ["PersonID"], new SourceLocation("t.sql", 3, 1));
        var rows = Enumerable.Range(0, 20).Select(i => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "D" + i % 4, "Department " + i % 4 }).ToArray();
        WithRows(t, rows);
        var d = Normalizer.Propose(t, [Key(t), DataFd(t, "DeptCode", "DeptName"), DataFd(t, "DeptName", "DeptCode")]);
        var step = Assert.Single(d.Steps);
        Assert.True(step.DataOnly);
        Assert.Equal("DeptCode", step.Lhs.Format(d.ColumnNames)); // the identifier, not the name
        Assert.Contains(d.Tables, x => x.Name == "Dept" && x.Rows == 4);
        Assert.Contains(d.Data!.Redundancy, r => r.Column == "DeptName" && r.Before == 20 && r.After == 4);
        Assert.Equal(0, d.Data.SpuriousRows);
    }

    [Fact]
    public void A_data_fd_seen_repeated_once_is_too_little_evidence()
    {
        var t = Table("People", "PersonID", "DeptCode", "DeptName");
        t.PrimaryKey = new KeyConstraint("PK_People", true, ["PersonID"], new SourceLocation("t.sql", 3, 1));
        WithRows(t, ["1", "D1", "One"], ["2", "D1", "One"], ["3", "D2", "Two"], ["4", "D3", "Three"]);
        var d = Normalizer.Propose(t, [Key(t), DataFd(t, "DeptCode", "DeptName")]);
        Assert.Equal(DecompositionMethod.None, d.Method);
        Assert.Contains(d.SetAside, a => a.Reason.Contains("only one left-side value repeats"));
    }
}
