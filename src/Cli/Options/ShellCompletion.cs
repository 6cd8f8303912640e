using System.Text;
using SchemaNorm.Cli.Commands;

namespace SchemaNorm.Cli.Options;

/// <summary>
/// `schemanorm completion bash|zsh|fish`: a completion script for the shell, generated from the commands'
/// option tables (the ones their parser reads), so that it offers exactly what the commands accept.
/// </summary>
internal static class ShellCompletion
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    /// <summary>The words completed after "schemanorm" itself: the commands and the tool's own options.</summary>
    private static IEnumerable<string> FirstWords(IReadOnlyList<ICommand> commands) =>
        [.. commands.Select(c => c.Name), "help", "completion", "--help", "--version"];

    /// <summary>The script, or null for a shell it does not know.</summary>
    public static string? Script(string shell, IReadOnlyList<ICommand> commands) => shell switch
    {
        "bash" => Bash(commands),
        // zsh runs the bash script through its bashcompinit layer.
        "zsh" => "autoload -U +X bashcompinit && bashcompinit\n" + Bash(commands),
        "fish" => Fish(commands),
        _ => null,
    };

    private static IEnumerable<string> Spellings(OptionSpec o) =>
        o.Alias is null ? ["--" + o.Name] : ["--" + o.Name, "-" + o.Alias];

    private static string Bash(IReadOnlyList<ICommand> commands)
    {
        var sb = new StringBuilder();
        sb.Append("# bash completion for schemanorm: eval \"$(schemanorm completion bash)\"\n");
        sb.Append("_schemanorm() {\n");
        sb.Append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" words='' values=''\n");
        sb.Append("  if [ \"$COMP_CWORD\" -eq 1 ]; then\n");
        sb.Append($"    COMPREPLY=($(compgen -W '{string.Join(' ', FirstWords(commands))}' -- \"$cur\"))\n");
        sb.Append("    return\n  fi\n");
        sb.Append("  case \"${COMP_WORDS[1]}\" in\n");
        foreach (var c in commands)
        {
            var valued = c.Options.Where(o => o.Arity != OptionArity.Flag).SelectMany(Spellings);
            sb.Append($"    {c.Name}) words='{string.Join(' ', c.Options.SelectMany(Spellings))}'; values='{string.Join(' ', valued)}' ;;\n");
        }
        sb.Append($"    help) COMPREPLY=($(compgen -W '{string.Join(' ', commands.Select(c => c.Name))}' -- \"$cur\")); return ;;\n");
        sb.Append($"    completion) COMPREPLY=($(compgen -W '{string.Join(' ', Shells)}' -- \"$cur\")); return ;;\n");
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

    private static string Fish(IReadOnlyList<ICommand> commands)
    {
        var sb = new StringBuilder();
        sb.Append("# fish completion for schemanorm: schemanorm completion fish > ~/.config/fish/completions/schemanorm.fish\n");
        sb.Append("complete -c schemanorm -f\n");
        foreach (var c in commands)
            sb.Append($"complete -c schemanorm -n __fish_use_subcommand -a {c.Name} -d {FishQuote(c.Summary)}\n");
        sb.Append("complete -c schemanorm -n __fish_use_subcommand -a help -d 'Show a command\\'s options'\n");
        sb.Append($"complete -c schemanorm -n __fish_use_subcommand -a completion -d 'Print a shell completion script ({string.Join(", ", Shells)})'\n");
        foreach (var c in commands)
        {
            sb.Append($"complete -c schemanorm -n '__fish_seen_subcommand_from {c.Name}' -F\n");
            foreach (var o in c.Options)
            {
                sb.Append($"complete -c schemanorm -n '__fish_seen_subcommand_from {c.Name}' -l {o.Name}");
                if (o.Alias is { } alias) sb.Append(alias.Length == 1 ? $" -s {alias}" : $" -o {alias}");
                if (o.Arity != OptionArity.Flag) sb.Append(" -r");
                sb.Append(" -d ").Append(FishQuote(o.Help)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>A single-quoted fish string: only \ and ' are special inside.</summary>
    private static string FishQuote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
