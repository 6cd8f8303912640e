using System.Globalization;
using System.Text;
using SchemaNorm.Analyzer.Ingest;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Recovery.Tpch;

/// <summary>
/// A TPC-H database written from the specification's rules (clause 4.2): the eight tables, their
/// cardinalities by scale factor, keys (sparse order keys, four suppliers per part), and value rules
/// (p_mfgr and p_brand, p_retailprice, phone numbers by nation, prices, dates and flags derived from
/// one another, comments as random text). Deterministic from the seed. Writes tpch.sql (the DDL with
/// keys, foreign keys and the one dependency the schema holds inside a table, p_brand -> p_mfgr) and one
/// CSV file per table.
/// </summary>
public static class TpchGenerator
{
    public static readonly (int Key, string Name, int Region)[] Nations =
    [
        (0, "ALGERIA", 0), (1, "ARGENTINA", 1), (2, "BRAZIL", 1), (3, "CANADA", 1), (4, "EGYPT", 4), (5, "ETHIOPIA", 0),
        (6, "FRANCE", 3), (7, "GERMANY", 3), (8, "INDIA", 2), (9, "INDONESIA", 2), (10, "IRAN", 4), (11, "IRAQ", 4),
        (12, "JAPAN", 2), (13, "JORDAN", 4), (14, "KENYA", 0), (15, "MOROCCO", 0), (16, "MOZAMBIQUE", 0), (17, "PERU", 1),
        (18, "CHINA", 2), (19, "ROMANIA", 3), (20, "SAUDI ARABIA", 4), (21, "VIETNAM", 2), (22, "RUSSIA", 3),
        (23, "UNITED KINGDOM", 3), (24, "UNITED STATES", 1),
    ];

    public static readonly string[] Regions = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"];

    private static readonly string[] Colors = ["almond", "antique", "aquamarine", "azure", "beige", "bisque", "black", "blanched", "blue", "blush",
        "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral", "cornflower", "cornsilk", "cream", "cyan", "dark", "deep",
        "dim", "dodger", "drab", "firebrick", "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew", "hot",
        "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen", "magenta", "maroon", "medium", "metallic",
        "midnight", "mint", "misty", "moccasin", "navajo", "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru", "pink", "plum",
        "powder", "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell", "sienna", "sky", "slate", "smoke",
        "snow", "spring", "steel", "tan", "thistle", "tomato", "turquoise", "violet", "wheat", "white", "yellow"];
    private static readonly string[] TypeSize = ["STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"];
    private static readonly string[] TypeFinish = ["ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"];
    private static readonly string[] TypeMaterial = ["TIN", "NICKEL", "BRASS", "STEEL", "COPPER"];
    private static readonly string[] ContainerSize = ["SM", "LG", "MED", "JUMBO", "WRAP"];
    private static readonly string[] ContainerKind = ["CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"];
    private static readonly string[] Segments = ["AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"];
    private static readonly string[] Priorities = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"];
    private static readonly string[] Instructions = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"];
    private static readonly string[] Modes = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"];

    private static readonly DateOnly StartDate = new(1992, 1, 1);
    private static readonly DateOnly EndDate = new(1998, 12, 31);
    private static readonly DateOnly CurrentDate = new(1995, 6, 17);

    /// <summary>Rows of each table at a scale factor (lineitem varies: one to seven per order).</summary>
    public static (int Suppliers, int Parts, int Customers, int Orders) Cardinalities(double scale) =>
        (Scaled(10_000, scale), Scaled(200_000, scale), Scaled(150_000, scale), Scaled(1_500_000, scale));

    private static int Scaled(int rows, double scale) => Math.Max(1, (int)Math.Round(rows * scale));

    /// <summary>Writes tpch.sql and the eight CSV files into <paramref name="folder"/> (created) and returns the folder.</summary>
    public static string Write(string folder, double scale, ulong seed = 19920101)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "tpch.sql"), Ddl);
        var (suppliers, parts, customers, orders) = Cardinalities(scale);
        var random = new TpchRandom(seed);

        using (var w = Csv(folder, "region", "r_regionkey", "r_name", "r_comment"))
            for (int r = 0; r < Regions.Length; r++) Row(w, N(r), Regions[r], TpchText.Comment(random, 31, 115));
        using (var w = Csv(folder, "nation", "n_nationkey", "n_name", "n_regionkey", "n_comment"))
            foreach (var (key, name, region) in Nations) Row(w, N(key), name, N(region), TpchText.Comment(random, 31, 114));

        using (var w = Csv(folder, "supplier", "s_suppkey", "s_name", "s_address", "s_nationkey", "s_phone", "s_acctbal", "s_comment"))
            for (int s = 1; s <= suppliers; s++)
            {
                int nation = random.Between(0, 24);
                Row(w, N(s), $"Supplier#{s:D9}", TpchText.VString(random, 10, 40), N(nation), TpchText.Phone(random, nation),
                    Money(random.Between(-99_999, 999_999)), TpchText.Comment(random, 25, 100));
            }

        using (var w = Csv(folder, "part", "p_partkey", "p_name", "p_mfgr", "p_brand", "p_type", "p_size", "p_container", "p_retailprice", "p_comment"))
            for (int p = 1; p <= parts; p++)
            {
                var words = new List<string>();
                while (words.Count < 5) { var c = random.Pick(Colors); if (!words.Contains(c)) words.Add(c); }
                int m = random.Between(1, 5);
                Row(w, N(p), string.Join(' ', words), $"Manufacturer#{m}", $"Brand#{m}{random.Between(1, 5)}",
                    $"{random.Pick(TypeSize)} {random.Pick(TypeFinish)} {random.Pick(TypeMaterial)}", N(random.Between(1, 50)),
                    $"{random.Pick(ContainerSize)} {random.Pick(ContainerKind)}", Money(RetailPriceCents(p)), TpchText.Comment(random, 5, 22));
            }

        using (var w = Csv(folder, "partsupp", "ps_partkey", "ps_suppkey", "ps_availqty", "ps_supplycost", "ps_comment"))
            for (int p = 1; p <= parts; p++)
                for (int i = 0; i < 4; i++)
                    Row(w, N(p), N(SupplierOf(p, i, suppliers)), N(random.Between(1, 9999)), Money(random.Between(100, 100_000)),
                        TpchText.Comment(random, 49, 198));

        using (var w = Csv(folder, "customer", "c_custkey", "c_name", "c_address", "c_nationkey", "c_phone", "c_acctbal", "c_mktsegment", "c_comment"))
            for (int c = 1; c <= customers; c++)
            {
                int nation = random.Between(0, 24);
                Row(w, N(c), $"Customer#{c:D9}", TpchText.VString(random, 10, 40), N(nation), TpchText.Phone(random, nation),
                    Money(random.Between(-99_999, 999_999)), random.Pick(Segments), TpchText.Comment(random, 29, 116));
            }

        using (var ow = Csv(folder, "orders", "o_orderkey", "o_custkey", "o_orderstatus", "o_totalprice", "o_orderdate", "o_orderpriority", "o_clerk", "o_shippriority", "o_comment"))
        using (var lw = Csv(folder, "lineitem", "l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity", "l_extendedprice", "l_discount",
                   "l_tax", "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate", "l_receiptdate", "l_shipinstruct", "l_shipmode", "l_comment"))
        {
            int clerks = Math.Max(1, (int)Math.Round(1000 * scale));
            int lastOrderDay = EndDate.DayNumber - 151 - StartDate.DayNumber;
            for (int o = 0; o < orders; o++)
            {
                long orderKey = (long)(o / 8) * 32 + o % 8 + 1; // sparse keys: the first 8 of every 32
                long customer;
                do customer = random.Between(1, customers); while (customer % 3 == 0 && customers >= 3);
                var orderDate = StartDate.AddDays(random.Between(0, lastOrderDay));
                int lines = random.Between(1, 7);
                long totalCents = 0; // in 1/1,000,000 of a unit: price (cents) x (100 + tax) x (100 - discount)
                int shipped = 0;
                for (int l = 1; l <= lines; l++)
                {
                    int part = random.Between(1, parts);
                    int supplier = SupplierOf(part, random.Between(0, 3), suppliers);
                    int quantity = random.Between(1, 50);
                    long extended = quantity * RetailPriceCents(part);
                    int discount = random.Between(0, 10), tax = random.Between(0, 8);
                    var shipDate = orderDate.AddDays(random.Between(1, 121));
                    var commitDate = orderDate.AddDays(random.Between(30, 90));
                    var receiptDate = shipDate.AddDays(random.Between(1, 30));
                    string returnFlag = receiptDate <= CurrentDate ? (random.Between(0, 1) == 0 ? "R" : "A") : "N";
                    bool open = shipDate > CurrentDate;
                    if (!open) shipped++;
                    totalCents += extended * (100 + tax) * (100 - discount);
                    Row(lw, L(orderKey), N(part), N(supplier), N(l), N(quantity), Money(extended), Hundredths(discount), Hundredths(tax),
                        returnFlag, open ? "O" : "F", Date(shipDate), Date(commitDate), Date(receiptDate),
                        random.Pick(Instructions), random.Pick(Modes), TpchText.Comment(random, 10, 43));
                }
                string status = shipped == lines ? "F" : shipped == 0 ? "O" : "P";
                Row(ow, L(orderKey), L(customer), status, Money((totalCents + 5_000) / 10_000), Date(orderDate), random.Pick(Priorities),
                    $"Clerk#{random.Between(1, clerks):D9}", "0", TpchText.Comment(random, 19, 78));
            }
        }
        return folder;
    }

    /// <summary>The database as the tool reads it: the folder ingested, and the joins of the TPC-H wide table.</summary>
    public static SourceDatabase Load(string folder)
    {
        var result = Ingestor.Ingest([folder], new IngestOptions());
        if (result.HasErrors) throw new InvalidOperationException("the TPC-H files do not ingest: " + string.Join("; ", result.Diagnostics.Take(3)));
        // customer and orders have two levels of parents too; the benchmark's TPC-H table is lineitem's.
        return new SourceDatabase("tpch", result.Model) { Follow = FollowForWideTable, Children = ["lineitem"] };
    }

    /// <summary>
    /// The TPC-H wide table joins lineitem with orders, customer, nation, region, part, supplier and
    /// partsupp: the supplier's nation is kept as s_nationkey, not joined a second time.
    /// </summary>
    public static bool FollowForWideTable(Table table, ForeignKey fk) =>
        !(table.Name.Name.Equals("supplier", StringComparison.OrdinalIgnoreCase) && fk.ReferencedTable.Name.Equals("nation", StringComparison.OrdinalIgnoreCase));

    /// <summary>The i-th (0..3) supplier of a part (clause 4.2.3, PS_SUPPKEY).</summary>
    public static int SupplierOf(int part, int i, int suppliers) =>
        (int)((part + (long)i * (suppliers / 4 + (part - 1) / suppliers)) % suppliers) + 1;

    /// <summary>P_RETAILPRICE in cents: 90000 + ((key / 10) mod 20001) + 100 * (key mod 1000).</summary>
    public static long RetailPriceCents(int part) => 90_000 + part / 10 % 20_001 + 100L * (part % 1000);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string L(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Money(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    private static string Hundredths(int value) => (value / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StreamWriter Csv(string folder, string table, params string[] header)
    {
        var w = new StreamWriter(Path.Combine(folder, table + ".csv"), false, new UTF8Encoding(false), 1 << 16);
        w.Write(string.Join(',', header));
        w.Write('\n');
        return w;
    }

    private static void Row(TextWriter w, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            w.Write(WideTableFiles.Field(fields[i]));
        }
        w.Write('\n');
    }

    /// <summary>The TPC-H schema (clause 1.4), with its primary and foreign keys.</summary>
    public const string Ddl = """
        CREATE TABLE region (
            r_regionkey int NOT NULL PRIMARY KEY,
            r_name char(25) NOT NULL,
            r_comment varchar(152) NULL
        );
        CREATE TABLE nation (
            n_nationkey int NOT NULL PRIMARY KEY,
            n_name char(25) NOT NULL,
            n_regionkey int NOT NULL REFERENCES region (r_regionkey),
            n_comment varchar(152) NULL
        );
        CREATE TABLE supplier (
            s_suppkey int NOT NULL PRIMARY KEY,
            s_name char(25) NOT NULL,
            s_address varchar(40) NOT NULL,
            s_nationkey int NOT NULL REFERENCES nation (n_nationkey),
            s_phone char(15) NOT NULL,
            s_acctbal decimal(15,2) NOT NULL,
            s_comment varchar(101) NOT NULL
        );
        CREATE TABLE part (
            p_partkey int NOT NULL PRIMARY KEY,
            p_name varchar(55) NOT NULL,
            p_mfgr char(25) NOT NULL,
            p_brand char(10) NOT NULL,
            -- schemanorm: fd p_brand -> p_mfgr
            p_type varchar(25) NOT NULL,
            p_size int NOT NULL,
            p_container char(10) NOT NULL,
            p_retailprice decimal(15,2) NOT NULL,
            p_comment varchar(23) NOT NULL
        );
        CREATE TABLE partsupp (
            ps_partkey int NOT NULL REFERENCES part (p_partkey),
            ps_suppkey int NOT NULL REFERENCES supplier (s_suppkey),
            ps_availqty int NOT NULL,
            ps_supplycost decimal(15,2) NOT NULL,
            ps_comment varchar(199) NOT NULL,
            PRIMARY KEY (ps_partkey, ps_suppkey)
        );
        CREATE TABLE customer (
            c_custkey int NOT NULL PRIMARY KEY,
            c_name varchar(25) NOT NULL,
            c_address varchar(40) NOT NULL,
            c_nationkey int NOT NULL REFERENCES nation (n_nationkey),
            c_phone char(15) NOT NULL,
            c_acctbal decimal(15,2) NOT NULL,
            c_mktsegment char(10) NOT NULL,
            c_comment varchar(117) NOT NULL
        );
        CREATE TABLE orders (
            o_orderkey bigint NOT NULL PRIMARY KEY,
            o_custkey int NOT NULL REFERENCES customer (c_custkey),
            o_orderstatus char(1) NOT NULL,
            o_totalprice decimal(15,2) NOT NULL,
            o_orderdate date NOT NULL,
            o_orderpriority char(15) NOT NULL,
            o_clerk char(15) NOT NULL,
            o_shippriority int NOT NULL,
            o_comment varchar(79) NOT NULL
        );
        CREATE TABLE lineitem (
            l_orderkey bigint NOT NULL REFERENCES orders (o_orderkey),
            l_partkey int NOT NULL REFERENCES part (p_partkey),
            l_suppkey int NOT NULL REFERENCES supplier (s_suppkey),
            l_linenumber int NOT NULL,
            l_quantity decimal(15,2) NOT NULL,
            l_extendedprice decimal(15,2) NOT NULL,
            l_discount decimal(15,2) NOT NULL,
            l_tax decimal(15,2) NOT NULL,
            l_returnflag char(1) NOT NULL,
            l_linestatus char(1) NOT NULL,
            l_shipdate date NOT NULL,
            l_commitdate date NOT NULL,
            l_receiptdate date NOT NULL,
            l_shipinstruct char(25) NOT NULL,
            l_shipmode char(10) NOT NULL,
            l_comment varchar(44) NOT NULL,
            PRIMARY KEY (l_orderkey, l_linenumber),
            FOREIGN KEY (l_partkey, l_suppkey) REFERENCES partsupp (ps_partkey, ps_suppkey)
        );
        """;
}
