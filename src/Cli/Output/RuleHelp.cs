using System.Collections.Concurrent;
using SchemaNorm.Analyzer.Analysis.Rules;

namespace SchemaNorm.Cli.Output;

/// <summary>
/// A rule's help: its page (docs/rules/&lt;Id&gt;.md, embedded in the tool) and, when the user gives a base
/// URI (config <c>helpUriBase</c> or <c>--help-uri-base</c>), a link to it. SchemaNorm has no public
/// site, so there is no link otherwise.
/// </summary>
internal static class RuleHelp
{
    private static readonly ConcurrentDictionary<string, string?> Pages = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule's page as Markdown, or null when the tool was built without it.</summary>
    public static string? Markdown(RuleDescriptor rule) => Pages.GetOrAdd(rule.Id, static id =>
    {
        using var stream = typeof(RuleHelp).Assembly.GetManifestResourceStream($"RuleDocs.{id}.md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    });

    /// <summary>An absolute http(s) URI: what a base for help links must be.</summary>
    public static bool IsValidBase(string text) =>
        System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == System.Uri.UriSchemeHttps || uri.Scheme == System.Uri.UriSchemeHttp);

    /// <summary>
    /// The folder of the published rule pages (the base up to its last "/" before "{ruleId}", or the base
    /// itself), for SARIF's informationUri; null without one.
    /// </summary>
    public static string? Site(string? baseUri)
    {
        if (baseUri is null) return null;
        int placeholder = baseUri.IndexOf("{ruleId}", StringComparison.Ordinal);
        if (placeholder < 0) return baseUri.TrimEnd('/') + "/";
        int slash = baseUri.LastIndexOf('/', placeholder);
        var folder = baseUri[..(slash + 1)];
        return folder.EndsWith("//", StringComparison.Ordinal) ? null : folder; // the id in the host name: no common folder
    }

    /// <summary>
    /// The link to a rule's page: "{ruleId}" in the base is replaced by the id; otherwise the base is a
    /// folder of the rule pages and "&lt;Id&gt;.md" is appended to it.
    /// </summary>
    public static string? Uri(string? baseUri, string ruleId)
    {
        if (baseUri is null) return null;
        if (baseUri.Contains("{ruleId}", StringComparison.Ordinal)) return baseUri.Replace("{ruleId}", ruleId, StringComparison.Ordinal);
        return baseUri.TrimEnd('/') + "/" + ruleId + ".md";
    }
}
