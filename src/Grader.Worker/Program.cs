using Grader.ServiceDefaults;
using Grader.Worker.Extensions;

var builder = Host.CreateApplicationBuilder(args);
builder.AddGraderLogging();
builder.AddWorkerServices();

var host = builder.Build();
await host.PrepareGraderAsync();
await host.RunAsync();
