# Disables per-user MFA with @() for blocked accounts, and forces re-registration for one user,
# checking $? as older scripts did.
Connect-MsolService

$blocked = Get-MsolUser -All -EnabledFilter DisabledOnly
foreach ($user in $blocked) {
    Set-MsolUser -ObjectId $user.ObjectId -UserPrincipalName $user.UserPrincipalName -StrongAuthenticationRequirements @()
    if (-not $?) { Write-Error "failed for $($user.UserPrincipalName)"; exit 1 }
}
Get-MsolUser -UserPrincipalName "admin@contoso.onmicrosoft.com" | Set-MsolUser -StrongAuthenticationMethods @()
$admin = Get-MsolUser -UserPrincipalName "admin@contoso.onmicrosoft.com"
if ($admin.StrongAuthenticationMethods.Count -ne 0 -or $admin.StrongAuthenticationRequirements.State -ne "Enforced") { Write-Error "reset went wrong"; exit 1 }
Write-Output "done: $(@($blocked).Count) blocked user(s)"
