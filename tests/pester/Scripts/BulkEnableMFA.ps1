# An old bulk-enable script, kept as admins wrote it: Get-MsolUser without -All (500 at most),
# filtered in the pipeline and piped straight into Set-MsolUser.
Import-Module MSOnline
Connect-MsolService

$auth = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
$auth.RelyingParty = "*"
$auth.State = "Enabled"
$auth.RememberDevicesNotIssuedBefore = (Get-Date)
$authReq = @($auth)

Get-MsolUser | Where-Object {$_.StrongAuthenticationRequirements.State -notmatch 'Enabled|Enforced' -and $_.isLicensed -and $_.BlockCredential -eq $False} | Set-MsolUser -StrongAuthenticationRequirements $authReq

$left = Get-MsolUser -All | Where-Object {$_.StrongAuthenticationRequirements.State -notmatch 'Enabled|Enforced' -and $_.isLicensed -and $_.BlockCredential -eq $False}
if ($left) { Write-Error "still without MFA: $($left.UserPrincipalName -join ', ')"; exit 1 }
Write-Output "done"
