using SchemaNorm.Decomposer.Emit;

namespace SchemaNorm.Decomposer.Tests;

/// <summary>The Mermaid renderer writes every name in Mermaid's quoting, on one line, and types as declared.</summary>
public class MermaidQuotingTests
{
    [Fact]
    public void A_decimal_type_keeps_its_precision_and_scale()
    {
        var text = MermaidErDiagram.Render([new ErEntity("Orders", [new ErAttribute("decimal(10,2)", "Price")])], []);
        Assert.Contains("        decimal(10,2) Price\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Names_with_quotes_are_quoted_with_entity_codes_not_mangled()
    {
        var text = MermaidErDiagram.Render([new ErEntity("Cust \"Code\"", [new ErAttribute("int", "Cust \"Code\"")])], []).ReplaceLineEndings("\n");
        Assert.Contains("    \"Cust #quot;Code#quot;\" {\n", text);
        Assert.Contains("        int `Cust #quot;Code#quot;`\n", text);
        Assert.DoesNotContain("Cust__Code_", text);
    }

    [Fact]
    public void No_name_or_label_can_end_its_quoting_a_line_or_a_code_fence()
    {
        const string hostile = "a\"b`c\n```\n# h <b>x</b> %% d\u2028e\\f #35; g";
        var text = MermaidErDiagram.Render(
            [new ErEntity(hostile, [new ErAttribute(hostile, hostile, PrimaryKey: true, Comment: hostile)]), new ErEntity("PK", [new ErAttribute("int", "PK")])],
            [new ErRelationship(hostile, "PK", hostile)]).ReplaceLineEndings("\n");
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal("erDiagram", lines[0]);
        foreach (var line in lines)
        {
            Assert.False(DisplayText.HasUnsafe(line), line);
            Assert.DoesNotContain("<", line);
            Assert.DoesNotContain("%", line);
            Assert.False(line.TrimStart().StartsWith("```", StringComparison.Ordinal), line);
            Assert.False(line.TrimStart().StartsWith('#'), line);
            // Each quoted part holds no quote of its own: quotes come in pairs.
            Assert.Equal(0, line.Count(c => c == '"') % 2);
            Assert.Equal(0, line.Count(c => c == '`') % 2);
        }
        // A column named like a key mark is not read as one.
        Assert.Contains("        int `PK`", text);
        Assert.Contains("#35;35;", text);
    }
}
