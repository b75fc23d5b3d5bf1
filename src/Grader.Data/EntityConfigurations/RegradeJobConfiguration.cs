using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

internal sealed class RegradeJobConfiguration : IEntityTypeConfiguration<RegradeJob>
{
    public void Configure(EntityTypeBuilder<RegradeJob> builder)
    {
        builder.ToTable("regrade_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.PlannedVersions).HasColumnType("jsonb");
    }
}
