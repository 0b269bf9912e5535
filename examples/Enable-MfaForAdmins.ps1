<#
.SYNOPSIS
    Turns on per-user MFA for every Company Administrator (Global Administrator) without it.
.DESCRIPTION
    The classic MSOnline runbook: read the role's members, skip those already Enabled or Enforced,
    enable MFA for the rest and log what happened to a CSV file.
#>
param(
    [string] $LogPath = (Join-Path ([System.IO.Path]::GetTempPath()) 'EnableMfaForAdmins.csv')
)

Connect-MsolService

$requirement = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
$requirement.RelyingParty = "*"
$requirement.State = "Enabled"
$requirement.RememberDevicesNotIssuedBefore = (Get-Date)
$requirements = @($requirement)

$role = Get-MsolRole -RoleName "Company Administrator"
$log = @()
foreach ($member in Get-MsolRoleMember -RoleObjectId $role.ObjectId -All) {
    if ($member.RoleMemberType -ne "User") { continue }
    $user = Get-MsolUser -UserPrincipalName $member.EmailAddress
    $state = $user.StrongAuthenticationRequirements.State
    if ($state -eq "Enabled" -or $state -eq "Enforced") {
        Write-Output "$($user.UserPrincipalName): MFA already $state"
        $log += [pscustomobject]@{ UserPrincipalName = $user.UserPrincipalName; Before = $state; After = $state }
        continue
    }
    try {
        Set-MsolUser -UserPrincipalName $user.UserPrincipalName -StrongAuthenticationRequirements $requirements -ErrorAction Stop
        $after = (Get-MsolUser -UserPrincipalName $user.UserPrincipalName).StrongAuthenticationRequirements.State
        Write-Output "$($user.UserPrincipalName): MFA $after"
        $log += [pscustomobject]@{ UserPrincipalName = $user.UserPrincipalName; Before = "Disabled"; After = $after }
    } catch {
        Write-Warning "$($user.UserPrincipalName): $($_.Exception.Message)"
        $log += [pscustomobject]@{ UserPrincipalName = $user.UserPrincipalName; Before = "Disabled"; After = "Failed: $($_.Exception.Message)" }
    }
}
$log | Export-Csv -Path $LogPath -NoTypeInformation
Write-Output "Log written to $LogPath"
