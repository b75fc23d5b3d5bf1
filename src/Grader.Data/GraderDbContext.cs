using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>Submissions and their results. The schema itself comes from the SQL files in <c>Migrations/</c>.</summary>
public sealed class GraderDbContext(DbContextOptions<GraderDbContext> options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<GradingResult> Results => Set<GradingResult>();
    public DbSet<RegradeJob> RegradeJobs => Set<RegradeJob>();
    public DbSet<RegradeItem> RegradeItems => Set<RegradeItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GraderDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
