using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace SchemaNorm.Cli.Options;

/// <summary>
/// `schemanorm completion bash|zsh|fish|powershell`: a completion script for the shell, generated from the
/// command tree the parser reads (<see cref="CommandTree"/>), so that it offers exactly what the commands accept.
/// </summary>
internal static class ShellCompletion
{
    public static readonly string[] Shells = ["bash", "zsh", "fish", "powershell"];

    private sealed record CompletedOption(string Name, string? Alias, bool TakesValue, string Help)
    {
        public IEnumerable<string> Spellings => Alias is null ? [Name] : [Name, Alias];
    }

    /// <summary>A command as the scripts see it: its options, or the words its argument takes (help, completion).</summary>
    private sealed record CompletedCommand(string Name, string Help, IReadOnlyList<CompletedOption> Options, IReadOnlyList<string> Words);

    /// <summary>The script, or null for a shell it does not know.</summary>
    public static string? Script(string shell, CommandTree tree)
    {
        var commands = tree.Root.Subcommands.Select(Describe).ToList();
        // The words completed after "schemanorm" itself: the commands and the tool's own options.
        var first = commands.Select(c => c.Name).Concat(tree.Root.Options.Select(o => o.Name)).ToList();
        return shell switch
        {
            "bash" => Bash(commands, first),
            // zsh runs the bash script through its bashcompinit layer, which needs the completion system
            // (compinit) loaded first: a .zshrc without it would otherwise fail on compdef.
            "zsh" => ZshPrelude + Bash(commands, first),
            "fish" => Fish(commands),
            "powershell" => PowerShell(commands, first),
            _ => null,
        };
    }

    private const string ZshPrelude =
        "(( ${+functions[compdef]} )) || { autoload -Uz compinit && compinit }\n" +
        "autoload -U +X bashcompinit && bashcompinit\n";

    private static CompletedCommand Describe(Command command) => new(
        command.Name,
        command.Description ?? "",
        command.Options.Select(o => new CompletedOption(o.Name, o.Aliases.FirstOrDefault(), o.Arity.MaximumNumberOfValues > 0, o.Description ?? "")).ToList(),
        command.Arguments.SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(i => i.Label).ToList());

    private static string Bash(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<string> first)
    {
        var sb = new StringBuilder();
        sb.Append("# bash completion for schemanorm: eval \"$(schemanorm completion bash)\"\n");
        sb.Append("_schemanorm() {\n");
        sb.Append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" words='' values=''\n");
        sb.Append("  if [ \"$COMP_CWORD\" -eq 1 ]; then\n");
        sb.Append($"    COMPREPLY=($(compgen -W '{string.Join(' ', first)}' -- \"$cur\"))\n");
        sb.Append("    return\n  fi\n");
        sb.Append("  case \"${COMP_WORDS[1]}\" in\n");
        foreach (var c in commands)
        {
            if (c.Words.Count > 0)
            {
                sb.Append($"    {c.Name}) COMPREPLY=($(compgen -W '{string.Join(' ', c.Words)}' -- \"$cur\")); return ;;\n");
                continue;
            }
            var valued = c.Options.Where(o => o.TakesValue).SelectMany(o => o.Spellings);
            sb.Append($"    {c.Name}) words='{string.Join(' ', c.Options.SelectMany(o => o.Spellings))}'; values='{string.Join(' ', valued)}' ;;\n");
        }
        sb.Append("  esac\n");
        // After an option that takes a value, offer files (most values are paths); else options or paths.
        sb.Append("  if [[ \" $values \" == *\" $prev \"* ]] || [[ $cur != -* ]]; then\n");
        sb.Append("    COMPREPLY=($(compgen -f -- \"$cur\"))\n");
        sb.Append("  else\n");
        sb.Append("    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n");
        sb.Append("  fi\n");
        sb.Append("}\n");
        sb.Append("complete -o filenames -o bashdefault -F _schemanorm schemanorm\n");
        return sb.ToString();
    }

    private static string Fish(IReadOnlyList<CompletedCommand> commands)
    {
        var sb = new StringBuilder();
        sb.Append("# fish completion for schemanorm: schemanorm completion fish > ~/.config/fish/completions/schemanorm.fish\n");
        sb.Append("complete -c schemanorm -f\n");
        foreach (var c in commands)
            sb.Append($"complete -c schemanorm -n __fish_use_subcommand -a {c.Name} -d {FishQuote(c.Help)}\n");
        foreach (var c in commands)
        {
            if (c.Words.Count > 0)
            {
                sb.Append($"complete -c schemanorm -n '__fish_seen_subcommand_from {c.Name}' -a {FishQuote(string.Join(' ', c.Words))}\n");
                continue;
            }
            if (c.Options.Count == 0) continue;
            sb.Append($"complete -c schemanorm -n '__fish_seen_subcommand_from {c.Name}' -F\n");
            foreach (var o in c.Options)
            {
                sb.Append($"complete -c schemanorm -n '__fish_seen_subcommand_from {c.Name}' -l {o.Name.TrimStart('-')}");
                if (o.Alias is { } alias) sb.Append(alias.Length == 2 ? $" -s {alias[1..]}" : $" -o {alias.TrimStart('-')}");
                if (o.TakesValue) sb.Append(" -r");
                sb.Append(" -d ").Append(FishQuote(o.Help)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>A single-quoted fish string: only \ and ' are special inside.</summary>
    private static string FishQuote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    /// <summary>
    /// A native argument completer: each candidate is "word&lt;TAB&gt;tooltip". Returning nothing lets
    /// PowerShell complete paths, as bash's script does for inputs and for the values of options.
    /// </summary>
    private static string PowerShell(IReadOnlyList<CompletedCommand> commands, IReadOnlyList<string> first)
    {
        var sb = new StringBuilder();
        sb.Append("# PowerShell completion for schemanorm: schemanorm completion powershell | Out-String | Invoke-Expression\n");
        sb.Append("Register-ArgumentCompleter -Native -CommandName schemanorm -ScriptBlock {\n");
        sb.Append("    param($wordToComplete, $commandAst, $cursorPosition)\n");
        sb.Append("    $first = @(").Append(string.Join(", ", first.Select(w => PowerShellQuote(w + "\t" + (commands.FirstOrDefault(c => c.Name == w)?.Help is { Length: > 0 } h ? h : w))))).Append(")\n");
        sb.Append("    $options = @{\n");
        foreach (var c in commands.Where(c => c.Words.Count == 0 && c.Options.Count > 0))
        {
            var entries = c.Options.SelectMany(o => o.Spellings.Select(s => PowerShellQuote(s + "\t" + (o.Help.Length > 0 ? o.Help : s))));
            sb.Append($"        {PowerShellQuote(c.Name)} = @({string.Join(", ", entries)})\n");
        }
        sb.Append("    }\n");
        sb.Append("    $valued = @{\n");
        foreach (var c in commands.Where(c => c.Options.Any(o => o.TakesValue)))
            sb.Append($"        {PowerShellQuote(c.Name)} = @({string.Join(", ", c.Options.Where(o => o.TakesValue).SelectMany(o => o.Spellings).Select(PowerShellQuote))})\n");
        sb.Append("    }\n");
        sb.Append("    $arguments = @{\n");
        foreach (var c in commands.Where(c => c.Words.Count > 0))
            sb.Append($"        {PowerShellQuote(c.Name)} = @({string.Join(", ", c.Words.Select(w => PowerShellQuote(w + "\t" + w)))})\n");
        sb.Append("    }\n");
        // The words before the one being completed: schemanorm, then the command, then its arguments.
        sb.Append("    $before = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })\n");
        sb.Append("    if ($before.Count -le 1) { $candidates = $first }\n");
        sb.Append("    elseif ($arguments.ContainsKey($before[1])) { if ($before.Count -gt 2) { return }; $candidates = $arguments[$before[1]] }\n");
        sb.Append("    elseif ($valued.ContainsKey($before[1]) -and $valued[$before[1]] -contains $before[-1]) { return }\n");
        sb.Append("    elseif ($options.ContainsKey($before[1]) -and $wordToComplete.StartsWith('-')) { $candidates = $options[$before[1]] }\n");
        sb.Append("    else { return }\n");
        sb.Append("    foreach ($candidate in $candidates) {\n");
        sb.Append("        $word, $tip = $candidate -split \"`t\", 2\n");
        sb.Append("        if ($word.StartsWith($wordToComplete, [System.StringComparison]::OrdinalIgnoreCase)) {\n");
        sb.Append("            [System.Management.Automation.CompletionResult]::new($word, $word, 'ParameterValue', $tip)\n");
        sb.Append("        }\n");
        sb.Append("    }\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>A single-quoted PowerShell string: a quote inside is doubled (the typographic ones too, which PowerShell also reads as quotes).</summary>
    private static string PowerShellQuote(string text)
    {
        var sb = new StringBuilder("'");
        foreach (char ch in text)
        {
            sb.Append(ch);
            if (ch is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B') sb.Append(ch);
        }
        return sb.Append('\'').ToString();
    }
}
