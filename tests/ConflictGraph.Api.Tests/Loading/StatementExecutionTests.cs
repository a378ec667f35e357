using System.Collections.Concurrent;
using ConflictGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// What SQLite runs for one request, read from the store's statement trace (Sqlite:TraceStatements) with the read
/// cache off: every execution costs the service CPU, so a request runs only the statements its answer needs.
/// </summary>
public sealed class StatementExecutionTests : IDisposable
{
    private const string TwoLevels = """
        query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id name } place { id name } statements { id stance } } } }
        """;

    private readonly TraceCapture trace = new();
    private readonly ConflictGraphApp app;

    public StatementExecutionTests() => app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Sqlite:TraceStatements"] = "true",
        ["ConflictGraph:Caching:StoreReads"] = "false",
        ["Logging:LogLevel:ConflictGraph.Sqlite.Statements"] = "Information",
    }, services => services.AddSingleton<ILoggerProvider>(trace));

    [Fact]
    public async Task AnEventsStatementsAreReadInOneExecutionWithoutASnapshotOfTheirOwn()
    {
        await app.ReadyClientAsync();
        trace.Lines.Clear();

        var response = await app.PostGraphQLAsync(TwoLevels, new { id = "event:2021-06-27-us-airstrikes" });

        Assert.Empty(response.Errors);
        Assert.Equal(19, response.Data!["node"]!["statements"]!.AsArray().Count);
        Assert.NotEmpty(response.Data!["node"]!["perpetrators"]!.AsArray());
        var executed = trace.Lines.ToList();
        // The level-2 expansion (relations and their ends) is several statements in one snapshot; the statements page is one statement.
        Assert.True(executed.Count(sql => sql.EndsWith(" BEGIN", StringComparison.Ordinal)) == 1, string.Join("\n", executed));
        Assert.True(executed.Count(sql => sql.EndsWith(" ROLLBACK", StringComparison.Ordinal)) == 1, string.Join("\n", executed));
    }

    public void Dispose() => app.Dispose();

    /// <summary>The statement trace's lines, as the service logs them.</summary>
    private sealed class TraceCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => categoryName == "ConflictGraph.Sqlite.Statements" ? new Recorder(Lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

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
}
