# The ConflictGraph API. Build: docker build -t conflictgraph .  (docker-compose.yml wires it to Neo4j)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm fetches the Banana Cake Pop IDE during the build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# IdeRequired: an image without the IDE is a failed build, not a quiet degradation.
RUN dotnet publish src/ConflictGraph.Api -c Release -o /app -p:IdeRequired=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY seed ./seed
# The default store lives in /app/data; the app user must be able to create it.
RUN mkdir -p /app/data && chown app:app /app/data
ENV ConflictGraph__Seed__Path=/app/seed \
    ConflictGraph__Sqlite__Path=/app/data/conflictgraph.db \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "ConflictGraph.Api.dll"]
