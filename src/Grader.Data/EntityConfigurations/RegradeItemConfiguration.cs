using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

internal sealed class RegradeItemConfiguration : IEntityTypeConfiguration<RegradeItem>
{
    public void Configure(EntityTypeBuilder<RegradeItem> builder)
    {
        builder.ToTable("regrade_items");
        builder.HasKey(i => new { i.JobId, i.SubmissionId });
        builder.Property(i => i.Flips).HasColumnType("jsonb");
    }
}
