using Microsoft.Extensions.Logging;

namespace ConflictGraph.Hosting;

/// <summary>The SQLite store's statement trace (<see cref="SqliteSettings.TraceStatements"/>), one line a statement.</summary>
internal static partial class StatementTrace
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Milliseconds,9:F3} ms {Sql}")]
    public static partial void Log(ILogger logger, double milliseconds, string sql);
}
