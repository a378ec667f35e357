using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Store;
using Polly;
using Polly.Retry;

namespace ConflictGraph.Neo4j.Wire;

/// <summary>
/// Neo4j's HTTP Query API: reads as implicit transactions routed to readers (<c>accessMode: Read</c>),
/// writes in explicit transactions, bookmarks carried so a read after a write sees it, typed JSON
/// results, and transient failures retried with backoff up to a bound.
/// </summary>
public sealed class QueryApiClient
{
    public const string TypedJson = "application/vnd.neo4j.query";
    private const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient http;
    private readonly Neo4jStoreOptions options;
    private readonly ResiliencePipeline retries;
    private readonly Lock sync = new();
    private IReadOnlyList<string> bookmarks = [];

    public QueryApiClient(HttpClient http, Neo4jStoreOptions options, TimeProvider? time = null)
    {
        this.http = http;
        this.options = options;
        http.Timeout = options.RequestTimeout;
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldHandle = new PredicateBuilder().Handle<TransientFailure>().Handle<Neo4jException>(e => e.IsTransient),
        };
        if (retry.MaxRetryAttempts == 0) retries = ResiliencePipeline.Empty;
        else retries = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }.AddRetry(retry).Build();
    }

    public IReadOnlyList<string> Bookmarks
    {
        get
        {
            lock (sync) return bookmarks;
        }
    }

    private string Base => $"{options.Uri.ToString().TrimEnd('/')}/db/{Uri.EscapeDataString(options.Database)}/query/v2";

    /// <summary>A read, as its own transaction, on any cluster member that has seen our last write.</summary>
    public Task<QueryResult> ReadAsync(string statement, object? parameters, CancellationToken cancellationToken) =>
        RunWithRetriesAsync(ct => SendAsync(HttpMethod.Post, Base, Body(statement, parameters, "Read"), null, ct), cancellationToken);

    /// <summary>A write as its own transaction (schema set-up).</summary>
    public Task<QueryResult> WriteAsync(string statement, object? parameters, CancellationToken cancellationToken) =>
        RunWithRetriesAsync(async ct =>
        {
            var result = await SendAsync(HttpMethod.Post, Base, Body(statement, parameters, "Write"), null, ct);
            Remember(result.Bookmarks);
            return result;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction: committed when it returns, rolled back
    /// when it throws. A transient failure retries the whole transaction, so the work must be idempotent.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunWithRetriesAsync(async ct =>
        {
            var (opened, affinity) = await SendWithHeadersAsync(HttpMethod.Post, $"{Base}/tx", Body(null, null, "Write"), null, ct);
            var id = opened.TransactionId ?? throw new Neo4jException("Neo.ClientError.Transaction.Unknown", "the server opened no transaction id");
            var transaction = new Neo4jTransaction(this, $"{Base}/tx/{Uri.EscapeDataString(id)}", affinity);
            try
            {
                var value = await work(transaction, ct);
                var committed = await SendAsync(HttpMethod.Post, $"{transaction.Address}/commit", "{}", affinity, ct);
                Remember(committed.Bookmarks);
                return value;
            }
            catch
            {
                await transaction.RollbackAsync();
                throw;
            }
        }, cancellationToken);

    internal async Task<QueryResult> SendAsync(HttpMethod method, string address, string? body, string? affinity, CancellationToken cancellationToken) =>
        (await SendWithHeadersAsync(method, address, body, affinity, cancellationToken)).Result.Result;

    private async Task<T> RunWithRetriesAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await retries.ExecuteAsync(async ct => await call(ct), cancellationToken);
        }
        catch (TransientFailure e)
        {
            throw new StoreUnavailableException($"Neo4j at {options.Uri} is unavailable: {e.Message}", e.InnerException);
        }
        catch (Neo4jException e) when (e.IsTransient)
        {
            throw new StoreUnavailableException($"Neo4j kept failing with a transient error: {e.Message}", e);
        }
    }

    private async Task<((QueryResult Result, string? TransactionId) Result, string? Affinity)> SendWithHeadersAsync(
        HttpMethod method, string address, string? body, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        request.Headers.Accept.ParseAdd(TypedJson);
        request.Headers.Accept.ParseAdd("application/json");
        if (affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        ServerRequests.CountOne();
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new TransientFailure($"cannot reach it ({e.Message})", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientFailure($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new StoreUnavailableException(
                    $"Neo4j at {options.Uri} refused the credentials of user '{options.User}' (HTTP {(int)response.StatusCode}); check ConflictGraph__Neo4j__User and __Password");
            // The Query API answers 202 when the statement runs, 400 with an error body for client and transient
            // errors, 404 for an unknown database, 500 for anything else (neo4j/neo4j, community/server/src/main/
            // java/org/neo4j/server/queryapi/QueryResource.java); a bare 5xx comes from whatever stands in front of it.
            if ((int)response.StatusCode >= 500 && !HasErrors(text))
                throw new TransientFailure($"HTTP {(int)response.StatusCode}", null);
            var answer = Parse(text);
            var nextAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : affinity;
            return (answer, nextAffinity);
        }
    }

    private static bool HasErrors(string text) => text.Contains("\"errors\"", StringComparison.Ordinal);

    /// <summary>Reads a Query API response body; throws <see cref="Neo4jException"/> for its first error.</summary>
    public static (QueryResult Result, string? TransactionId) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (new QueryResult([], [], []), null);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            throw new Neo4jException(first.TryGetProperty("code", out var code) ? code.GetString() ?? "Neo.Unknown" : "Neo.Unknown",
                first.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "");
        }
        var fields = new List<string>();
        var rows = new List<IReadOnlyList<object?>>();
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var names)) fields.AddRange(names.EnumerateArray().Select(n => n.GetString()!));
            if (data.TryGetProperty("values", out var values))
                foreach (var row in values.EnumerateArray())
                    rows.Add(row.EnumerateArray().Select(TypedValue.Read).ToList());
        }
        var marks = root.TryGetProperty("bookmarks", out var b) ? b.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var transaction = root.TryGetProperty("transaction", out var tx) && tx.TryGetProperty("id", out var id) ? id.GetString() : null;
        return (new QueryResult(fields, rows, marks), transaction);
    }

    private string Body(string? statement, object? parameters, string accessMode)
    {
        // Neo4j reads accessMode case-insensitively (neo4j/neo4j, community/server/src/main/java/org/neo4j/server/
        // queryapi/request/JsonMessageBodyReader.java: ACCEPT_CASE_INSENSITIVE_ENUMS), as the Query API docs spell it: Read, Write.
        var body = new Dictionary<string, object?> { ["accessMode"] = accessMode };
        if (statement is not null)
        {
            body["statement"] = statement;
            body["parameters"] = parameters ?? new Dictionary<string, object?>();
        }
        var marks = Bookmarks;
        if (marks.Count > 0) body["bookmarks"] = marks;
        return JsonSerializer.Serialize(body);
    }

    internal static string StatementBody(string statement, object? parameters) =>
        JsonSerializer.Serialize(new { statement, parameters = parameters ?? new Dictionary<string, object?>() });

    private void Remember(IReadOnlyList<string> latest)
    {
        if (latest.Count == 0) return;
        lock (sync) bookmarks = latest;
    }

    /// <summary>A failure worth retrying: the server unreachable, overloaded or slow.</summary>
    public sealed class TransientFailure(string message, Exception? inner) : Exception(message, inner);
}

/// <summary>An open explicit transaction; statements run in it until the client commits or rolls back.</summary>
public sealed class Neo4jTransaction(QueryApiClient client, string address, string? affinity)
{
    public string Address { get; } = address;

    public Task<QueryResult> RunAsync(string statement, object? parameters, CancellationToken cancellationToken) =>
        client.SendAsync(HttpMethod.Post, Address, QueryApiClient.StatementBody(statement, parameters), affinity, cancellationToken);

    internal async Task RollbackAsync()
    {
        try
        {
            await client.SendAsync(HttpMethod.Delete, Address, null, affinity, CancellationToken.None);
        }
        catch (Exception e) when (e is QueryApiClient.TransientFailure or Neo4jException)
        {
            // The server rolls back on its own once the transaction times out.
        }
    }
}
