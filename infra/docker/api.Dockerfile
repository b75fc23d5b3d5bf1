# Grader API image. Build from the repository root: docker build -f infra/docker/api.Dockerfile -t grader-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Grader.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY problems /app/problems
ENV ASPNETCORE_URLS=http://+:8080 \
    Problems__Directory=/app/problems
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Grader.Api.dll"]
