using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaNorm.Cli.Output.Json;

/// <summary>
/// A field with three states: left out (the default), null (unknown) or a boolean. A plain <c>bool?</c>
/// cannot tell "left out" from "null".
/// </summary>
[JsonConverter(typeof(OptionalBooleanConverter))]
internal readonly record struct OptionalBoolean(bool Present, bool? Value)
{
    /// <summary>Written as <paramref name="value"/> (null included).</summary>
    public static OptionalBoolean Of(bool? value) => new(true, value);
}

internal sealed class OptionalBooleanConverter : JsonConverter<OptionalBoolean>
{
    public override OptionalBoolean Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        OptionalBoolean.Of(reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean());

    public override void Write(Utf8JsonWriter writer, OptionalBoolean value, JsonSerializerOptions options)
    {
        if (value.Value is { } b) writer.WriteBooleanValue(b);
        else writer.WriteNullValue();
    }
}
