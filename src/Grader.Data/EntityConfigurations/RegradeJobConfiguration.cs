using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

/// <summary><c>regrade_jobs</c>; planned and settled by SQL in <see cref="Regrades.RegradeJobStore"/> and <see cref="Regrades.RegradeBatchStore"/>.</summary>
internal sealed class RegradeJobConfiguration : IEntityTypeConfiguration<RegradeJob>
{
    public void Configure(EntityTypeBuilder<RegradeJob> builder)
    {
        builder.ToTable("regrade_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.State).AsStoredName<RegradeJobState>();
        builder.Property(j => j.PlannedVersions).HasColumnType("jsonb");
    }
}
