using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

/// <summary><c>regrade_items</c>, read by the reports; written by SQL in <see cref="Regrades.RegradeBatchStore"/>.</summary>
internal sealed class RegradeItemConfiguration : IEntityTypeConfiguration<RegradeItem>
{
    public void Configure(EntityTypeBuilder<RegradeItem> builder)
    {
        builder.ToTable("regrade_items");
        builder.HasKey(i => new { i.JobId, i.SubmissionId });
        builder.Property(i => i.Outcome).AsStoredName<RegradeOutcome>();
        builder.Property(i => i.Flips).HasColumnType("jsonb");
    }
}
