using System.Runtime.ExceptionServices;

namespace SchemaNorm.Analyzer.Ingest.TSql;

/// <summary>
/// Runs work that recurses once per level of a syntax tree (ScriptDom's parser and visitors) on a thread
/// whose stack holds every depth <see cref="NestingLimits"/> lets through. The memory is reserved, not
/// used: a thread only touches the pages its recursion reaches.
/// </summary>
internal static class LargeStack
{
    public const int StackBytes = 256 * 1024 * 1024;

    public static void Run(Action action)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            Name = "schemanorm-parse",
            // The caller's culture: messages and numbers read the same as on the calling thread.
            CurrentCulture = Thread.CurrentThread.CurrentCulture,
            CurrentUICulture = Thread.CurrentThread.CurrentUICulture,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
