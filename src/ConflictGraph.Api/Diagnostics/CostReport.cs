using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Diagnostics;

/// <summary>
/// With <c>ConflictGraph:Diagnostics:Cost</c> on, every response carries <c>extensions.cost</c> for its request:
/// <c>storeCalls</c> and <c>storeMilliseconds</c> for the calls that reached the store (the read cache's own look-ups
/// of the data version and the change log among them), <c>storeRequests</c> for the requests those calls sent to the
/// store's server (Neo4j's Query API; 0 on SQLite), <c>cacheHits</c> for reads answered from memory, and
/// <c>sharedCalls</c> for reads that took the answer of the same read already on its way to the store for another caller.
/// </summary>
public sealed class CostReport(IOptions<DiagnosticsOptions> options) : IOperationStep
{
    /// <summary>Last of our steps, closest to the resolvers.</summary>
    public float Order => 1000;

    /// <summary>With the report off, the step is not in the chain at all.</summary>
    public bool Runs => options.Value.Cost;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var meter = StoreCallMeter.Start();
        var result = await next(executionOptions);
        result.Extensions ??= [];
        result.Extensions["cost"] = new CostFigures(meter.Calls, meter.StoreRequests, Math.Round(meter.Elapsed.TotalMilliseconds, 3), meter.CacheHits, meter.SharedCalls);
        return result;
    }
}

/// <summary>
/// One request's <c>extensions.cost</c>, written straight as its five numbers in this order (a dictionary of boxed
/// values went through the serializer's dictionary and polymorphic converters at every request).
/// </summary>
[JsonConverter(typeof(Writer))]
public sealed record CostFigures(int StoreCalls, int StoreRequests, double StoreMilliseconds, int CacheHits, int SharedCalls)
{
    private sealed class Writer : JsonConverter<CostFigures>
    {
        public override CostFigures Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("the cost report is only written");

        public override void Write(Utf8JsonWriter writer, CostFigures value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("storeCalls", value.StoreCalls);
            writer.WriteNumber("storeRequests", value.StoreRequests);
            writer.WriteNumber("storeMilliseconds", value.StoreMilliseconds);
            writer.WriteNumber("cacheHits", value.CacheHits);
            writer.WriteNumber("sharedCalls", value.SharedCalls);
            writer.WriteEndObject();
        }
    }
}
