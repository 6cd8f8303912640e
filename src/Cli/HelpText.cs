using System.Text;
using SchemaNorm.Cli.Commands;

namespace SchemaNorm.Cli;

internal static class HelpText
{
    /// <param name="lineWidth">The width to wrap at, or null to keep each entry on one line.</param>
    public static string Overview(IReadOnlyList<ICommand> commands, int? lineWidth = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"schemanorm {ToolInfo.Version}: finds where a relational schema is not normalized and shows how to fix it.");
        sb.AppendLine();
        sb.AppendLine("Usage:");
        foreach (var c in commands) sb.AppendLine($"  {c.Usage}");
        sb.AppendLine();
        sb.AppendLine("Commands:");
        int width = commands.Max(c => c.Name.Length);
        foreach (var c in commands) AppendEntry(sb, $"  {c.Name.PadRight(width)}  ", c.Summary, lineWidth);
        sb.AppendLine();
        sb.AppendLine("Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the tool could not do its job.");
        sb.AppendLine("Run 'schemanorm <command> --help' (or 'schemanorm help <command>') for a command's options.");
        sb.AppendLine("Shell completion: eval \"$(schemanorm completion bash)\" (or zsh; fish: schemanorm completion fish | source;");
        sb.AppendLine("PowerShell: schemanorm completion powershell | Out-String | Invoke-Expression).");
        return sb.ToString();
    }

    /// <param name="lineWidth">The width to wrap at, or null to keep each option on one line.</param>
    public static string ForCommand(ICommand command, int? lineWidth = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Usage: {command.Usage}");
        sb.AppendLine();
        sb.AppendLine(command.Summary);
        sb.AppendLine();
        sb.AppendLine("Options:");
        var rows = command.Options.Select(o =>
        {
            var left = (o.Alias is null ? "" : $"-{o.Alias}, ") + $"--{o.Name}" + (o.ValueName is null ? "" : $" {o.ValueName}");
            return (left, o.Help);
        }).ToList();
        int width = rows.Max(r => r.left.Length);
        foreach (var (left, help) in rows) AppendEntry(sb, $"  {left.PadRight(width)}  ", help, lineWidth);
        return sb.ToString();
    }

    /// <summary>
    /// "  name  text", the text wrapped at <paramref name="lineWidth"/> under its own column; when that
    /// column leaves under 30 characters, the text goes below the name, indented by six.
    /// </summary>
    private static void AppendEntry(StringBuilder sb, string left, string text, int? lineWidth)
    {
        if (lineWidth is not { } w || left.Length + text.Length <= w)
        {
            sb.Append(left).AppendLine(text);
            return;
        }
        string indent = w - left.Length >= 30 ? new string(' ', left.Length) : "      ";
        var lines = new StringBuilder();
        Output.TextWrap.Wrap(lines, text, indent, w, hanging: "");
        var wrapped = lines.ToString();
        if (indent.Length == left.Length) sb.Append(left).Append(wrapped.AsSpan(indent.Length));
        else sb.AppendLine(left.TrimEnd()).Append(wrapped);
    }
}
