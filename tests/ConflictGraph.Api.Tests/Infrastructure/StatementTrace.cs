using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>The store's statement trace (Sqlite:TraceStatements), each statement's line as the service logs it.</summary>
public sealed class StatementTrace : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>A seeded service that logs every statement here, with the read cache off so that every read reaches SQLite.</summary>
    public ConflictGraphApp App() => ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Sqlite:TraceStatements"] = "true",
        ["ConflictGraph:Caching:StoreReads"] = "false",
        ["Logging:LogLevel:ConflictGraph.Sqlite.Statements"] = "Information",
    }, services => services.AddSingleton<ILoggerProvider>(this));

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "ConflictGraph.Sqlite.Statements" ? new Recorder(Lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
