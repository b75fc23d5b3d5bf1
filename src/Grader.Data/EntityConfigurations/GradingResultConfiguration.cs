using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

internal sealed class GradingResultConfiguration : IEntityTypeConfiguration<GradingResult>
{
    public void Configure(EntityTypeBuilder<GradingResult> builder)
    {
        builder.ToTable("results");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Parts).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.SubmissionId, r.Revision }).IsUnique();
    }
}
