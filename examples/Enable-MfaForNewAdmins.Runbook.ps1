<#
.SYNOPSIS
    An Azure Automation runbook: each night, turns on per-user MFA for administrators who do not
    have it yet (those added to an administrator role since the last run).
.DESCRIPTION
    In an Automation account (runtime Windows PowerShell 5.1 or PowerShell 7.x) with the MSOnline
    module from msol-bridge's MSOnline.zip imported, it needs two assets:
      - the credential 'MsolBridgeApp': user name = the app registration's application (client) id,
        password = its client secret (application permissions: see the README);
      - the variable 'MsolBridgeTenantId': the tenant's id or one of its verified domains.
    Link it to a daily schedule. Outside Automation (no Get-AutomationPSCredential) it connects as
    a bare Connect-MsolService does, so it can be rehearsed first:
      msol-bridge run examples/Enable-MfaForNewAdmins.Runbook.ps1
#>
param(
    # Which roles count as administrator roles: a wildcard on the role's name.
    [string] $RoleNameLike = '*Administrator*'
)
$ErrorActionPreference = 'Stop'

if (Get-Command -Name Get-AutomationPSCredential -ErrorAction SilentlyContinue) {
    $env:MSOL_BRIDGE_BACKEND = 'graph'
    $env:MSOL_BRIDGE_TENANT_ID = Get-AutomationVariable -Name 'MsolBridgeTenantId'
    Connect-MsolService -Credential (Get-AutomationPSCredential -Name 'MsolBridgeApp')
} else {
    Connect-MsolService
}

$requirement = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
$requirement.RelyingParty = '*'
$requirement.State = 'Enabled'
$requirement.RememberDevicesNotIssuedBefore = (Get-Date)

# Each administrator once, whatever the number of roles they hold.
$admins = @{}
foreach ($role in @(Get-MsolRole | Where-Object { $_.Name -like $RoleNameLike })) {
    foreach ($member in @(Get-MsolRoleMember -RoleObjectId $role.ObjectId -All)) {
        if ($member.RoleMemberType -eq 'User' -and -not $admins.ContainsKey([string]$member.ObjectId)) {
            $admins[[string]$member.ObjectId] = $role.Name
        }
    }
}

$enabled = 0
$failed = 0
foreach ($objectId in $admins.Keys) {
    $user = Get-MsolUser -ObjectId $objectId
    if (@($user.StrongAuthenticationRequirements).Count -gt 0) { continue }
    try {
        Set-MsolUser -ObjectId $user.ObjectId -StrongAuthenticationRequirements @($requirement) -ErrorAction Stop
        Write-Output "$($user.UserPrincipalName) ($($admins[$objectId])): MFA enabled"
        $enabled++
    } catch {
        Write-Warning "$($user.UserPrincipalName) ($($admins[$objectId])): $($_.Exception.Message)"
        $failed++
    }
}
Write-Output "$($admins.Count) administrator(s) checked, MFA enabled for $enabled, $failed failed."
if ($failed -gt 0) { throw "$failed administrator(s) could not get MFA: see the warnings above." }
