<#
.SYNOPSIS
    Writes an MFA status report of every user to a CSV file.
.DESCRIPTION
    One row per user: per-user MFA state ("Disabled" when unset), the default method, every
    registered method, the registered phone, admin roles, and whether MFA is on with nothing
    registered (whoever signs in first registers their own phone).
#>
param(
    [string] $Path = (Join-Path ([System.IO.Path]::GetTempPath()) 'MfaStatusReport.csv')
)

Connect-MsolService

# Each user's admin roles, from one listing per role (and per role-assignable group among its
# members): asking Get-MsolUserRole for every user would cost one round trip per user, which on
# Microsoft Graph takes hours for a large tenant.
$rolesByUser = @{}
foreach ($role in Get-MsolRole) {
    $members = foreach ($member in Get-MsolRoleMember -RoleObjectId $role.ObjectId -All) {
        if ($member.RoleMemberType -eq 'Group') {
            Get-MsolGroupMember -GroupObjectId $member.ObjectId -All
        } else {
            $member
        }
    }
    foreach ($member in $members) {
        if (-not $rolesByUser.ContainsKey($member.ObjectId)) {
            $rolesByUser[$member.ObjectId] = New-Object System.Collections.Generic.List[string]
        }
        if (-not $rolesByUser[$member.ObjectId].Contains($role.Name)) { $rolesByUser[$member.ObjectId].Add($role.Name) }
    }
}

$report = foreach ($user in Get-MsolUser -All) {
    $state = $user.StrongAuthenticationRequirements.State
    if (-not $state) { $state = "Disabled" }
    $default = $user.StrongAuthenticationMethods | Where-Object { $_.IsDefault -eq $true } | Select-Object -ExpandProperty MethodType
    $roles = $rolesByUser[$user.ObjectId] -join "; "
    [pscustomobject]@{
        UserPrincipalName   = $user.UserPrincipalName
        DisplayName         = $user.DisplayName
        IsLicensed          = $user.IsLicensed
        BlockCredential     = $user.BlockCredential
        MfaState            = $state
        DefaultMethod       = $default
        Methods             = ($user.StrongAuthenticationMethods.MethodType -join ", ")
        MfaPhone            = $user.StrongAuthenticationUserDetails.PhoneNumber
        AdminRoles          = $roles
        OnWithoutMethods    = ($state -ne "Disabled" -and $user.StrongAuthenticationMethods.Count -eq 0)
    }
}
$report | Export-Csv -Path $Path -NoTypeInformation
$disabledAdmins = @($report | Where-Object { $_.AdminRoles -and $_.MfaState -eq "Disabled" })
$exposed = @($report | Where-Object { $_.OnWithoutMethods })
Write-Output "$(@($report).Count) users written to $Path"
Write-Output "Admins without MFA: $($disabledAdmins.Count)"
$disabledAdmins | Select-Object UserPrincipalName, AdminRoles | Format-Table -AutoSize | Out-String | Write-Output
Write-Output "MFA on but nothing registered: $($exposed.Count)"
