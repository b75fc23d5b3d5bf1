using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.EntityConfigurations;

/// <summary><c>results</c>; <c>part_outcomes</c> is not mapped: a trigger (or the regrade batch's INSERT … SELECT) fills it.</summary>
internal sealed class GradingResultConfiguration : IEntityTypeConfiguration<GradingResult>
{
    public void Configure(EntityTypeBuilder<GradingResult> builder)
    {
        builder.ToTable("results");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Parts).HasColumnType("jsonb");
    }
}
