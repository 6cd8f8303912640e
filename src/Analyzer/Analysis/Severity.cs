namespace SchemaNorm.Analyzer.Analysis;

/// <summary>How much a finding matters; the command line compares it with --fail-on.</summary>
public enum Severity { Note = 0, Warning = 1, Error = 2 }

public static class Severities
{
    /// <summary>"note", "warning", "error": the spelling of the JSON report.</summary>
    public static string Display(this Severity severity) => severity switch
    {
        Severity.Note => "note",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
