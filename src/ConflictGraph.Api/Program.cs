using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Api.Transport;
using ConflictGraph.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddQueryCaching(builder.Configuration);
builder.Services.AddTransport(builder.Configuration);
builder.Services.AddDiagnostics(builder.Configuration);
var app = builder.Build();
app.UseTransport();
app.MapDiagnostics();
app.Run();

/// <summary>The service's entry point, public so tests can host it.</summary>
public partial class Program;
