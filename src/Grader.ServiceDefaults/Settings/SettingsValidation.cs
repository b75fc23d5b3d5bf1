using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grader.ServiceDefaults.Settings;

/// <summary>Options checked by a <see cref="SettingsCheck"/> when the host starts (and on every later read, as options are).</summary>
public static class SettingsValidation
{
    /// <summary>
    /// Adds <paramref name="rules"/> as the options' validation and runs it on start: a bad value stops the host before
    /// any hosted service runs, with every failing key in the exception's message.
    /// </summary>
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> builder, Action<T, SettingsCheck> rules)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new Validator<T>(builder.Name, rules));
        return builder.ValidateOnStart();
    }

    private sealed class Validator<T>(string? name, Action<T, SettingsCheck> rules) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var check = new SettingsCheck();
            rules(options, check);
            return check.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(check.Failures);
        }
    }
}
