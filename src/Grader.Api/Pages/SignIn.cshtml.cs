using Grader.Api.Staff;
using Grader.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grader.Api.Pages;

/// <summary>Signs a staff member in with an instructor or admin API key; an lms, unknown or revoked key is refused.</summary>
public sealed class SignInModel(ApiKeyStore keys) : PageModel
{
    [BindProperty] public string? Key { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(Key) ? null : await keys.FindByTokenAsync(Key.Trim(), cancellationToken);
        if (StaffSession.Refusal(key) is { } refusal)
        {
            Error = refusal;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(StaffSession.SchemeName, StaffSession.Principal(key!));
        // Only a local address: a crafted link must not send the signed-in user elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
