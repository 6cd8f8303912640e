using SchemaNorm.Analyzer.Data;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Discovery;

namespace SchemaNorm.Analyzer.Tests.Discovery;

public class DesignDependenciesTests
{
    // Orders: OrderID, CustomerID, City, Country, Email (near-unique), Amount (a measure), ModifiedDate (audit).
    // CustomerID -> City, Country and City -> Country hold over many repeated customers.
    private static TableData Orders(int rows = 120)
    {
        var cities = new[] { ("Berlin", "Germany"), ("Hamburg", "Germany"), ("Lyon", "France"), ("Paris", "France"), ("Madrid", "Spain"), ("Turin", "Italy") };
        var b = new TableDataBuilder(["OrderID", "CustomerID", "City", "Country", "Email", "Amount", "ModifiedDate"]);
        var rng = new Random(7);
        for (int i = 0; i < rows; i++)
        {
            int customer = rng.Next(20);
            var (city, country) = cities[customer % cities.Length];
            b.AddRow((1000 + i).ToString(), "C" + customer.ToString("00"), city, country,
                $"buyer{i}@example.com", (customer * 10 + 5).ToString() + ".50", "2024-01-0" + (customer % 3 + 1));
        }
        return b.Build();
    }

    private static DesignDependencySelection Select(TableData data, SchemaHints hints) =>
        DesignDependencies.Select(data, DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 3 }).Fds, hints);

    [Fact]
    public void The_foreign_key_determinant_takes_what_it_explains()
    {
        var data = Orders();
        var selection = Select(data, new SchemaHints
        {
            ForeignKeys = [AttributeSet.Of(1)],
            NonIdentifying = AttributeSet.Of(5, 6),
        });
        var customer = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.True(AttributeSet.Of(2, 3).IsSubsetOf(customer.Rhs));
        // Amount follows the customer in these rows too; it may ride along, but it never determines.
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Overlaps(AttributeSet.Of(5, 6)));
        // The audit column is never moved, whoever determines it.
        Assert.DoesNotContain(selection.Selected, s => s.Rhs.Contains(6));
        // Email is unique in the rows: it says no more than a key.
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(4));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Reason.Contains("unique"));
    }

    [Fact]
    public void A_parents_row_stamps_go_with_the_parent_and_the_tables_own_stay()
    {
        // A wide table that joined Product keeps the product's stamps under its name; the line's own
        // ModifiedDate follows the product in these rows too, but names no entity and is never moved.
        var b = new TableDataBuilder(["LineID", "ProductID", "ProductName", "ProductModifiedDate", "Product_rowguid", "ModifiedDate"]);
        var rng = new Random(5);
        for (int line = 0; line < 200; line++)
        {
            int product = rng.Next(25);
            b.AddRow(line.ToString(), product.ToString(), "Product " + product, "2024-02-" + (10 + product),
                $"00000000-0000-0000-0000-{product:000000000000}", "2025-01-" + (10 + product));
        }
        var selection = Select(b.Build(), new SchemaHints());
        var productFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.Equal(AttributeSet.Of(2, 3, 4), productFd.Rhs);
        Assert.DoesNotContain(selection.Selected, s => s.Rhs.Contains(5));
    }

    [Fact]
    public void A_column_joins_its_name_family_at_the_determinant_holding_the_rest()
    {
        // Orders ship to their customer's city in these rows, so CustomerID determines ShipCity; but ShipVia,
        // of the same family, is the order's alone: ShipCity goes with OrderID, CustomerCity with CustomerID.
        var b = new TableDataBuilder(["OrderID", "LineNo", "CustomerID", "CustomerCity", "ShipVia", "ShipCity"]);
        var rng = new Random(3);
        for (int order = 0; order < 80; order++)
        {
            int customer = order % 15;
            string city = "City" + customer % 8, via = rng.Next(3).ToString();
            for (int line = 1; line <= 3; line++)
                b.AddRow(order.ToString(), line.ToString(), "C" + customer, city, via, city);
        }
        var selection = Select(b.Build(), new SchemaHints());
        var orderFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(0));
        var customerFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(2));
        Assert.True(AttributeSet.Of(2, 4, 5).IsSubsetOf(orderFd.Rhs));
        Assert.Equal(AttributeSet.Of(3), customerFd.Rhs);
    }

    [Fact]
    public void A_column_constant_in_the_sample_joins_its_name_family()
    {
        // o_shippriority is 0 in every row: every set determines it, no FD says whose it is; its family (o_)
        // is the order's. The line's own l_quantity stays.
        var b = new TableDataBuilder(["l_orderkey", "l_linenumber", "o_orderstatus", "o_shippriority", "l_quantity"]);
        var rng = new Random(9);
        for (int order = 0; order < 60; order++)
        {
            string status = "FOP"[rng.Next(3)].ToString();
            for (int line = 1; line <= 3; line++)
                b.AddRow(order.ToString(), line.ToString(), status, "0", rng.Next(1, 50).ToString());
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0, 1)] });
        var orderFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(0));
        Assert.Equal(AttributeSet.Of(2, 3), orderFd.Rhs);
    }

    [Fact]
    public void Without_foreign_keys_each_column_goes_to_its_nearest_determinant()
    {
        // Order lines: ProductID -> SupplierID -> SupplierName, SupplierCountry. ProductID also determines the
        // supplier's columns, but they are facts about the supplier: SupplierID takes them, ProductID takes SupplierID.
        var b = new TableDataBuilder(["OrderID", "ProductID", "ProductName", "SupplierID", "SupplierName", "SupplierCountry", "Quantity"]);
        var rng = new Random(11);
        for (int order = 0; order < 150; order++)
            foreach (var product in Enumerable.Range(0, 30).OrderBy(_ => rng.Next()).Take(3))
            {
                int supplier = product % 7;
                b.AddRow(order.ToString(), product.ToString(), "Product " + product, supplier.ToString(),
                    "Supplier " + supplier, supplier % 2 == 0 ? "Norway" : "Japan", rng.Next(1, 50).ToString());
            }
        var data = b.Build();
        var selection = Select(data, new SchemaHints { NonIdentifying = AttributeSet.Of(6) });
        var supplierFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3));
        Assert.Equal(AttributeSet.Of(4, 5), supplierFd.Rhs);
        var productFd = Assert.Single(selection.Selected, s => s.Lhs.Contains(1) || s.Lhs.Contains(2));
        Assert.True(productFd.Rhs.Contains(3));
        Assert.False(productFd.Rhs.Overlaps(AttributeSet.Of(4, 5)));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == productFd.Lhs && c.Fd.Rhs == 4 && c.Reason.Contains("SupplierID"));
    }

    [Fact]
    public void Each_column_is_explained_once_and_every_selected_fd_holds()
    {
        var data = Orders();
        var selection = Select(data, new SchemaHints { NonIdentifying = AttributeSet.Of(5, 6) });
        var seen = AttributeSet.Empty;
        foreach (var s in selection.Selected)
        {
            Assert.False(s.Rhs.Overlaps(seen));
            seen |= s.Rhs;
            foreach (var a in s.Rhs)
                Assert.True(DependencyEvidence.ForFd(data, s.Lhs, a).Holds);
        }
    }

    [Fact]
    public void Equivalent_determinants_are_folded_into_one()
    {
        // Code and Name name the same thing (1:1); both determine Category.
        var b = new TableDataBuilder(["Id", "Code", "Name", "Category"]);
        for (int i = 0; i < 60; i++)
        {
            int k = i % 6;
            b.AddRow(i.ToString(), "K" + k, "Kind " + k, k < 3 ? "A" : "B");
        }
        var data = b.Build();
        var selection = Select(data, new SchemaHints());
        var determinants = selection.Selected.Select(s => s.Lhs).ToList();
        Assert.Single(determinants, d => d == AttributeSet.Of(1) || d == AttributeSet.Of(2));
    }

    [Fact]
    public void Computed_columns_take_no_part()
    {
        var b = new TableDataBuilder(["Id", "Qty", "Price", "Total"]);
        var rng = new Random(3);
        for (int i = 0; i < 200; i++)
        {
            int q = rng.Next(1, 4), p = rng.Next(1, 3) * 10;
            b.AddRow(i.ToString(), q.ToString(), p.ToString(), (q * p).ToString());
        }
        var data = b.Build();
        var selection = Select(data, new SchemaHints { Computed = AttributeSet.Of(3) });
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(3) || s.Rhs.Contains(3));
    }

    [Fact]
    public void A_second_column_that_only_separates_exceptions_is_a_candidate()
    {
        // Customer -> ShipName holds but for one customer who changed name once; (Customer, Clerk) holds exactly.
        var b = new TableDataBuilder(["Id", "Customer", "Clerk", "ShipName"]);
        for (int i = 0; i < 200; i++)
        {
            int c = i % 20, clerk = i % 7;
            string ship = c == 3 && clerk == 2 ? "Renamed Ltd" : "Ship " + c;
            b.AddRow(i.ToString(), "C" + c, "E" + clerk, ship);
        }
        var data = b.Build();
        var selection = Select(data, new SchemaHints());
        Assert.DoesNotContain(selection.Selected, s => s.Lhs == AttributeSet.Of(1, 2));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(1, 2) && c.Fd.Rhs == 3 && c.Reason.Contains("exceptions"));
    }

    [Fact]
    public void A_column_repeated_mostly_as_null_rides_along_but_never_leads()
    {
        // City -> Country (values) and City -> Region (mostly NULL); Company -> Note (only NULL repeats).
        var b = new TableDataBuilder(["Id", "City", "Country", "Region", "Company", "Note"]);
        var cities = new[] { ("London", "UK", null), ("Paris", "France", null), ("Lyon", "France", null), ("Austin", "USA", "TX"), ("Madrid", "Spain", null) };
        for (int i = 0; i < 100; i++)
        {
            var (name, country, region) = cities[i % cities.Length];
            int company = i % 43; // coprime with the 5 cities, so Company determines no city
            b.AddRow(i.ToString(), name, country, region, "Co" + company, company == 0 ? "vip" : null);
        }
        var data = b.Build();
        var selection = Select(data, new SchemaHints());
        var city = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.True(AttributeSet.Of(2, 3).IsSubsetOf(city.Rhs));
        Assert.DoesNotContain(selection.Selected, s => s.Lhs == AttributeSet.Of(4));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Fd.Rhs == 5);
        // Region (NULL in 80% of the rows) is there only through the NULL rule: City -> Region is plausible otherwise.
        Assert.DoesNotContain(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(1) && c.Fd.Rhs == 3);
    }

    [Fact]
    public void A_spent_budget_stops_the_selection()
    {
        var data = Orders();
        var fds = DependencyDiscovery.Discover(data, new DiscoveryOptions { MaxLhs = 3 }).Fds;
        Assert.NotEmpty(DesignDependencies.Select(data, fds, new SchemaHints()).Selected);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            DesignDependencies.Select(data, fds, new SchemaHints(), cancellation: new CancellationToken(canceled: true)));
    }
    [Fact]
    public void The_parent_behind_an_optional_reference_gets_its_own_determinant()
    {
        // Products without a model hold NULL in ProductModelID and in the model's columns.
        var b = new TableDataBuilder(["LineID", "ProductID", "ProductName", "ProductModelID", "ProductModelName"]);
        var rng = new Random(11);
        for (int line = 0; line < 200; line++)
        {
            int product = rng.Next(30);
            bool none = product % 4 == 0;
            b.AddRow("L" + line, "" + product, "Product " + product, none ? null : "" + product % 6, none ? null : "Model " + product % 6);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        var model = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3));
        Assert.Equal(AttributeSet.Of(4), model.Rhs);
        Assert.Equal(AttributeSet.Of(2, 3), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
    }

    [Fact]
    public void A_constant_column_joins_the_determinant_whose_columns_surround_it()
    {
        // CostYTD is 0 in every row, between two of the territory's columns; Level, also constant, sits
        // between the line's own columns and the territory's, and stays where it is.
        var b = new TableDataBuilder(["LineID", "Quantity", "Level", "TerritoryID", "TerritoryName", "CostYTD", "SalesYTD"]);
        var rng = new Random(13);
        for (int line = 0; line < 150; line++)
        {
            int territory = rng.Next(8);
            b.AddRow("L" + line, "" + rng.Next(1, 9), "1", "" + territory, "Territory " + territory, "0", "" + territory * 1000);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        var territoryFd = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3));
        Assert.Equal(AttributeSet.Of(4, 5, 6), territoryFd.Rhs);
        Assert.DoesNotContain(selection.Selected, s => s.Rhs.Contains(2));
    }

    [Fact]
    public void A_parents_constant_row_stamp_goes_to_the_longest_stem_that_names_it()
    {
        // Both determine the stamps (constant); the country's stamp is named for CountryCode, not for StateID.
        var b = new TableDataBuilder(["LineID", "StateID", "StateName", "StateModifiedDate", "StateCountryCode", "StateCountryCodeName", "StateCountryCodeModifiedDate"]);
        var rng = new Random(17);
        for (int line = 0; line < 150; line++)
        {
            int state = rng.Next(12);
            b.AddRow("L" + line, "" + state, "State " + state, "2024-01-01", "C" + state % 4, "Country " + state % 4, "2019-04-30");
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(2, 3, 4), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
        Assert.Equal(AttributeSet.Of(5, 6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(4)).Rhs);
    }

    [Fact]
    public void A_column_taken_from_the_middle_of_another_entitys_columns_goes_back()
    {
        // In these rows every territory of a country has the same Group, so CountryCode -> Group holds; but Group
        // is listed among the territory's columns, and the country's own name sits apart.
        var b = new TableDataBuilder(["LineID", "TerritoryID", "TerritoryName", "CountryCode", "Group", "SalesYTD", "CountryCodeName"]);
        var rng = new Random(19);
        for (int line = 0; line < 200; line++)
        {
            int territory = rng.Next(10);
            int country = territory % 4;
            b.AddRow("L" + line, "" + territory, "Territory " + territory, "C" + country, "G" + country % 2, "" + territory * 1000, "Country " + country);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(2, 3, 4, 5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
        Assert.Equal(AttributeSet.Of(6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3)).Rhs);
    }

    [Fact]
    public void A_determinants_columns_beside_its_identifier_stay_with_it()
    {
        // Hours of employees on projects: DeptID, Location, Budget among the employee's columns, the
        // department's columns beside its identifier. They are the department's, not the employee's.
        var b = new TableDataBuilder(["EmpID", "ProjectID", "EmpName", "DeptID", "Location", "Budget", "Hours"]);
        var rng = new Random(23);
        for (int e = 0; e < 40; e++)
        {
            int dept = rng.Next(6);
            for (int p = 0; p < 4; p++)
                b.AddRow("E" + e, "P" + (e + p) % 9, "Name " + e, "D" + dept, "Site " + dept, "" + dept * 500, "" + rng.Next(1, 40));
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0, 1)] });
        Assert.Equal(AttributeSet.Of(4, 5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3)).Rhs);
        Assert.Equal(AttributeSet.Of(2, 3), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(0)).Rhs);
    }

    [Fact]
    public void Two_quantities_one_to_one_with_each_other_are_no_table()
    {
        // ReorderPoint is three quarters of SafetyStockLevel for every product: both are the product's.
        var b = new TableDataBuilder(["LineID", "ProductID", "ProductName", "SafetyStockLevel", "ReorderPoint"]);
        var rng = new Random(29);
        for (int line = 0; line < 200; line++)
        {
            int product = rng.Next(40);
            int level = 4 * (product % 5 + 1);
            b.AddRow("L" + line, "" + product, "Product " + product, "" + level, "" + level * 3 / 4);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(2, 3, 4), Assert.Single(selection.Selected).Rhs);
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Reason.Contains("one to one"));
    }

    [Fact]
    public void A_column_taken_from_among_the_tables_own_columns_goes_back_to_the_table()
    {
        // Each subcategory's products happen to share one size unit, so SubcategoryID -> SizeUnit holds; but
        // SizeUnit is listed among the product's own columns, and the subcategory's columns sit apart.
        var b = new TableDataBuilder(["ProductID", "Size", "SizeUnit", "Weight", "SubcategoryID", "SubcategoryName", "SubcategoryGroup"]);
        var rng = new Random(31);
        for (int p = 0; p < 200; p++)
        {
            int subcategory = rng.Next(8);
            b.AddRow("P" + p, "" + rng.Next(38, 62), subcategory % 2 == 0 ? "CM" : "IN", "" + rng.Next(100, 900),
                "" + subcategory, "Subcategory " + subcategory, "G" + subcategory % 3);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(5, 6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(4)).Rhs);
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Fd.Rhs == 2 && c.Reason.Contains("table's own columns"));
    }

    [Fact]
    public void A_description_beside_its_reference_stays_with_it()
    {
        // ProductName follows ProductID among the line's columns: it is the product's, as everywhere.
        var b = new TableDataBuilder(["LineID", "Quantity", "ProductID", "ProductName", "Discount", "ProductColor"]);
        var rng = new Random(37);
        for (int line = 0; line < 200; line++)
        {
            int product = rng.Next(12);
            b.AddRow("L" + line, "" + rng.Next(1, 9), "" + product, "Product " + product, "" + rng.Next(0, 30), "C" + product % 5);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(3, 5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(2)).Rhs);
    }

    [Fact]
    public void Columns_taken_from_among_a_parents_columns_go_back_to_the_parent()
    {
        // Lines of products: each subcategory's products happen to share a size unit and a finish, so
        // SubcategoryID -> SizeUnit, Finish holds; both are listed among the product's columns.
        var b = new TableDataBuilder(["LineID", "Cost", "ProductID", "ProductName", "SizeUnit", "Finish", "Weight", "SubcategoryID", "SubcategoryName", "SubcategoryGroup"]);
        var rng = new Random(41);
        for (int line = 0; line < 300; line++)
        {
            int product = rng.Next(40), subcategory = product % 8;
            b.AddRow("L" + line, "" + rng.Next(10, 99), "" + product, "Product " + product, subcategory % 2 == 0 ? "CM" : "IN",
                subcategory < 4 ? "Matte" : "Gloss", "" + (100 + product * 7), "" + subcategory, "Subcategory " + subcategory, "G" + subcategory % 3);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(8, 9), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(7)).Rhs);
        Assert.Equal(AttributeSet.Of(3, 4, 5, 6, 7), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(2)).Rhs);
    }

    [Fact]
    public void A_parents_first_columns_after_the_keys_stay_with_the_parent()
    {
        // EmployeeID, TerritoryID, then the employee's LastName and FirstName: the territory's identifier
        // between them does not make the names the table's own; Grade, which no determinant takes, follows them.
        var b = new TableDataBuilder(["EmployeeID", "TerritoryID", "LastName", "FirstName", "Grade", "HireYear"]);
        var rng = new Random(43);
        for (int e = 0; e < 12; e++)
            for (int t = 0; t < 4; t++)
                b.AddRow("" + e, "T" + (e * 4 + t), "Last" + e, "First" + e, "" + rng.Next(1000), "" + (2000 + e));
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0, 1)] });
        Assert.True(AttributeSet.Of(2, 3).IsSubsetOf(Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(0)).Rhs));
    }

    [Fact]
    public void A_parents_row_stamp_never_determines()
    {
        // Subcategory_rowguid is one to one with SubcategoryID: the identifier is the design, the stamp is not.
        var b = new TableDataBuilder(["LineID", "ProductID", "ProductName", "SubcategoryID", "SubcategoryName", "Subcategory_rowguid"]);
        var rng = new Random(43);
        for (int line = 0; line < 200; line++)
        {
            int product = rng.Next(30), subcategory = product % 6;
            b.AddRow("L" + line, "" + product, "Product " + product, "" + subcategory, "Subcategory " + subcategory, "guid-" + subcategory * 7919);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(5));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(5) && c.Reason.Contains("row stamp"));
        Assert.Equal(AttributeSet.Of(4, 5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3)).Rhs);
    }

    [Fact]
    public void A_reference_listed_among_its_parents_columns_stays_with_the_parent_whatever_its_name_starts_with()
    {
        // ProductCategoryID starts with Product, but the table lists it with the subcategory's columns.
        var b = new TableDataBuilder(["LineID", "ProductID", "ProductName", "ProductSubcategoryID", "ProductCategoryID", "ProductSubcategoryName", "ProductCategoryName"]);
        var rng = new Random(47);
        for (int line = 0; line < 300; line++)
        {
            int product = rng.Next(40), subcategory = product % 8, category = subcategory % 3;
            b.AddRow("L" + line, "" + product, "Product " + product, "" + subcategory, "" + category, "Subcategory " + subcategory, "Category " + category);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(2, 3), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
        Assert.Equal(AttributeSet.Of(4, 5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3)).Rhs);
        Assert.Equal(AttributeSet.Of(6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(4)).Rhs);
    }

    [Fact]
    public void A_flag_constant_in_the_sample_does_not_keep_a_column_from_its_owner()
    {
        // Each subcategory's products happen to share MakeFlag; FinishedGoodsFlag is 1 everywhere. Both are listed
        // among the product's columns, so both are the product's.
        var b = new TableDataBuilder(["LineID", "ProductID", "ProductName", "MakeFlag", "FinishedGoodsFlag", "Color", "SubcategoryID", "SubcategoryName"]);
        var rng = new Random(53);
        for (int line = 0; line < 300; line++)
        {
            int product = rng.Next(40), subcategory = product % 8;
            b.AddRow("L" + line, "" + product, "Product " + product, "" + subcategory % 2, "1", "C" + product % 5, "" + subcategory, "Subcategory " + subcategory);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(2, 3, 4, 5, 6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
        Assert.Equal(AttributeSet.Of(7), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(6)).Rhs);
    }

    [Fact]
    public void A_reference_listed_with_the_tables_other_references_stays_in_the_table()
    {
        // Each model happens to be in one subcategory, so ProductModelID -> ProductSubcategoryID holds; but the
        // product lists its references together, and the subcategory is the product's.
        var b = new TableDataBuilder(["ProductID", "ProductName", "Style", "ProductSubcategoryID", "ProductModelID", "ProductModelName", "ProductSubcategoryName"]);
        var rng = new Random(59);
        for (int product = 0; product < 200; product++)
        {
            int model = rng.Next(20), subcategory = model % 7;
            b.AddRow("" + product, "Product " + product, "S" + rng.Next(3), "" + subcategory, "" + model, "Model " + model, "Subcategory " + subcategory);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(4)).Rhs);
        Assert.Equal(AttributeSet.Of(6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3)).Rhs);
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(4) && c.Fd.Rhs == 3 && c.Reason.Contains("table's own columns"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Two_quantities_one_to_one_in_the_entitys_own_table_are_no_table(bool declaredKey)
    {
        // A product table itself: ReorderPoint is three quarters of SafetyStockLevel for every product. The
        // product's key (declared, or unique in the rows) determines both; no other identifier does.
        var b = new TableDataBuilder(["ProductID", "ProductName", "SafetyStockLevel", "ReorderPoint", "Color"]);
        var rng = new Random(61);
        for (int product = 0; product < 200; product++)
        {
            int level = 4 * rng.Next(1, 6);
            b.AddRow("" + product, "Product " + product, "" + level, "" + level * 3 / 4, "C" + rng.Next(4));
        }
        var selection = Select(b.Build(), declaredKey ? new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] } : new SchemaHints());
        Assert.DoesNotContain(selection.Selected, s => s.Lhs == AttributeSet.Of(2) || s.Lhs == AttributeSet.Of(3));
        Assert.Contains(selection.Candidates, c => c.Fd.Lhs == AttributeSet.Of(3) && c.Reason.Contains("one to one"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stamp_goes_to_the_determinant_whose_identifier_names_it_most_closely(bool constant)
    {
        // Two territories per row: the history's own (TerritoryID) and the salesperson's (SalesPersonTerritoryID).
        // In these rows both determine the salesperson territory's stamp (or it is the same in every row), but
        // it names SalesPersonTerritory.
        var b = new TableDataBuilder(["HistoryID", "TerritoryID", "TerritoryName", "SalesPersonTerritoryID", "SalesPersonTerritoryName", "SalesPersonTerritoryModifiedDate"]);
        var rng = new Random(67);
        for (int row = 0; row < 200; row++)
        {
            int territory = rng.Next(10), other = 2 * rng.Next(5) + territory % 2;
            b.AddRow("H" + row, "" + territory, "Territory " + territory, "" + other, "Territory " + other, constant ? "2019-04-30" : "2024-01-0" + (territory % 2 + 1));
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)], ForeignKeys = [AttributeSet.Of(1), AttributeSet.Of(3)] });
        Assert.Equal(AttributeSet.Of(4, 5), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(3)).Rhs);
        Assert.Equal(AttributeSet.Of(2), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
    }

    [Fact]
    public void A_constant_stamp_named_for_a_reference_under_its_role_goes_with_the_reference()
    {
        // A state's country, joined under the state's name: StateCountryCodeName, StateCountryCodeModifiedDate.
        // The stamp is the same in every row, so every column determines it; its name says whose it is.
        var b = new TableDataBuilder(["StateID", "StateName", "CountryCode", "StateCountryCodeName", "StateCountryCodeModifiedDate", "RegionID", "RegionName"]);
        var rng = new Random(71);
        for (int state = 0; state < 150; state++)
        {
            int country = rng.Next(8), region = rng.Next(5);
            b.AddRow("" + state, "State " + state, "C" + country, "Country " + country, "2019-04-30", "" + region, "Region " + region);
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.Equal(AttributeSet.Of(3, 4), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(2)).Rhs);
        Assert.Equal(AttributeSet.Of(6), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(5)).Rhs);
    }

    [Fact]
    public void A_constant_column_listed_after_one_entitys_stamps_opens_the_next_entitys_columns()
    {
        // Every order of the sample has the same revision and order date: any column determines them. They are
        // listed after the product's stamp and before the order's ShipDate: the order's, not the line's.
        var b = new TableDataBuilder(["LineID", "OrderID", "ProductID", "ProductName", "ProductModifiedDate", "Revision", "OrderDate", "ShipDate", "OrderStatus", "OrderModifiedDate"]);
        var rng = new Random(79);
        for (int line = 0; line < 240; line++)
        {
            int order = rng.Next(30), product = rng.Next(15);
            b.AddRow("L" + line, "" + order, "" + product, "Product " + product, "2024-02-" + (10 + product), "2", "2024-06-01",
                "2024-06-" + (10 + order % 15), "S" + order % 4, "2024-07-" + (1 + order % 28));
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        var header = Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1));
        Assert.True(AttributeSet.Of(5, 6, 7, 8, 9).IsSubsetOf(header.Rhs));
        Assert.Equal(AttributeSet.Of(3, 4), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(2)).Rhs);
    }

    [Fact]
    public void A_duration_that_tells_another_fact_of_the_same_person_is_no_determinant()
    {
        // Quotas of salespeople: each person's SickLeaveHours happens to tell the person's quota in these rows.
        // Both are the person's; hours measure, they identify nothing.
        var b = new TableDataBuilder(["QuotaID", "PersonID", "Quota", "PersonName", "SickLeaveHours"]);
        var rng = new Random(83);
        for (int row = 0; row < 200; row++)
        {
            int person = rng.Next(18), hours = person % 6;
            b.AddRow("Q" + row, "" + person, "" + (hours % 3 + 2) * 100000, "Person " + person, "" + (20 + hours));
        }
        var selection = Select(b.Build(), new SchemaHints { DeclaredKeys = [AttributeSet.Of(0)] });
        Assert.DoesNotContain(selection.Selected, s => s.Lhs.Contains(4));
        Assert.Equal(AttributeSet.Of(2, 3, 4), Assert.Single(selection.Selected, s => s.Lhs == AttributeSet.Of(1)).Rhs);
    }
}
