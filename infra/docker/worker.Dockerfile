# Grader worker image. Build from the repository root: docker build -f infra/docker/worker.Dockerfile -t grader-worker .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Grader.Worker -c Release -o /app

# The aspnet runtime: the worker uses the shared ASP.NET Core framework (hosting, health checks) though it serves no HTTP.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY problems /app/problems
ENV Problems__Directory=/app/problems
USER app
# SIGTERM lets in-flight grades commit and acknowledge (HostOptions.ShutdownTimeout = 30 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "Grader.Worker.dll"]
