using System.Buffers;
using System.Text;
using SchemaNorm.Analyzer.Diagnostics;
using SchemaNorm.Analyzer.Model;

namespace SchemaNorm.Analyzer.Ingest.Sqlcmd;

/// <summary>
/// The SQLCMD pre-pass: reads a script line by line as sqlcmd and SSMS's SQLCMD mode do.
/// <list type="bullet">
/// <item><c>:setvar</c> defines variables; <c>$(name)</c> is replaced by its value everywhere except in
/// comments (values given on the command line win over <c>:setvar</c>). An undefined variable is an error.</item>
/// <item><c>:r file</c> splices another file in, found relative to the including file; a cycle is an error,
/// and so is going over <see cref="ReadLimits"/> (how many includes, how deep, how much text). Only files
/// the <see cref="ReadScope"/> allows are read.</item>
/// <item>Other commands (<c>:on error</c>, <c>:connect</c>, <c>:out</c>, <c>!!</c> ...) are dropped.</item>
/// <item>A line holding only <c>GO</c> (with an optional count and comment) ends a batch, unless it is
/// inside a string, a quoted name or a block comment.</item>
/// </list>
/// Dropped lines stay in the output as empty lines, so that most output lines map one to one onto
/// the original ones; <see cref="SourceMap"/> records the mapping. Lines end at LF, CR LF or a lone CR;
/// a lone CR becomes LF in the output, so that the readers after this one see the same lines.
/// </summary>
internal sealed class SqlcmdPreprocessor
{
    private static readonly string[] IgnoredCommands =
        ["on", "connect", "out", "error", "reset", "ed", "list", "listvar", "serverlist", "xml", "perftrace", "help"];

    private readonly Encoding? _encoding;
    private readonly DiagnosticBag _diagnostics;
    private readonly ReadScope _scope;
    private readonly string _tree;
    private readonly ReadLimits _limits;
    private long _includedChars;
    private int _includes;
    private bool _includesStopped;
    private readonly Dictionary<string, string> _overrides;
    private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly StringBuilder _out = new();
    private readonly SourceMap _map = new();
    private readonly List<ScriptBatch> _batches = [];
    private readonly List<string> _includeStack = [];
    /// <summary>Included files by real path: a file included many times is read (and its errors said) once.</summary>
    private readonly Dictionary<string, string?> _includedTexts = [];
    private LexState _state;
    private int _commentDepth;
    private int _batchStart;
    private int _batchStartLine;
    private bool _stopped;

    private enum LexState { Code, String, QuotedName, BracketName, BlockComment }

    /// <summary>Per state, the characters that matter in it.</summary>
    private static readonly SearchValues<char>[] Stops =
    [
        SearchValues.Create("-/'\"[$"),
        SearchValues.Create("'$"),
        SearchValues.Create("\"$"),
        SearchValues.Create("]$"),
        SearchValues.Create("*/"),
    ];

    private SqlcmdPreprocessor(IReadOnlyDictionary<string, string>? overrides, Encoding? encoding, DiagnosticBag diagnostics,
        ReadScope scope, string tree, ReadLimits limits)
    {
        _scope = scope;
        _tree = tree;
        _limits = limits;
        _overrides = new Dictionary<string, string>(overrides ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        _encoding = encoding;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Prepares the text of <paramref name="path"/> (already decoded). Includes are read from
    /// <paramref name="tree"/> (default: the script's own folder) and the folders <paramref name="scope"/> allows.
    /// </summary>
    public static PreparedScript Prepare(string path, string text, IReadOnlyDictionary<string, string>? variables,
        Encoding? encoding, DiagnosticBag diagnostics, ReadScope? scope = null, string? tree = null, ReadLimits? limits = null)
    {
        tree ??= ReadScope.TreeOf(FullPath(path), isFolder: false);
        var p = new SqlcmdPreprocessor(variables, encoding, diagnostics, scope ?? new ReadScope([]), tree, limits ?? ReadLimits.Default);
        p._includeStack.Add(RealPath.Of(FullPath(path)) ?? FullPath(path));
        p.ProcessFile(path, text);
        p.EndBatch(repeat: 1);
        return new PreparedScript(path, p._out.ToString(), p._map, p._batches) { Tree = tree };
    }

    private static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private void ProcessFile(string path, string text)
    {
        int fileIndex = _map.FileIndex(path);
        int pos = 0, lineNumber = 0;
        while (pos <= text.Length && !_stopped)
        {
            int lineEnd = text.AsSpan(pos).IndexOfAny('\n', '\r');
            int end = lineEnd < 0 ? text.Length : pos + lineEnd;
            if (lineEnd < 0 && pos == text.Length && lineNumber > 0) break;
            lineNumber++;
            // CR LF stays as written (string literals keep their bytes); a lone CR ends a line as LF does.
            bool crlf = end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n';
            var line = text.AsSpan(pos, crlf ? end + 1 - pos : end - pos);
            _map.AddLine(_out.Length, fileIndex, lineNumber);
            if (_state == LexState.Code && TryCommand(line, path, lineNumber))
            {
                // The command's line stays as an empty line.
            }
            else if (_state == LexState.Code && IsGoLine(line, out int repeat))
            {
                if (repeat > _limits.MaxGoRepeat)
                {
                    _diagnostics.Error($"GO repeats its batch at most {_limits.MaxGoRepeat:N0} times here; this one is read once",
                        new SourceLocation(path, lineNumber, line.Length - line.TrimStart().Length + 1));
                    repeat = 1;
                }
                EndBatch(repeat);
                _out.Append(line);
                _batchStart = _out.Length + 1;
                _batchStartLine = _map.LineCount;
            }
            else
            {
                AppendCode(line, path, lineNumber);
            }
            if (lineEnd < 0) break;
            _out.Append('\n');
            pos = crlf ? end + 2 : end + 1;
        }
    }

    private void EndBatch(int repeat)
    {
        int end = Math.Min(_out.Length, Math.Max(_batchStart, _out.Length));
        if (_batchStart < end && !IsBlank(_out, _batchStart, end))
            _batches.Add(new ScriptBatch(_batchStart, end - _batchStart, _batchStartLine, repeat));
        _batchStart = end;
    }

    private static bool IsBlank(StringBuilder sb, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (!char.IsWhiteSpace(sb[i])) return false;
        return true;
    }

    /// <summary>GO, optionally followed by a count and a line comment: nothing else on the line.</summary>
    internal static bool IsGoLine(ReadOnlySpan<char> line, out int repeat)
    {
        repeat = 1;
        var s = line.Trim();
        if (s.Length < 2 || (s[0] is not ('G' or 'g')) || (s[1] is not ('O' or 'o'))) return false;
        s = s[2..];
        if (s.IsEmpty) return true;
        if (!char.IsWhiteSpace(s[0]) && !s.StartsWith("--")) return false;
        s = s.TrimStart();
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits > 0)
        {
            // A count too large for an int is over any limit: keep it over.
            if (!int.TryParse(s[..digits], out repeat)) repeat = int.MaxValue;
            else if (repeat < 1) repeat = 1;
            s = s[digits..].TrimStart();
        }
        return s.IsEmpty || s.StartsWith("--");
    }

    /// <summary>Handles a SQLCMD command line; false when the line is T-SQL.</summary>
    private bool TryCommand(ReadOnlySpan<char> line, string path, int lineNumber)
    {
        var s = line.TrimStart();
        int indent = line.Length - s.Length;
        if (s.StartsWith("!!")) return true;
        if (s.Length < 2 || s[0] != ':') return false;
        s = s[1..];
        int nameLength = 0;
        while (nameLength < s.Length && char.IsAsciiLetter(s[nameLength])) nameLength++;
        if (nameLength == 0) return false;
        var name = s[..nameLength].ToString().ToLowerInvariant();
        var rest = s[nameLength..];
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0])) return false;
        rest = rest.Trim();
        var location = new SourceLocation(path, lineNumber, indent + 1);
        switch (name)
        {
            case "setvar":
                SetVariable(rest, location);
                return true;
            case "r":
                Include(Substitute(rest.ToString(), location), path, location);
                return true;
            case "exit" or "quit":
                _diagnostics.Info($":{name} ends the script here; the rest of the file is not read", location);
                _stopped = true;
                return true;
            default:
                return IgnoredCommands.Contains(name);
        }
    }

    private void SetVariable(ReadOnlySpan<char> rest, SourceLocation location)
    {
        int n = 0;
        while (n < rest.Length && !char.IsWhiteSpace(rest[n])) n++;
        if (n == 0)
        {
            _diagnostics.Error(":setvar needs a variable name", location);
            return;
        }
        var name = rest[..n].ToString();
        var value = rest[n..].Trim();
        if (value.IsEmpty)
        {
            _variables.Remove(name);
            return;
        }
        if (value[0] == '"')
        {
            // A quoted value; "" inside it stands for one quote.
            var sb = new StringBuilder();
            int i = 1;
            for (; i < value.Length; i++)
            {
                if (value[i] == '"')
                {
                    if (i + 1 < value.Length && value[i + 1] == '"') { sb.Append('"'); i++; continue; }
                    break;
                }
                sb.Append(value[i]);
            }
            if (i >= value.Length)
            {
                _diagnostics.Error($":setvar {name}: the quoted value is never closed", location);
                return;
            }
            _variables[name] = sb.ToString();
        }
        else
        {
            _variables[name] = value.ToString();
        }
    }

    private bool TryGetVariable(string name, out string value) =>
        _overrides.TryGetValue(name, out value!) || _variables.TryGetValue(name, out value!);

    /// <summary>Substitutes variables in a command's argument (not T-SQL, so no lexing).</summary>
    private string Substitute(string text, SourceLocation location)
    {
        if (!text.Contains("$(", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder();
        int pos = 0;
        while (pos < text.Length)
        {
            int at = text.IndexOf("$(", pos, StringComparison.Ordinal);
            if (at < 0) break;
            sb.Append(text, pos, at - pos);
            int len = VariableReferenceLength(text.AsSpan(at));
            if (len == 0) { sb.Append("$("); pos = at + 2; continue; }
            var name = text.Substring(at + 2, len - 3);
            if (TryGetVariable(name, out var value)) sb.Append(value);
            else
            {
                _diagnostics.Error($"SQLCMD variable $({name}) is not defined (use :setvar or --var {name}=value)", location);
                sb.Append(text, at, len);
            }
            pos = at + len;
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }

    /// <summary>The length of a <c>$(name)</c> reference at the start of <paramref name="s"/>, or 0.</summary>
    private static int VariableReferenceLength(ReadOnlySpan<char> s)
    {
        if (s.Length < 4 || s[0] != '$' || s[1] != '(') return 0;
        int i = 2;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '-')) i++;
        return i > 2 && i < s.Length && s[i] == ')' ? i + 1 : 0;
    }

    private void Include(string argument, string includingPath, SourceLocation location)
    {
        var target = argument.Trim();
        if (target.Length >= 2 && target[0] == '"' && target[^1] == '"') target = target[1..^1];
        if (target.Length == 0)
        {
            _diagnostics.Error(":r needs a file name", location);
            return;
        }
        target = ScriptPaths.Resolve(target, Path.GetDirectoryName(FullPath(includingPath)) ?? ".");
        if (_includesStopped) return;
        var verdict = _scope.Admit(target, _tree, ":r include", location, _diagnostics, out var full);
        if (verdict == ReadVerdict.Refused) return;
        int cycleStart = _includeStack.IndexOf(full);
        if (cycleStart >= 0)
        {
            var chain = _includeStack.Skip(cycleStart).Append(full).Select(Path.GetFileName);
            _diagnostics.Error($":r include cycle: {string.Join(" -> ", chain)}", location);
            return;
        }
        if (verdict == ReadVerdict.Missing)
        {
            _diagnostics.Error($":r cannot find '{argument.Trim()}' (looked for {target})", location);
            return;
        }
        if (_includeStack.Count > _limits.MaxIncludeDepth)
        {
            _diagnostics.Error($":r includes nest more than {_limits.MaxIncludeDepth} deep; this one is not read", location);
            return;
        }
        if (++_includes > _limits.MaxIncludes)
        {
            StopIncludes($":r includes expand more than {_limits.MaxIncludes:N0} files in one script; this one and the includes after it are not read", location);
            return;
        }
        if (!_includedTexts.TryGetValue(full, out var text))
            _includedTexts[full] = text = TextFile.Read(full, _encoding, _diagnostics, _limits, dataFile: false);
        if (text is null) return;
        _includedChars += text.Length;
        if (_includedChars > _limits.MaxIncludedChars)
        {
            StopIncludes($":r includes add more than {ReadLimits.Size(_limits.MaxIncludedChars)} of text to one script; this one and the includes after it are not read", location);
            return;
        }
        _includeStack.Add(full);
        // The included lines follow the :r line; the :r line itself stays as an empty line.
        _out.Append('\n');
        ProcessFile(full, text);
        _includeStack.RemoveAt(_includeStack.Count - 1);
        // The including file's loop ends the included file's last line.
        if (_out.Length > 0 && _out[^1] == '\n') _out.Length--;
    }

    /// <summary>A limit on includes is reached: said once, and no include after it is read.</summary>
    private void StopIncludes(string message, SourceLocation location)
    {
        _diagnostics.Error(message, location);
        _includesStopped = true;
    }

    /// <summary>Appends one line of T-SQL, substituting variables outside comments and tracking lexical state.</summary>
    private void AppendCode(ReadOnlySpan<char> line, string path, int lineNumber)
    {
        int lineOutStart = _out.Length;
        int i = 0, copied = 0;
        while (i < line.Length)
        {
            // Jump to the next character that can change the state or start a variable.
            int next = line[i..].IndexOfAny(Stops[(int)_state]);
            if (next < 0) break;
            i += next;
            char c = line[i];
            switch (_state)
            {
                case LexState.Code:
                    if (c == '-' && i + 1 < line.Length && line[i + 1] == '-')
                    {
                        i = line.Length; // the rest of the line is a comment
                        continue;
                    }
                    if (c == '/' && i + 1 < line.Length && line[i + 1] == '*') { _state = LexState.BlockComment; _commentDepth = 1; i += 2; continue; }
                    if (c == '\'') _state = LexState.String;
                    else if (c == '"') _state = LexState.QuotedName;
                    else if (c == '[') _state = LexState.BracketName;
                    break;
                case LexState.String:
                    if (c == '\'') { if (i + 1 < line.Length && line[i + 1] == '\'') { i += 2; continue; } _state = LexState.Code; }
                    break;
                case LexState.QuotedName:
                    if (c == '"') { if (i + 1 < line.Length && line[i + 1] == '"') { i += 2; continue; } _state = LexState.Code; }
                    break;
                case LexState.BracketName:
                    if (c == ']') { if (i + 1 < line.Length && line[i + 1] == ']') { i += 2; continue; } _state = LexState.Code; }
                    break;
                case LexState.BlockComment:
                    if (c == '*' && i + 1 < line.Length && line[i + 1] == '/') { if (--_commentDepth == 0) _state = LexState.Code; i += 2; continue; }
                    if (c == '/' && i + 1 < line.Length && line[i + 1] == '*') { _commentDepth++; i += 2; continue; }
                    i++;
                    continue;
            }
            if (c == '$' && _state != LexState.BlockComment)
            {
                int len = VariableReferenceLength(line[i..]);
                if (len > 0)
                {
                    _out.Append(line[copied..i]);
                    var name = line.Slice(i + 2, len - 3).ToString();
                    if (TryGetVariable(name, out var value))
                    {
                        _map.AddSubstitution(_out.Length - lineOutStart, value.Length, i, len);
                        _out.Append(value);
                    }
                    else
                    {
                        _diagnostics.Error($"SQLCMD variable $({name}) is not defined (use :setvar or --var {name}=value)",
                            new SourceLocation(path, lineNumber, i + 1));
                        _out.Append(line.Slice(i, len));
                    }
                    i += len;
                    copied = i;
                    continue;
                }
            }
            i++;
        }
        _out.Append(line[copied..]);
    }
}
