namespace SchemaNorm.Cli.Options;

/// <summary>A bad command line: the message is shown as-is, and the tool exits with status 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>How an option takes its value.</summary>
internal enum OptionArity
{
    Flag,     // --no-header
    Single,   // --format json (the last one given wins)
    Multiple, // --var a=1 --var b=2
}

internal sealed record OptionSpec(string Name, OptionArity Arity, string Help, string? ValueName = null, string? Alias = null);

/// <summary>
/// The parsed command line: positional arguments and option values. Options may be written
/// "--name value", "--name=value" or "--name:value", flags bundled (-qv); "--" ends the options.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    internal void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list)) _values[name] = list = [];
        list.Add(value);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.TryGetValue(name, out var l) ? l[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var l) ? l : [];

    /// <summary>One of the allowed words (case-insensitive), or the default.</summary>
    public string Choice(string name, string defaultValue, params string[] allowed)
    {
        var v = Get(name);
        if (v is null) return defaultValue;
        var match = allowed.FirstOrDefault(a => string.Equals(a, v, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new UsageException($"--{name} takes one of {string.Join(", ", allowed)}, not '{v}'");
    }

    public int? Int(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var v = Get(name);
        if (v is null) return null;
        if (!int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new UsageException($"--{name} takes a whole number{(min > int.MinValue ? $" from {min}" : "")}{(max < int.MaxValue ? $" to {max}" : "")}, not '{v}'");
        return n;
    }

    public double? Double(string name, double min, double max)
    {
        var v = Get(name);
        if (v is null) return null;
        if (!double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) || !(d >= min && d <= max))
            throw new UsageException($"--{name} takes a number from {min} to {max}, not '{v}'");
        return d;
    }

    /// <summary>name=value pairs of a repeatable option (--var, --data).</summary>
    public IReadOnlyDictionary<string, string> Pairs(string name)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in GetAll(name))
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--{name} takes name=value, not '{item}'");
            result[item[..eq].Trim()] = item[(eq + 1)..];
        }
        return result;
    }
}

/// <summary>Parses one command's arguments by its option table (see <see cref="CommandTree"/>).</summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs) => CommandTree.ParseOptions(args, specs);
}
