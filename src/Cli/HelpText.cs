using System.Text;
using SchemaNorm.Cli.Commands;

namespace SchemaNorm.Cli;

internal static class HelpText
{
    public static string Overview(IReadOnlyList<ICommand> commands)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"schemanorm {ToolInfo.Version}: finds where a relational schema is not normalized and shows how to fix it.");
        sb.AppendLine();
        sb.AppendLine("Usage:");
        foreach (var c in commands) sb.AppendLine($"  {c.Usage}");
        sb.AppendLine();
        sb.AppendLine("Commands:");
        int width = commands.Max(c => c.Name.Length);
        foreach (var c in commands) sb.AppendLine($"  {c.Name.PadRight(width)}  {c.Summary}");
        sb.AppendLine();
        sb.AppendLine("Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the tool could not do its job.");
        sb.AppendLine("Run 'schemanorm <command> --help' (or 'schemanorm help <command>') for a command's options.");
        return sb.ToString();
    }

    public static string ForCommand(ICommand command)
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
        foreach (var (left, help) in rows) sb.AppendLine($"  {left.PadRight(width)}  {help}");
        return sb.ToString();
    }
}
