using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Diagnostics;

public enum DiagnosticSeverity { Error, Warning, Info }

/// <summary>
/// A problem with the input (not a normalization finding): a parse error, an unreadable file, an INSERT
/// into an unknown table. Errors make the tool exit with status 2 once it has reported them all.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Message, SourceLocation? Location = null)
{
    /// <summary>"file:line:column: error: message", the shape compilers use and editors link.</summary>
    public override string ToString()
    {
        var level = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return Location is null ? $"{level}: {Message}" : $"{Location}: {level}: {Message}";
    }
}

/// <summary>Collects diagnostics from every stage; thread-safe so that files can be read in parallel.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<Diagnostic> Items
    {
        get { lock (_lock) return _items.ToList(); }
    }

    public bool HasErrors
    {
        get { lock (_lock) return _items.Any(d => d.Severity == DiagnosticSeverity.Error); }
    }

    public int ErrorCount
    {
        get { lock (_lock) return _items.Count(d => d.Severity == DiagnosticSeverity.Error); }
    }

    public void Add(Diagnostic d)
    {
        lock (_lock) _items.Add(d);
    }

    public void Error(string message, SourceLocation? location = null) => Add(new(DiagnosticSeverity.Error, message, location));
    public void Warning(string message, SourceLocation? location = null) => Add(new(DiagnosticSeverity.Warning, message, location));
    public void Info(string message, SourceLocation? location = null) => Add(new(DiagnosticSeverity.Info, message, location));
}
