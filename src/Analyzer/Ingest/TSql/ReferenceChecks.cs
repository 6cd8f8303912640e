using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>Checks on the end state that SQL Server makes when a script runs but the model accepts as written.</summary>
internal static class ReferenceChecks
{
    /// <summary>A FOREIGN KEY must reference a table that exists; SQL Server refuses one that does not.</summary>
    public static void Run(IngestSession session)
    {
        foreach (var table in session.Model.Tables)
            foreach (var fk in table.ForeignKeys)
                if (session.Find(fk.ReferencedTable) is null)
                    session.Diagnostics.Warning(
                        $"FOREIGN KEY {(fk.Name is null ? "" : fk.Name + " ")}of {table.Name} references table {fk.ReferencedTable}, which no script creates",
                        fk.Location);
    }
}
