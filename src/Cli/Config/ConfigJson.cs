using System.Text;
using System.Text.Json;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Cli.Config;

internal enum ConfigNodeKind { Object, Array, String, Number, Boolean, Null }

/// <summary>A property of a JSON object, with where its name is written.</summary>
internal sealed record ConfigProperty(string Name, SourceLocation NameLocation, ConfigNode Value);

/// <summary>
/// A JSON value with the place it starts in its file. <see cref="JsonDocument"/> forgets positions, and
/// a config error must point at the value that is wrong, so the file is read into these instead.
/// </summary>
internal sealed class ConfigNode
{
    public required ConfigNodeKind Kind { get; init; }
    public required SourceLocation Location { get; init; }
    /// <summary>The string value, or a number as written.</summary>
    public string? Text { get; init; }
    public double Number { get; init; }
    public bool Boolean { get; init; }
    public IReadOnlyList<ConfigProperty> Properties { get; init; } = [];
    public IReadOnlyList<ConfigNode> Items { get; init; } = [];

    /// <summary>"an object", "a string", ...: for messages that say what was found instead.</summary>
    public string Describe() => Kind switch
    {
        ConfigNodeKind.Object => "an object",
        ConfigNodeKind.Array => "an array",
        ConfigNodeKind.String => $"the string \"{Text}\"",
        ConfigNodeKind.Number => $"the number {Text}",
        ConfigNodeKind.Boolean => Boolean ? "true" : "false",
        _ => "null",
    };
}

/// <summary>Reads a config file into <see cref="ConfigNode"/>s. Comments and trailing commas are allowed, as in most tools' JSON config files.</summary>
internal static class ConfigJson
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <param name="subject">What the file is, for messages: "the config file", "the baseline file".</param>
    /// <exception cref="ConfigException">The text is not JSON (at the place where it stops being JSON), or has a duplicate key.</exception>
    public static ConfigNode Parse(string path, byte[] bytes, string subject = "the config file")
    {
        var data = bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? bytes.AsSpan(3) : bytes.AsSpan();
        var lines = new LineIndex(path, data);
        var reader = new Utf8JsonReader(data, Options);
        try
        {
            if (!reader.Read()) throw new ConfigException([new Diagnostic(DiagnosticSeverity.Error, $"{subject} is empty; it must hold a JSON object", new SourceLocation(path, 1, 1))], subject);
            var root = ReadValue(ref reader, lines, subject);
            if (reader.Read()) throw new JsonException("unexpected text after the end of the JSON value");
            return root;
        }
        catch (JsonException e)
        {
            // The reader counts from 0 and in bytes; a column in bytes is close enough for ASCII config files.
            var location = e.LineNumber is long line
                ? new SourceLocation(path, (int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1)
                : lines.Locate(reader.TokenStartIndex);
            throw new ConfigException([new Diagnostic(DiagnosticSeverity.Error, $"not valid JSON: {Shorten(e.Message)}", location)], subject);
        }
        catch (InvalidOperationException e)
        {
            // A string the reader cannot decode (a lone surrogate escape): at the token that holds it.
            throw new ConfigException([new Diagnostic(DiagnosticSeverity.Error, $"not valid JSON: {Shorten(e.Message)}", lines.Locate(reader.TokenStartIndex))], subject);
        }
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, LineIndex lines, string subject)
    {
        var location = lines.Locate(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<ConfigProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameLocation = lines.Locate(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    if (properties.Any(p => p.Name == name))
                        throw new ConfigException([new Diagnostic(DiagnosticSeverity.Error, $"the key '{name}' appears twice in the same object", nameLocation)], subject);
                    reader.Read();
                    properties.Add(new ConfigProperty(name, nameLocation, ReadValue(ref reader, lines, subject)));
                }
                return new ConfigNode { Kind = ConfigNodeKind.Object, Location = location, Properties = properties };
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(ReadValue(ref reader, lines, subject));
                return new ConfigNode { Kind = ConfigNodeKind.Array, Location = location, Items = items };
            }
            case JsonTokenType.String:
                return new ConfigNode { Kind = ConfigNodeKind.String, Location = location, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new ConfigNode { Kind = ConfigNodeKind.Number, Location = location, Text = Encoding.UTF8.GetString(reader.ValueSpan), Number = reader.GetDouble() };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new ConfigNode { Kind = ConfigNodeKind.Boolean, Location = location, Boolean = reader.TokenType == JsonTokenType.True };
            default:
                return new ConfigNode { Kind = ConfigNodeKind.Null, Location = location };
        }
    }

    /// <summary>The reader's message without its own "LineNumber: ... | BytePositionInLine: ..." suffix (the location says it).</summary>
    private static string Shorten(string message)
    {
        int i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).TrimEnd('.', ' ');
    }

    /// <summary>Turns byte offsets into 1-based lines and columns (columns in characters).</summary>
    private sealed class LineIndex
    {
        private readonly string _path;
        private readonly byte[] _data;
        private readonly List<int> _starts = [0];

        public LineIndex(string path, ReadOnlySpan<byte> data)
        {
            _path = path;
            _data = data.ToArray();
            for (int i = 0; i < data.Length; i++)
                if (data[i] == (byte)'\n') _starts.Add(i + 1);
        }

        public SourceLocation Locate(long offset)
        {
            int at = (int)Math.Clamp(offset, 0, _data.Length);
            int line = _starts.BinarySearch(at);
            if (line < 0) line = ~line - 1;
            int column = Encoding.UTF8.GetCharCount(_data, _starts[line], at - _starts[line]) + 1;
            return new SourceLocation(_path, line + 1, column);
        }
    }
}
