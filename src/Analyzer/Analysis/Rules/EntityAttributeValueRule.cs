using SchemaNorm.Analyzer.Analysis.Evidence;
using SchemaNorm.Analyzer.Dependencies;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Analysis.Rules;

/// <summary>
/// SN1004 (1NF): an entity-attribute-value table: one column names an attribute (Attribute, PropertyName,
/// Key, ...), one generic column holds its value (Value, AttributeValue, ... of type sql_variant or text),
/// and the attribute column is part of a key together with an entity column (or, without keys, beside a
/// foreign key). The value column then holds values of many domains, each attribute's type and
/// constraints are lost, and each entity's facts are spread over rows. A key-value table without an
/// entity (settings keyed by name alone) is not reported.
/// </summary>
public sealed class EntityAttributeValueRule : ITableRule
{
    /// <summary>The rule's stable id (numbering: see <see cref="RuleDescriptor.Id"/>).</summary>
    public const string Id = "SN1004";

    private static readonly HashSet<string> AttributeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "attribute", "attributename", "attributeid", "attributekey", "attr", "attrname", "attrid",
        "property", "propertyname", "propertyid", "propertykey", "field", "fieldname", "fieldid",
        "key", "keyname", "parameter", "parametername", "paramname", "setting", "settingname", "settingkey",
    };

    private static readonly HashSet<string> ValueNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "value", "val", "attributevalue", "attrvalue", "propertyvalue", "fieldvalue", "settingvalue",
        "parametervalue", "paramvalue", "valuetext", "stringvalue",
    };

    public RuleDescriptor Descriptor { get; } = new(
        Id, "Entity-attribute-value table", NormalForm.First, Severity.Note,
        "Attribute names stored as data, with one generic value column for all of them.");

    IEnumerable<Finding> ITableRule.Check(TableContext ctx)
    {
        var table = ctx.Table;
        int valueCol = -1, attrCol = -1;
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var col = table.Columns[c];
            if (valueCol < 0 && ValueNames.Contains(col.Name) && (col.Type.IsCharacter || col.Type.Name == "sql_variant")) valueCol = c;
            if (attrCol < 0 && AttributeNames.Contains(col.Name)) attrCol = c;
        }
        if (valueCol < 0 || attrCol < 0) yield break;

        // An entity column beside the attribute: together they are a key, or (no key) a foreign key names it.
        int entityCol = -1;
        var key = ctx.DeclaredKeys.FirstOrDefault(k => k.Contains(attrCol) && !k.Contains(valueCol) && k.Count >= 2);
        if (!key.IsEmpty) entityCol = (key.Without(attrCol)).First();
        else if (ctx.DeclaredKeys.Count == 0)
            entityCol = table.ForeignKeys.Select(f => f.Columns.Count == 1 ? table.IndexOf(f.Columns[0]) : -1)
                .FirstOrDefault(i => i >= 0 && i != attrCol && i != valueCol, -1);
        if (entityCol < 0) yield break;

        string e = ctx.Names[entityCol], a = ctx.Names[attrCol], v = ctx.Names[valueCol];
        var anomalies = new List<Anomaly>
        {
            new(AnomalyKind.Insertion, $"no attribute's {v} can have its own type, NOT NULL, CHECK or FOREIGN KEY, so invalid values go in unchecked"),
            new(AnomalyKind.Update, $"one {e}'s facts are spread over many rows, and a misspelt {a} silently creates a new attribute"),
            new(AnomalyKind.Deletion, $"deleting a row deletes one attribute of a {e}, leaving it partly described"),
        };
        var head = $"{table.Name} stores attributes as data: {a} names an attribute of a {e} and {v} holds its value, whatever its type";
        yield return new Finding
        {
            Rule = Descriptor,
            Table = table.Name,
            Severity = Descriptor.DefaultSeverity,
            Message = Wording.Sentence(head, anomalies),
            Fix = $"give each attribute (each {a} value) its own typed column in the {e} table, or its own table keyed by {e}",
            Location = table.Columns[attrCol].Location,
            Anomalies = anomalies,
            Witnesses = Witnesses(ctx, entityCol, attrCol, valueCol),
            Columns = AttributeSet.Of(entityCol, attrCol, valueCol),
        };
    }

    private static IReadOnlyList<string> Witnesses(TableContext ctx, int entityCol, int attrCol, int valueCol)
    {
        var view = ctx.Data;
        if (view is null || !view.Has(entityCol) || !view.Has(attrCol)) return [];
        var attrs = view.Column(attrCol).Values.Skip(1).Where(x => x is not null).Take(5).Select(x => $"'{x}'");
        int entities = view.Column(entityCol).DistinctCount;
        var result = new List<string>
        {
            $"{view.Column(attrCol).DistinctCount} attribute names ({string.Join(", ", attrs)}) over {entities} {ctx.Names[entityCol]} values in {view.RowCount} rows",
        };
        if (view.Has(valueCol))
        {
            var values = view.Column(valueCol).Values.Skip(1).Where(x => x is not null).Select(x => x!).ToList();
            int numeric = values.Count(x => double.TryParse(x, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            if (numeric > 0 && numeric < values.Count)
                result.Add($"{ctx.Names[valueCol]} mixes numbers and text ({numeric} of {values.Count} distinct values are numbers)");
        }
        return result;
    }
}
