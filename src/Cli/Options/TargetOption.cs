using SchemaNorm.Analyzer.Analysis;

namespace SchemaNorm.Cli.Options;

internal static class TargetOption
{
    /// <summary>--target: 3NF, BCNF (default, unless the config file sets one), 4NF or 5NF (1NF and 2NF are accepted too).</summary>
    public static NormalForm Parse(ParsedArguments args, NormalForm? configured = null)
    {
        var text = args.Get("target");
        if (text is null) return configured ?? NormalForm.BCNF;
        if (!NormalForms.TryParse(text, out var form) || form == NormalForm.UNF)
            throw new UsageException($"--target takes 3NF, BCNF, 4NF or 5NF, not '{text}'");
        return form;
    }
}
