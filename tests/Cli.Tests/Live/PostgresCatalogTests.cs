using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Databases.Common;

namespace SchemaNorm.Cli.Tests.Live;

public sealed class CatalogDatabase() : PostgresDatabase("""
    CREATE EXTENSION IF NOT EXISTS citext;
    CREATE DOMAIN us_zip AS char(5);
    CREATE TABLE customers (
        id serial PRIMARY KEY,
        name text NOT NULL,
        city varchar(40),
        zip us_zip,
        email citext,
        tags text[],
        CONSTRAINT uq_customers_name UNIQUE (name)
    );
    CREATE TABLE orders (
        order_id integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY,
        customer_id int NOT NULL,
        region char(2) NOT NULL,
        amount numeric(10,2),
        ratio double precision,
        placed timestamp(3),
        placed_tz timestamptz,
        doubled numeric GENERATED ALWAYS AS (amount * 2) STORED,
        code text,
        flag boolean,
        payload jsonb,
        uid uuid,
        raw bytea
    );
    CREATE UNIQUE INDEX ux_orders_code ON orders (code) WHERE code IS NOT NULL;
    CREATE UNIQUE INDEX ux_orders_lower ON orders (lower(code));
    CREATE UNIQUE INDEX ux_orders_region_uid ON orders (region, uid) INCLUDE (amount);
    CREATE TABLE order_lines (
        order_id int REFERENCES orders (order_id),
        line_no int,
        product text,
        PRIMARY KEY (order_id, line_no)
    );
    CREATE TABLE events (id int, at date NOT NULL, kind text) PARTITION BY RANGE (at);
    CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE SCHEMA sales;
    CREATE TABLE sales."Quarter Totals" ("Region" text, "Q" int, total numeric, PRIMARY KEY ("Region", "Q"),
        FOREIGN KEY ("Region", "Q") REFERENCES sales."Quarter Totals" ("Region", "Q"));
    CREATE VIEW order_view AS SELECT * FROM orders;

    INSERT INTO customers (name, city, zip, email, tags) VALUES
        ('Ann', 'Oslo', '0150', 'Ann@Example.com', '{a,b}'),
        ('Bob', 'Oslo ', '0150', 'ann@example.COM', NULL),
        ('Cid', NULL, '0151', NULL, '{}'),
        ('Dag', 'oslo', '0152', 'dag@example.com', '{c}');
    INSERT INTO orders (customer_id, region, amount, ratio, placed, placed_tz, code, flag, payload, uid, raw) VALUES
        (1, 'N', 10.50, 0.1, '2024-05-01 10:00:00.123', '2024-05-01 10:00:00+02', 'A1', true, '{"k": 1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\xdeadbeef'),
        (2, 'N', 10.5, 0.1, '2024-05-01 10:00:00.123', '2024-05-01 08:00:00+00', NULL, false, '{"k":1}', NULL, NULL),
        (3, 'S', NULL, NULL, NULL, NULL, 'B2', NULL, NULL, NULL, '\x00');
    INSERT INTO events VALUES (1, '2024-02-01', 'x');
    ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
    """);

public class PostgresCatalogTests(CatalogDatabase db) : IClassFixture<CatalogDatabase>
{
    private (SchemaModel Model, DiagnosticBag Diagnostics, string Database) Load(int sampleRows = 100, TableFilter? filter = null)
    {
        var target = ConnectionTarget.Parse(db.ConnectionString);
        using var live = LiveDatabase.Open(target);
        var diagnostics = new DiagnosticBag();
        var model = LiveModelLoader.Load(live, new LiveSettings { Target = target, SampleRows = sampleRows, Filter = filter ?? new([], []) }, diagnostics);
        return (model, diagnostics, live.Target.Database);
    }

    [PostgresFact]
    public void Base_tables_are_read_and_partitions_and_views_left_out()
    {
        var (model, _, _) = Load();
        Assert.Equal(
            ["public.customers", "public.events", "public.order_lines", "public.orders", "sales.Quarter Totals"],
            model.Tables.Select(t => t.Name.ToString()));
    }

    [PostgresFact]
    public void Types_map_onto_the_categories_of_their_SQL_Server_counterparts()
    {
        var (model, _, _) = Load();
        var customers = model.Find("public.customers")!;
        Assert.Equal(["id", "name", "city", "zip", "email", "tags"], customers.ColumnNames);
        Assert.Equal("int", customers.Columns[0].Type.ToString());
        Assert.Equal("nvarchar(max)", customers.Columns[1].Type.ToString());
        Assert.Equal("nvarchar(40)", customers.Columns[2].Type.ToString());
        Assert.Equal("nchar(5)", customers.Columns[3].Type.ToString());
        Assert.Equal(new QualifiedName("public", "us_zip"), customers.Columns[3].Type.Alias);
        Assert.Equal("nvarchar(max)", customers.Columns[4].Type.ToString());
        Assert.Equal("text[]", customers.Columns[5].Type.Name);
        Assert.Equal(TypeCategory.Other, customers.Columns[5].Type.Category);

        var orders = model.Find("public.orders")!;
        string TypeOf(string c) => orders.FindColumn(c)!.Type.ToString();
        Assert.Equal("nchar(2)", TypeOf("region"));
        Assert.Equal("numeric(10,2)", TypeOf("amount"));
        Assert.Equal("float", TypeOf("ratio"));
        Assert.Equal("datetime2(3)", TypeOf("placed"));
        Assert.Equal("datetimeoffset(6)", TypeOf("placed_tz"));
        Assert.Equal("numeric", TypeOf("doubled"));
        Assert.Equal("bit", TypeOf("flag"));
        Assert.Equal("jsonb", TypeOf("payload"));
        Assert.Equal("uniqueidentifier", TypeOf("uid"));
        Assert.Equal("varbinary(max)", TypeOf("raw"));
    }

    [PostgresFact]
    public void Nullability_identity_defaults_and_generated_columns_are_read()
    {
        var (model, _, _) = Load();
        var customers = model.Find("public.customers")!;
        Assert.True(customers.Columns[0].IsIdentity); // serial
        Assert.Null(customers.Columns[0].DefaultExpression);
        Assert.False(customers.FindColumn("name")!.IsNullable);
        Assert.True(customers.FindColumn("city")!.IsNullable);

        var orders = model.Find("public.orders")!;
        var id = orders.FindColumn("order_id")!;
        Assert.True(id.IsIdentity);
        Assert.Equal(100, id.IdentitySeed);
        Assert.Equal(5, id.IdentityIncrement);
        Assert.False(id.IsNullable);
        var doubled = orders.FindColumn("doubled")!;
        Assert.True(doubled.IsComputed);
        Assert.Contains("amount", doubled.ComputedExpression);
        Assert.True(doubled.IsPersisted);
        Assert.False(orders.FindColumn("amount")!.IsComputed);
    }

    [PostgresFact]
    public void Keys_unique_indexes_and_foreign_keys_are_read()
    {
        var (model, diagnostics, _) = Load();
        var customers = model.Find("public.customers")!;
        Assert.Equal(["id"], customers.PrimaryKey!.Columns);
        Assert.Equal("uq_customers_name", Assert.Single(customers.UniqueConstraints).Name);

        var orders = model.Find("public.orders")!;
        Assert.Equal(["order_id"], orders.PrimaryKey!.Columns);
        Assert.Empty(orders.UniqueConstraints);
        var code = Assert.Single(orders.UniqueIndexes, i => i.Name == "ux_orders_code");
        Assert.Equal(["code"], code.Columns);
        Assert.True(code.IsFiltered);
        Assert.Contains("code IS NOT NULL", code.Filter);
        var regionUid = Assert.Single(orders.UniqueIndexes, i => i.Name == "ux_orders_region_uid");
        Assert.Equal(["region", "uid"], regionUid.Columns); // INCLUDE columns are not part of the key
        Assert.False(regionUid.IsFiltered);
        Assert.DoesNotContain(orders.UniqueIndexes, i => i.Name == "ux_orders_lower");
        Assert.Contains(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("ux_orders_lower"));

        var fk = Assert.Single(orders.ForeignKeys);
        Assert.Equal("fk_orders_customer", fk.Name);
        Assert.Equal(["customer_id"], fk.Columns);
        Assert.Equal(new QualifiedName("public", "customers"), fk.ReferencedTable);
        Assert.Equal(["id"], fk.ReferencedColumns);
        Assert.False(fk.IsTrusted); // NOT VALID

        var lines = model.Find("public.order_lines")!;
        Assert.Equal(["order_id", "line_no"], lines.PrimaryKey!.Columns);
        Assert.True(Assert.Single(lines.ForeignKeys).IsTrusted);

        var totals = model.Find("sales.Quarter Totals")!;
        Assert.Equal(["Region", "Q"], totals.PrimaryKey!.Columns);
        var selfFk = Assert.Single(totals.ForeignKeys);
        Assert.Equal(["Region", "Q"], selfFk.Columns);
        Assert.Equal(["Region", "Q"], selfFk.ReferencedColumns);
    }

    [PostgresFact]
    public void Every_object_is_located_by_a_URI_that_names_it()
    {
        var (model, _, database) = Load();
        var orders = model.Find("public.orders")!;
        var expected = $"postgres://{PostgresServer.Host}:{PostgresServer.Port}/{database}/public.orders";
        Assert.Equal(new SourceLocation(expected, 1, 1), orders.Location);
        Assert.Equal(expected, orders.PrimaryKey!.Location.File);
        Assert.Equal(expected, orders.Columns[0].Location.File);
        Assert.Equal(expected, orders.ForeignKeys[0].Location.File);
        Assert.Equal($"postgres://{PostgresServer.Host}:{PostgresServer.Port}/{database}/sales.Quarter Totals", model.Find("sales.Quarter Totals")!.Location.File);
    }

    [PostgresFact]
    public void Samples_are_bounded_and_taken_in_key_order()
    {
        var (model, _, _) = Load(sampleRows: 2);
        var customers = model.Find("public.customers")!;
        Assert.Equal(2, customers.Data!.RowCount);
        Assert.Equal("Ann", customers.Data.Value(0, 1));
        Assert.Equal("Bob", customers.Data.Value(1, 1));
        Assert.True(customers.Data.UnobservedColumns.IsEmpty);
        Assert.Equal(1, model.Find("public.events")!.Data!.RowCount); // rows of the partitions, read through the parent
        Assert.Null(model.Find("public.order_lines")!.Data);           // no rows: no data, as with scripts
    }

    [PostgresFact]
    public void No_rows_are_read_with_a_sample_of_zero()
    {
        var (model, _, _) = Load(sampleRows: 0);
        Assert.All(model.Tables, t => Assert.Null(t.Data));
        Assert.NotNull(model.Find("public.orders")!.PrimaryKey);
    }

    [PostgresFact]
    public void Sample_values_compare_as_PostgreSQL_compares_them()
    {
        var (model, _, _) = Load();
        var customers = model.Find("public.customers")!.Data!;
        int Code(int row, string column) => customers.Columns[model.Find("public.customers")!.IndexOf(column)].Codes[row];

        // text compares exactly: case and trailing spaces count.
        Assert.NotEqual(Code(0, "city"), Code(1, "city"));
        Assert.NotEqual(Code(0, "city"), Code(3, "city"));
        Assert.Equal(0, Code(2, "city")); // NULL
        // citext ignores case.
        Assert.Equal(Code(0, "email"), Code(1, "email"));
        // char(n) pads.
        Assert.Equal(Code(0, "zip"), Code(1, "zip"));

        var orders = model.Find("public.orders")!;
        var data = orders.Data!;
        int OrderCode(int row, string column) => data.Columns[orders.IndexOf(column)].Codes[row];
        Assert.Equal(OrderCode(0, "amount"), OrderCode(1, "amount"));       // 10.50 = 10.5
        Assert.Equal(OrderCode(0, "placed"), OrderCode(1, "placed"));
        Assert.Equal(OrderCode(0, "placed_tz"), OrderCode(1, "placed_tz")); // the same instant
        Assert.NotEqual(OrderCode(0, "flag"), OrderCode(1, "flag"));
        Assert.Equal(OrderCode(0, "payload"), OrderCode(1, "payload"));     // jsonb's text form is normalised
        Assert.Equal(0, OrderCode(2, "amount"));
        Assert.Equal(@"\xdeadbeef", data.Value(0, orders.IndexOf("raw")));
        Assert.Equal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", data.Value(0, orders.IndexOf("uid")));
    }

    [PostgresFact]
    public void Filters_choose_tables_by_schema_and_name()
    {
        Assert.Equal(["sales.Quarter Totals"], Load(filter: new(["sales"], [])).Model.Tables.Select(t => t.Name.ToString()));
        Assert.Equal(["public.order_lines", "public.orders"], Load(filter: new([], ["order*"])).Model.Tables.Select(t => t.Name.ToString()));
        Assert.Equal(["public.customers"], Load(filter: new(["public"], ["CUSTOMERS"])).Model.Tables.Select(t => t.Name.ToString()));
    }

    [PostgresFact]
    public void A_filter_that_matches_nothing_is_an_error()
    {
        var e = Assert.Throws<LiveDatabaseException>(() => Load(filter: new([], ["nosuchtable"])));
        Assert.Contains("--table 'nosuchtable'", e.Message);
    }
}
