using SchemaNorm.Analyzer.Analysis;
using SchemaNorm.Analyzer.Analysis.Rules;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Ingest.Annotations;
using SchemaNorm.Analyzer.Model;
using SchemaNorm.Cli.Output;
using SchemaNorm.Decomposer.Pipeline;

namespace SchemaNorm.Cli.Config;

/// <summary>
/// Reads and checks a <c>schemanorm.json</c> file (docs/configuration.md, docs/schemanorm.schema.json).
/// Every unknown key and bad value is an error at its file:line:column; all of them are reported at once.
/// </summary>
internal static class ConfigReader
{
    internal static readonly string[] TopLevelKeys =
        ["$schema", "target", "failOn", "helpUriBase", "baseline", "files", "tables", "rules", "dependencies", "suppressions", "discovery", "allowRead"];
    internal static readonly string[] FilterKeys = ["include", "exclude"];
    internal static readonly string[] DependencyKeys = ["table", "fd", "mvd", "jd", "decision", "reason"];
    internal static readonly string[] SuppressionKeys = ["rule", "table", "column", "reason"];
    internal static readonly string[] DiscoveryKeys = ["nulls", "sampleSize", "maxLhs", "maxError", "minPlausibility", "timeout"];

    /// <param name="path">The config file's full path.</param>
    /// <exception cref="ConfigException">The file cannot be read, is not JSON, or holds unknown keys or bad values.</exception>
    public static SchemaNormConfig Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new Diagnostic(DiagnosticSeverity.Error, $"cannot read the config file: {e.Message}", new SourceLocation(path, 1, 1))]);
        }
        return Read(path, bytes);
    }

    public static SchemaNormConfig Read(string path, byte[] bytes)
    {
        var root = ConfigJson.Parse(path, bytes);
        var check = new Checker();
        var config = new SchemaNormConfig { Path = path };
        if (!check.Is(root, ConfigNodeKind.Object, "the config file")) throw new ConfigException(check.Errors);

        foreach (var p in check.Known(root, TopLevelKeys, "the config file"))
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "$schema":
                    check.Is(v, ConfigNodeKind.String, "$schema");
                    break;
                case "target":
                    if (check.Is(v, ConfigNodeKind.String, "target"))
                    {
                        // Spelled exactly as the reports write it, as the published JSON schema says.
                        var form = NormalForms.All.Where(f => f != NormalForm.UNF).FirstOrDefault(f => f.Display() == v.Text, NormalForm.UNF);
                        if (form != NormalForm.UNF) config = config with { Target = form };
                        else check.Error($"target takes 3NF, BCNF, 4NF or 5NF (or 1NF, 2NF), not \"{v.Text}\"", v.Location);
                    }
                    break;
                case "failOn":
                    config = config with { FailOn = check.Word(v, "failOn", "error", "warning", "note", "none") };
                    break;
                case "helpUriBase":
                    if (check.Is(v, ConfigNodeKind.String, "helpUriBase"))
                    {
                        if (RuleHelp.IsValidBase(v.Text!)) config = config with { HelpUriBase = v.Text };
                        else check.Error($"helpUriBase must be an absolute http or https URI, not \"{v.Text}\"", v.Location);
                    }
                    break;
                case "baseline":
                    if (check.NonEmptyString(v, "baseline")) config = config with { Baseline = Path.GetFullPath(v.Text!, config.Folder) };
                    break;
                case "files":
                    config = config with { Files = Filter(check, v, "files", '/', ignoreCase: false) };
                    break;
                case "tables":
                    config = config with { Tables = Filter(check, v, "tables", '.', ignoreCase: true) };
                    break;
                case "rules":
                    config = config with { Rules = Rules(check, v) };
                    break;
                case "dependencies":
                    if (check.Is(v, ConfigNodeKind.Array, "dependencies"))
                        config = config with { Dependencies = v.Items.Select(i => Dependency(check, i)).OfType<DependencyDecision>().ToList() };
                    break;
                case "suppressions":
                    if (check.Is(v, ConfigNodeKind.Array, "suppressions"))
                        config = config with { Suppressions = v.Items.Select(i => Suppression(check, i)).OfType<Suppression>().ToList() };
                    break;
                case "discovery":
                    config = config with { Discovery = Discovery(check, v) };
                    break;
                case "allowRead":
                    config = config with { AllowRead = AllowRead(check, v, config.Folder) };
                    break;
            }
        }
        if (check.Errors.Count > 0) throw new ConfigException(check.Errors);
        return config;
    }

    /// <summary>A rule by its id as written in the rule pages (SN2001), exactly.</summary>
    private static RuleDescriptor? KnownRule(string id) =>
        AnalysisRules.Find(id) is { } rule && rule.Id == id ? rule : null;

    private static GlobFilter Filter(Checker check, ConfigNode node, string name, char separator, bool ignoreCase)
    {
        var include = new List<Glob>();
        var exclude = new List<Glob>();
        if (!check.Is(node, ConfigNodeKind.Object, name)) return new GlobFilter(include, exclude);
        foreach (var p in check.Known(node, FilterKeys, name))
        {
            if (!check.Is(p.Value, ConfigNodeKind.Array, $"{name}.{p.Name}")) continue;
            foreach (var item in p.Value.Items)
            {
                if (!check.NonEmptyString(item, $"an entry of {name}.{p.Name}")) continue;
                var pattern = separator == '/' ? FilePattern(item.Text!) : item.Text!;
                (p.Name == "include" ? include : exclude).Add(new Glob(pattern, separator, ignoreCase));
            }
        }
        return new GlobFilter(include, exclude);
    }

    /// <summary>"./db/**" is "db/**"; "legacy/" (a folder) is "legacy/**"; backslashes are slashes.</summary>
    private static string FilePattern(string pattern)
    {
        var p = pattern.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        if (p.EndsWith('/')) p += "**";
        return p;
    }

    private static Dictionary<string, RuleLevel> Rules(Checker check, ConfigNode node)
    {
        var rules = new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase);
        if (!check.Is(node, ConfigNodeKind.Object, "rules")) return rules;
        foreach (var p in node.Properties)
        {
            if (KnownRule(p.Name) is not { } rule)
            {
                check.Error($"unknown rule '{p.Name}' in rules (rules: {string.Join(", ", AnalysisRules.Descriptors.Select(d => d.Id))})", p.NameLocation);
                continue;
            }
            var word = check.Word(p.Value, $"rules.{rule.Id}", "off", "note", "warning", "error");
            if (word is not null) rules[rule.Id] = Enum.Parse<RuleLevel>(word, ignoreCase: true);
        }
        return rules;
    }

    private static DependencyDecision? Dependency(Checker check, ConfigNode node)
    {
        if (!check.Is(node, ConfigNodeKind.Object, "an entry of dependencies")) return null;
        QualifiedName? table = null;
        ConfigProperty? text = null;
        bool accept = true, ok = true;
        string? reason = null;
        foreach (var p in check.Known(node, DependencyKeys, "a dependency"))
        {
            switch (p.Name)
            {
                case "table":
                    table = check.TableName(p.Value, "table", defaultSchema: QualifiedName.DefaultSchema);
                    ok &= table is not null;
                    break;
                case "fd" or "mvd" or "jd":
                    if (text is not null)
                    {
                        check.Error($"a dependency entry holds one of fd, mvd or jd, not both '{text.Name}' and '{p.Name}'", p.NameLocation);
                        ok = false;
                    }
                    else if (check.NonEmptyString(p.Value, p.Name)) text = p;
                    else ok = false;
                    break;
                case "decision":
                    var word = check.Word(p.Value, "decision", "accept", "reject");
                    accept = word != "reject";
                    ok &= word is not null;
                    break;
                case "reason":
                    if (check.Is(p.Value, ConfigNodeKind.String, "reason")) reason = p.Value.Text;
                    break;
            }
        }
        if (text is null)
        {
            if (ok) check.Error("a dependency entry needs one of \"fd\": \"A -> B\", \"mvd\": \"A ->> B\" or \"jd\": \"(A, B), (B, C)\"", node.Location);
            return null;
        }
        var annotation = AnnotationText.Parse($"{text.Name} {text.Value.Text}", text.Value.Location, out var error);
        if (annotation is null)
        {
            check.Error($"bad {text.Name}: {error}", text.Value.Location);
            return null;
        }
        if (annotation.Table is not null && table is not null)
        {
            check.Error($"the table is named twice: in \"table\" and before the colon in \"{text.Value.Text}\"; keep one", text.Value.Location);
            return null;
        }
        annotation = annotation with { Table = annotation.Table ?? table };
        if (annotation.Table is null)
        {
            if (ok) check.Error("a dependency entry must name its table: \"table\": \"dbo.Orders\"", node.Location);
            return null;
        }
        if (!accept && annotation.Kind == DependencyKind.Jd)
        {
            check.Error("only fd and mvd entries can be rejected: join dependencies are never found in data", text.NameLocation);
            return null;
        }
        return ok ? new DependencyDecision(annotation, accept, reason) : null;
    }

    private static Suppression? Suppression(Checker check, ConfigNode node)
    {
        if (!check.Is(node, ConfigNodeKind.Object, "an entry of suppressions")) return null;
        string? rule = null;
        QualifiedName? table = null;
        string? column = null, reason = null;
        bool ok = true;
        foreach (var p in check.Known(node, SuppressionKeys, "a suppression"))
        {
            switch (p.Name)
            {
                case "rule":
                    if (!check.Is(p.Value, ConfigNodeKind.String, "rule")) ok = false;
                    else if (KnownRule(p.Value.Text!) is { } r) rule = r.Id;
                    else
                    {
                        check.Error($"unknown rule '{p.Value.Text}' (rules: {string.Join(", ", AnalysisRules.Descriptors.Select(d => d.Id))})", p.Value.Location);
                        ok = false;
                    }
                    break;
                case "table":
                    table = check.TableName(p.Value, "table", defaultSchema: null);
                    ok &= table is not null;
                    break;
                case "column":
                    if (check.NonEmptyString(p.Value, "column")) column = Identifier.Unquote(p.Value.Text!);
                    else ok = false;
                    break;
                case "reason":
                    if (check.Is(p.Value, ConfigNodeKind.String, "reason")) reason = p.Value.Text;
                    break;
            }
        }
        if (rule is null)
        {
            if (ok) check.Error("a suppression entry needs \"rule\": \"SN2001\"", node.Location);
            return null;
        }
        if (column is not null && table is null)
        {
            check.Error("a suppression with a column must also name its table", node.Location);
            return null;
        }
        return ok ? new Suppression(rule) { Table = table, Column = column, Reason = reason, Source = node.Location } : null;
    }

    /// <summary>Folders, relative to the config file's folder, whose files scripts may read besides the inputs' own trees.</summary>
    private static List<string> AllowRead(Checker check, ConfigNode node, string folder)
    {
        var folders = new List<string>();
        if (!check.Is(node, ConfigNodeKind.Array, "allowRead")) return folders;
        foreach (var item in node.Items)
        {
            if (!check.NonEmptyString(item, "an entry of allowRead")) continue;
            var full = Path.GetFullPath(item.Text!, folder);
            if (Directory.Exists(full)) folders.Add(full);
            else check.Error($"allowRead: no such folder '{item.Text}' (looked for {full})", item.Location);
        }
        return folders;
    }

    private static DiscoveryConfig Discovery(Checker check, ConfigNode node)
    {
        var d = new DiscoveryConfig();
        if (!check.Is(node, ConfigNodeKind.Object, "discovery")) return d;
        foreach (var p in check.Known(node, DiscoveryKeys, "discovery"))
        {
            var name = $"discovery.{p.Name}";
            d = p.Name switch
            {
                "nulls" => d with { Nulls = check.Word(p.Value, name, "equal", "distinct") },
                "sampleSize" => d with { SampleSize = check.Integer(p.Value, name, 1, int.MaxValue) },
                "maxLhs" => d with { MaxLhs = check.Integer(p.Value, name, 0, 64) },
                "maxError" => d with { MaxError = check.Fraction(p.Value, name) },
                "timeout" => d with { TimeoutSeconds = check.Integer(p.Value, name, 1, DiscoverySettings.MaxTimeoutSeconds) },
                _ => d with { MinPlausibility = check.Fraction(p.Value, name) },
            };
        }
        return d;
    }

    /// <summary>Checks values and collects the errors.</summary>
    private sealed class Checker
    {
        public List<Diagnostic> Errors { get; } = [];

        public void Error(string message, SourceLocation at) => Errors.Add(new Diagnostic(DiagnosticSeverity.Error, message, at));

        public bool Is(ConfigNode node, ConfigNodeKind kind, string what)
        {
            if (node.Kind == kind) return true;
            var expected = kind switch
            {
                ConfigNodeKind.Object => "an object",
                ConfigNodeKind.Array => "an array",
                ConfigNodeKind.String => "a string",
                ConfigNodeKind.Number => "a number",
                ConfigNodeKind.Boolean => "true or false",
                _ => "null",
            };
            Error($"{what} must be {expected}, not {node.Describe()}", node.Location);
            return false;
        }

        /// <summary>The properties with known names; an error (with a suggestion) for each other one.</summary>
        public IEnumerable<ConfigProperty> Known(ConfigNode node, IReadOnlyList<string> keys, string where)
        {
            foreach (var p in node.Properties)
            {
                if (keys.Contains(p.Name, StringComparer.Ordinal))
                {
                    yield return p;
                    continue;
                }
                var close = keys.Where(k => EditDistance(k.ToLowerInvariant(), p.Name.ToLowerInvariant()) <= 2).FirstOrDefault();
                Error($"unknown key '{p.Name}' in {where}{(close is null ? "" : $" (did you mean '{close}'?)")}; known keys: {string.Join(", ", keys)}", p.NameLocation);
            }
        }

        public bool NonEmptyString(ConfigNode node, string what)
        {
            if (!Is(node, ConfigNodeKind.String, what)) return false;
            if (!string.IsNullOrWhiteSpace(node.Text)) return true;
            Error($"{what} must not be empty", node.Location);
            return false;
        }

        /// <summary>One of the words (as written in the docs, lower case), or null after an error.</summary>
        public string? Word(ConfigNode node, string what, params string[] allowed)
        {
            if (!Is(node, ConfigNodeKind.String, what)) return null;
            if (allowed.Contains(node.Text, StringComparer.Ordinal)) return node.Text;
            Error($"{what} takes one of {string.Join(", ", allowed)}, not \"{node.Text}\"", node.Location);
            return null;
        }

        public int? Integer(ConfigNode node, string what, int min, int max)
        {
            if (!Is(node, ConfigNodeKind.Number, what)) return null;
            if (node.Number == Math.Floor(node.Number) && node.Number >= min && node.Number <= max) return (int)node.Number;
            Error($"{what} takes a whole number from {min}{(max == int.MaxValue ? " up" : $" to {max}")}, not {node.Text}", node.Location);
            return null;
        }

        public double? Fraction(ConfigNode node, string what)
        {
            if (!Is(node, ConfigNodeKind.Number, what)) return null;
            if (node.Number is >= 0 and <= 1) return node.Number;
            Error($"{what} takes a number from 0 to 1, not {node.Text}", node.Location);
            return null;
        }

        public QualifiedName? TableName(ConfigNode node, string what, string? defaultSchema)
        {
            if (!NonEmptyString(node, what)) return null;
            try
            {
                return QualifiedName.Parse(node.Text!, defaultSchema);
            }
            catch (FormatException)
            {
                Error($"\"{node.Text}\" is not a table name (write dbo.Orders or [Order Details])", node.Location);
                return null;
            }
        }

        private static int EditDistance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                int diagonal = row[0];
                row[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.Length];
        }
    }
}
