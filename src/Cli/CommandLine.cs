namespace SchemaNorm.Cli;

/// <summary>Entry point: picks the command and turns every failure into a message and exit status 2.</summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("schemanorm: not built yet");
        return 2;
    }
}
